using System.Collections.Generic;
using System.Threading;
using System;
using VodTools.Model;

namespace VodTools.Services.Migration
{
    /// <summary>One stage's counts (all runs of the job) and its rate over the last 20 seconds of this run.</summary>
    public sealed class StageMeter
    {
        private static readonly TimeSpan Window = TimeSpan.FromSeconds(20);
        private readonly Queue<(DateTime Time, long Passed)> _samples = new Queue<(DateTime, long)>();
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
        public double Rate(DateTime now)
        {
            lock (_samples)
            {
                _samples.Enqueue((now, Passed));
                while (_samples.Count > 2 && now - _samples.Peek().Time > Window) _samples.Dequeue();
                var (time, passed) = _samples.Peek();
                var seconds = (now - time).TotalSeconds;
                return seconds < 1 ? 0 : (Passed - passed) / seconds;
            }
        }
    }
}
