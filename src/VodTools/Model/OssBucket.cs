using System;

namespace VodTools.Model
{
    /// <summary>An OSS bucket, as ListBuckets or GetBucketInfo describe it.</summary>
    public sealed class OssBucket
    {
        public string Bucket { get; set; } = string.Empty;
        /// <summary>The bucket's name, as <see cref="Bucket"/>: what other PowerShell objects call their name.</summary>
        public string Name => Bucket;
        /// <summary>The region id, e.g. <c>cn-shanghai</c>.</summary>
        public string Region { get; set; } = string.Empty;
        /// <summary>OSS's location name, e.g. <c>oss-cn-shanghai</c>.</summary>
        public string Location { get; set; } = string.Empty;
        public DateTime? CreationTime { get; set; }
        public string? StorageClass { get; set; }
        public string? ExtranetEndpoint { get; set; }
        public string? IntranetEndpoint { get; set; }
        public string? Acl { get; set; }

        public override string ToString() => Bucket;
    }
}
