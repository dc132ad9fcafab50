namespace VodTools.Model
{
    /// <summary>
    /// One file or media of a comparison. <see cref="FileUrl"/> (with <see cref="Bucket"/> and <see cref="Key"/>) binds to
    /// Register-VodMedia, <see cref="MediaId"/> to the media cmdlets.
    /// </summary>
    public sealed class VodBucketEntry
    {
        public VodBucketState State { get; set; }
        public string Bucket { get; set; } = string.Empty;
        /// <summary>The object key; null for a media whose source VOD no longer knows either.</summary>
        public string? Key { get; set; }
        /// <summary>The file's size in the bucket, or the size VOD recorded for a media whose file is gone.</summary>
        public long? Size { get; set; }
        /// <summary>Null for a file VOD does not know.</summary>
        public string? MediaId { get; set; }
        /// <summary>The media's status in VOD.</summary>
        public string? Status { get; set; }
        /// <summary>The file's OSS URL, the form Register-VodMedia takes.</summary>
        public string? FileUrl { get; set; }

        public override string ToString() => State + " " + (Key ?? MediaId);
    }
}
