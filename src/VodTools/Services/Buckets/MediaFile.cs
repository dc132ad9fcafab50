namespace VodTools.Services.Buckets
{
    /// <summary>A media of the bucket's storage location and the key of its source file.</summary>
    public sealed class MediaFile
    {
        public MediaFile(string key, string mediaId, string? status, long? size)
        {
            Key = key;
            MediaId = mediaId;
            Status = status;
            Size = size;
        }

        public string Key { get; }
        public string MediaId { get; }
        public string? Status { get; }
        public long? Size { get; }
    }
}
