using System.Collections.Generic;
using System;

namespace VodTools.Model
{
    /// <summary>What Get-VodMigration reports about a migration journal.</summary>
    public sealed class MigrationReport
    {
        public string JournalPath { get; set; } = string.Empty;
        public string Bucket { get; set; } = string.Empty;
        public string? Prefix { get; set; }
        public string? TemplateGroupId { get; set; }
        public bool Snapshot { get; set; }
        /// <summary>False while the bucket's listing has not reached its end: Total grows as it goes on.</summary>
        public bool ListingComplete { get; set; }
        public long Total { get; set; }
        public long Listed { get; set; }
        public long Registered { get; set; }
        public long Transcoding { get; set; }
        public long Transcoded { get; set; }
        public long Done { get; set; }
        public long Failed { get; set; }
        public int Runs { get; set; }
        public DateTime? Started { get; set; }
        /// <summary>The time the runs of the job took, added up.</summary>
        public TimeSpan Elapsed { get; set; }
        /// <summary>The files still to go through the slowest stage at that stage's rate; null when nothing is left or no rate is known yet.</summary>
        public TimeSpan? Remaining { get; set; }
        public IReadOnlyList<MigrationStageRate> Stages { get; set; } = Array.Empty<MigrationStageRate>();
        public IReadOnlyList<MigrationFailureGroup> Failures { get; set; } = Array.Empty<MigrationFailureGroup>();
        /// <summary>Files through each stage per time slice, for the throughput chart.</summary>
        public IReadOnlyList<MigrationTimeSlice> Timeline { get; set; } = Array.Empty<MigrationTimeSlice>();
    }
}
