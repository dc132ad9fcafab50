using System;

namespace VodTools.Model
{
    /// <summary>One run of Invoke-VodMigration on a journal, as the journal recorded it.</summary>
    public sealed class MigrationRun
    {
        public DateTime Started { get; set; }
        /// <summary>The last time the run committed anything (its end, for a run that ended).</summary>
        public DateTime Ended { get; set; }
        public double Seconds { get; set; }
        /// <summary>The computer the run was on.</summary>
        public string? Host { get; set; }
        public int ProcessId { get; set; }
        /// <summary>How the run ended: Finished (it did all it could), TimeLimit (-MaxDuration), CircuitBroken (many files failed alike), Failed (an error no file could get past), Stopped (Ctrl+C); empty while it runs, or when it was killed.</summary>
        public string? Outcome { get; set; }
        /// <summary>Files its listing found that the journal did not have: the new files of this run.</summary>
        public long NewFiles { get; set; }
        /// <summary>Files this run finished (done) and failed.</summary>
        public long Done { get; set; }
        public long Failed { get; set; }

        public override string ToString() => $"{Started:u} {Outcome}";
    }
}
