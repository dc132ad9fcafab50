namespace VodTools.Model
{
    /// <summary>A storage location bound to a VOD app (AddVodStorageForApp).</summary>
    public sealed class VodStorage
    {
        public string AppId { get; set; } = string.Empty;
        /// <summary><c>user_oss_bucket</c> or <c>vod_oss_bucket</c>.</summary>
        public string StorageType { get; set; } = string.Empty;
        /// <summary>The bucket's OSS domain, e.g. <c>media-archive.oss-cn-shanghai.aliyuncs.com</c>.</summary>
        public string StorageLocation { get; set; } = string.Empty;
        public string? Bucket { get; set; }

        public override string ToString() => StorageLocation;
    }
}
