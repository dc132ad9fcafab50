using System;

namespace VodTools.Model
{
    /// <summary>A snapshot job of a media: one Start-VodSnapshot submitted, or one ListJobInfo lists (Get-VodSnapshot -Job).</summary>
    public sealed class SnapshotJob
    {
        public string JobId { get; set; } = string.Empty;
        public string MediaId { get; set; } = string.Empty;
        /// <summary>Processing, Success or Fail; Submitted for a job just submitted, whose status was not read.</summary>
        public string Status { get; set; } = SubmittedStatus;
        public DateTime? CreationTime { get; set; }
        public DateTime? CompleteTime { get; set; }

        /// <summary>The status of a job this module has just submitted.</summary>
        public const string SubmittedStatus = "Submitted";

        /// <summary>True once VOD says the job failed ("Fail"): it made no snapshots.</summary>
        public bool IsFailed => Status.IndexOf("Fail", StringComparison.OrdinalIgnoreCase) >= 0;

        public override string ToString() => JobId;
    }
}
