using System.Collections.Generic;
using System;

namespace VodTools.Model
{
    /// <summary>What Get-VodMigration reports about a migration journal; every value converts to JSON at ConvertTo-Json's default depth, durations in seconds.</summary>
    public sealed class MigrationReport
    {
        public const string Complete = "Complete";
        public const string Pending = "Pending";
        public const string FailedState = "Failed";

        public string JournalPath { get; set; } = string.Empty;
        /// <summary>What the job migrates: oss://bucket/prefix.</summary>
        public string Source => $"oss://{Bucket}/{Prefix}";
        public string Bucket { get; set; } = string.Empty;
        public string? Prefix { get; set; }
        /// <summary>The job's -Include and -Exclude wildcards (empty: none).</summary>
        public IReadOnlyList<string> Include { get; set; } = Array.Empty<string>();
        public IReadOnlyList<string> Exclude { get; set; } = Array.Empty<string>();
        public string? TemplateGroupId { get; set; }
        public bool Snapshot { get; set; }

        /// <summary>
        /// Complete: every file listed is done. Pending: a run has work left (a listing to finish, files on their way, or
        /// failures whose cause can go away, which the next run takes up again): run the same command again. Failed:
        /// nothing is left to do but some files failed for their content; -RetryFailed takes them up again.
        /// </summary>
        public string State => !ListingComplete || InProgress > 0 || FailedRetryable > 0 ? Pending : Failed > 0 ? FailedState : Complete;

        /// <summary>False while the bucket's listing has not reached its end: Total grows as it goes on.</summary>
        public bool ListingComplete { get; set; }
        public long Total { get; set; }
        public long Listed { get; set; }
        public long Registered { get; set; }
        public long Transcoding { get; set; }
        public long Transcoded { get; set; }
        public long Done { get; set; }
        public long Failed { get; set; }
        /// <summary>Failed files the next run takes up again by itself (their cause can go away).</summary>
        public long FailedRetryable { get; set; }
        /// <summary>Files on their way: listed, registered, transcoding, or transcoded and waiting for their snapshot.</summary>
        public long InProgress => Listed + Registered + Transcoding + Transcoded;
        public int Runs { get; set; }
        public DateTime? Started { get; set; }
        /// <summary>The time the runs of the job took, added up, in seconds.</summary>
        public double ElapsedSeconds { get; set; }
        /// <summary>The files still to go through the slowest stage at that stage's rate, in seconds; null when nothing is left or no rate is known yet.</summary>
        public double? RemainingSeconds { get; set; }
        /// <summary>The latest run: when, where, how it ended and what it found new.</summary>
        public MigrationRun? LastRun { get; set; }
        public IReadOnlyList<MigrationStageRate> Stages { get; set; } = Array.Empty<MigrationStageRate>();
        public IReadOnlyList<MigrationFailureGroup> Failures { get; set; } = Array.Empty<MigrationFailureGroup>();
        /// <summary>Files through each stage per time slice, for the throughput chart.</summary>
        public IReadOnlyList<MigrationTimeSlice> Timeline { get; set; } = Array.Empty<MigrationTimeSlice>();

        public override string ToString() => $"{Source}: {State}, {Done} of {Total} done";
    }
}
