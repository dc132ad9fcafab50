namespace VodTools.Model
{
    /// <summary>How a file of the bucket and VOD's media stand to each other (Compare-VodBucket).</summary>
    public enum VodBucketState
    {
        /// <summary>The file is in the bucket and VOD has a media for it.</summary>
        Registered,
        /// <summary>The file is in the bucket and VOD does not know it.</summary>
        NotRegistered,
        /// <summary>VOD has a media whose source file is no longer in the bucket.</summary>
        SourceMissing,
    }
}
