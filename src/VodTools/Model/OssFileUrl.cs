using System;
using VodTools.Api.Signing;

namespace VodTools.Model
{
    /// <summary>
    /// The OSS URL of an object as VOD expects it in RegisterMedia: virtual-hosted on the bucket's public
    /// endpoint, key percent-encoded per segment (spec rpc-apis.md §6; oss-api.md §1.5).
    /// </summary>
    public static class OssFileUrl
    {
        public static string Build(string bucket, string region, string key) =>
            "https://" + bucket + ".oss-" + region + ".aliyuncs.com/" + Rfc3986.EncodePath(key);

        /// <summary>Reads bucket, region and key back from a FileURL; false when it does not name an OSS endpoint.</summary>
        public static bool TryParse(string fileUrl, out string bucket, out string region, out string key)
        {
            bucket = region = key = string.Empty;
            if (!Uri.TryCreate(fileUrl, UriKind.Absolute, out var uri) || (uri.Scheme != "https" && uri.Scheme != "http")) return false;
            var host = uri.Host;
            const string suffix = ".aliyuncs.com";
            var dot = host.IndexOf(".oss-", StringComparison.Ordinal);
            if (dot <= 0 || !host.EndsWith(suffix, StringComparison.Ordinal)) return false;
            bucket = host.Substring(0, dot);
            region = host.Substring(dot + 5, host.Length - dot - 5 - suffix.Length);
            if (region.EndsWith("-internal", StringComparison.Ordinal)) region = region.Substring(0, region.Length - "-internal".Length);
            key = Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/'));
            return bucket.Length > 0 && region.Length > 0 && key.Length > 0;
        }
    }
}
