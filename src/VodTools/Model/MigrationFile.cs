using System;

namespace VodTools.Model
{
    /// <summary>One file of a migration as its journal records it; Invoke-VodMigration emits one per file it finished.</summary>
    /// <remarks>States and stages are words (Done, Transcode), so the object converts to JSON as a monitoring system reads it.</remarks>
    public sealed class MigrationFile
    {
        /// <summary>The journal's row.</summary>
        internal long Id { get; set; }
        public string Bucket { get; set; } = string.Empty;
        public string Key { get; set; } = string.Empty;
        /// <summary>The OSS URL VOD registers (binds Register-VodMedia's -FileUrl).</summary>
        public string FileUrl { get; set; } = string.Empty;
        public long Size { get; set; }
        /// <summary>Listed, Registered, Transcoding, Transcoded, Done or Failed.</summary>
        public string State => Progress.ToString();
        public string? MediaId { get; set; }
        public string? TaskId { get; set; }
        public string? SnapshotJobId { get; set; }
        /// <summary>The transcode task's final status, e.g. CompleteAllSucc.</summary>
        public string? Status { get; set; }
        /// <summary>Register, Transcode, Wait or Snapshot: the stage a failed file failed at.</summary>
        public string? FailedStage => FailedAt?.ToString();
        /// <summary>The stable ErrorId of the failure, as on the ErrorRecord it was reported with.</summary>
        public string? ErrorId { get; set; }
        /// <summary>The cloud's error code, e.g. Throttling.User or InvalidVideo.Damaged.</summary>
        public string? ErrorCode { get; set; }
        /// <summary>True for a failure whose cause can go away (access, throttling, an outage): the next run takes the file up again by itself. False for one of the file itself (e.g. InvalidVideo.Damaged), retried only with -RetryFailed.</summary>
        public bool Retryable { get; set; }
        public string? RequestId { get; set; }
        public string? Message { get; set; }
        /// <summary>When the file last changed state (UTC).</summary>
        public DateTime? Updated { get; set; }
        /// <summary>The journal the file belongs to (binds Invoke-VodMigration's -JournalPath).</summary>
        public string JournalPath { get; set; } = string.Empty;

        /// <summary>Where the file stands (<see cref="State"/> in words).</summary>
        internal MigrationState Progress { get; set; }
        /// <summary>The stage a failed file failed at (<see cref="FailedStage"/> in words).</summary>
        internal MigrationStage? FailedAt { get; set; }
        /// <summary>RegisterMedia created the media (NewRegister): it cannot have a transcode task from before.</summary>
        internal bool NewRegister { get; set; }
        /// <summary>The task's job ids, polled ten to a GetTranscodeTask call.</summary>
        internal string? JobIds { get; set; }
        /// <summary>Set when a failed task is retried: the failed task's id, which makes the new SessionId.</summary>
        internal string? RetrySalt { get; set; }
        /// <summary>The failure this run met, until it is reported (not kept in the journal).</summary>
        internal Exception? Error { get; set; }

        public override string ToString() => Key;
    }
}
