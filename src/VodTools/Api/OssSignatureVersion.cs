namespace VodTools.Api
{
    /// <summary>How an OSS client signs its requests.</summary>
    public enum OssSignatureVersion
    {
        /// <summary>OSS4-HMAC-SHA256: required for accounts created since 2025-03 and buckets since 2025-09.</summary>
        V4,
        /// <summary>The legacy HMAC-SHA1 header signature.</summary>
        V1,
    }
}
