using System.Collections.Generic;
using VodTools.Model;

namespace VodTools.Services.Migration
{
    /// <summary>
    /// The circuit breaker of a run: per stage, the failures in a row that can go away and look alike (same ErrorId and
    /// cloud code, no file through the stage in between). That many files failing alike is one cause (an outage, access or
    /// storage not set up), not a property of each file: the run stops and its files are left to the next run.
    /// </summary>
    internal sealed class MigrationCircuit
    {
        /// <summary>Files in a row failing alike that stop the run.</summary>
        public const int Threshold = 10;

        private readonly Dictionary<MigrationStage, (string Cause, int Count)> _streaks = new Dictionary<MigrationStage, (string, int)>();

        /// <summary>Counts one file's outcome at a stage; true when it makes <see cref="Threshold"/> alike in a row.</summary>
        public bool Count(MigrationStage stage, MigrationFile file)
        {
            lock (_streaks)
            {
                if (file.Progress != MigrationState.Failed || !file.Retryable)
                {
                    _streaks.Remove(stage);
                    return false;
                }
                var cause = file.ErrorId + "|" + file.ErrorCode;
                var count = _streaks.TryGetValue(stage, out var streak) && streak.Cause == cause ? streak.Count + 1 : 1;
                _streaks[stage] = (cause, count);
                return count >= Threshold;
            }
        }
    }
}
