using System.Text.Json;
using System.Text;
using System;
using VodTools.Api.Credentials;
using VodTools.Services.Formats;

namespace VodTools.Services.Vod
{
    /// <summary>Where and as whom to upload a media file: VOD's UploadAddress and UploadAuth, decoded.</summary>
    public sealed class UploadTarget
    {
        /// <summary>VOD's documented default validity of upload credentials, used when UploadAuth names none.</summary>
        public static readonly TimeSpan DefaultValidity = TimeSpan.FromSeconds(3000);

        public UploadTarget(Uri endpoint, string bucket, string key, string? region, CloudCredentials credentials, DateTimeOffset expires)
        {
            Endpoint = endpoint;
            Bucket = bucket;
            Key = key;
            Region = region;
            Credentials = credentials;
            Expires = expires;
        }

        public Uri Endpoint { get; }
        public string Bucket { get; }
        public string Key { get; }
        /// <summary>The OSS region when UploadAuth names it, else null.</summary>
        public string? Region { get; }
        public CloudCredentials Credentials { get; }
        public DateTimeOffset Expires { get; }

        /// <summary>The region to sign for: UploadAuth's Region, else the endpoint's (oss-&lt;region&gt;[-internal].aliyuncs.com), else <paramref name="fallback"/>.</summary>
        public string SigningRegion(string fallback)
        {
            if (!string.IsNullOrEmpty(Region)) return Region!;
            var label = Endpoint.Host.Split('.')[0];
            if (!label.StartsWith("oss-", StringComparison.Ordinal) || !Endpoint.Host.EndsWith(".aliyuncs.com", StringComparison.Ordinal)) return fallback;
            var region = label.Substring(4);
            return region.EndsWith("-internal", StringComparison.Ordinal) ? region.Substring(0, region.Length - "-internal".Length) : region;
        }

        /// <summary>
        /// Decodes UploadAddress (Base64 JSON Endpoint, Bucket, FileName) and UploadAuth (Base64 JSON AccessKeyId,
        /// AccessKeySecret, SecurityToken, and the UNCONFIRMED ExpireUTCTime, Expiration in seconds, Region).
        /// </summary>
        public static UploadTarget Parse(string uploadAddress, string uploadAuth, DateTimeOffset now)
        {
            using var address = JsonDocument.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(uploadAddress)));
            using var auth = JsonDocument.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(uploadAuth)));
            var a = address.RootElement;
            var c = auth.RootElement;
            var endpoint = a.Str("Endpoint") ?? throw new FormatException("UploadAddress names no Endpoint.");
            if (!endpoint.Contains("://")) endpoint = "https://" + endpoint;
            var expires = c.Date("ExpireUTCTime") is DateTime expiry ? new DateTimeOffset(expiry)
                : now + (c.Long("Expiration") is long seconds ? TimeSpan.FromSeconds(seconds) : DefaultValidity);
            var credentials = new CloudCredentials(
                c.Str("AccessKeyId") ?? throw new FormatException("UploadAuth names no AccessKeyId."),
                c.Str("AccessKeySecret") ?? throw new FormatException("UploadAuth names no AccessKeySecret."),
                c.Str("SecurityToken"),
                expires);
            return new UploadTarget(new Uri(endpoint), a.Str("Bucket") ?? string.Empty, a.Str("FileName") ?? string.Empty, c.Str("Region"), credentials, expires);
        }
    }
}
