namespace VodTools.Model
{
    /// <summary>Where a file of a migration stands; the order is the order of the stages.</summary>
    public enum MigrationState
    {
        /// <summary>Listed in the bucket, not registered yet.</summary>
        Listed = 0,
        /// <summary>Registered with VOD (MediaId known), not transcoding yet.</summary>
        Registered = 1,
        /// <summary>A transcode task is running (TaskId known).</summary>
        Transcoding = 2,
        /// <summary>Transcoded; its snapshot is still to be taken.</summary>
        Transcoded = 3,
        Done = 4,
        /// <summary>A stage failed (FailedStage, ErrorId); -RetryFailed takes it up again from that stage.</summary>
        Failed = 5,
    }
}
