using System.Threading;
using System;
using VodTools.Model;
using VodTools.Services.Pacing;

namespace VodTools.Services.Migration
{
    /// <summary>One stage's counts (all runs of the job) and its rate over the last 20 seconds of this run.</summary>
    public sealed class StageMeter
    {
        private readonly RateWindow _rate = new RateWindow(TimeSpan.FromSeconds(20));
        private long _passed;
        private long _failed;

        public StageMeter(MigrationStage stage, long passed, long failed)
        {
            Stage = stage;
            _passed = passed;
            _failed = failed;
        }

        public MigrationStage Stage { get; }
        public long Passed => Interlocked.Read(ref _passed);
        public long Failed => Interlocked.Read(ref _failed);

        internal void Pass() => Interlocked.Increment(ref _passed);

        internal void Fail() => Interlocked.Increment(ref _failed);

        /// <summary>Files per second over the window, sampled now; 0 until two samples a second apart exist.</summary>
        public double Rate(DateTime now) => _rate.Sample(now, Passed);
    }
}
