using System;
using VodTools.Api.Signing;

namespace VodTools.Model
{
    /// <summary>
    /// The OSS URL of an object as VOD expects it in RegisterMedia: virtual-hosted on the bucket's public
    /// endpoint, key percent-encoded per segment, "." and ".." segments escaped so they stay part of the key
    /// (RegisterMedia's FileURL in VOD's API reference; OSS "Object naming conventions").
    /// </summary>
    public static class OssFileUrl
    {
        public static string Build(string bucket, string region, string key) =>
            "https://" + bucket + ".oss-" + region + ".aliyuncs.com/" + Rfc3986.EncodeKeyForUrl(key);

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
            key = Uri.UnescapeDataString(RawPath(fileUrl).TrimStart('/'));
            return bucket.Length > 0 && region.Length > 0 && key.Length > 0;
        }

        /// <summary>The path as written (Uri would remove "." and ".." segments from it, and they belong to the key).</summary>
        private static string RawPath(string url)
        {
            var start = url.IndexOf('/', url.IndexOf("://", StringComparison.Ordinal) + 3);
            if (start < 0) return string.Empty;
            var end = url.IndexOfAny(new[] { '?', '#' }, start);
            return end < 0 ? url.Substring(start) : url.Substring(start, end - start);
        }
    }
}
