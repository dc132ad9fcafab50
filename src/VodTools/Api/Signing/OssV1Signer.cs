using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System;

namespace VodTools.Api.Signing
{
    /// <summary>OSS signature V1 (header and presigned URL), as OSS "Include signatures in the Authorization header" defines it.</summary>
    /// <remarks>Deliberately independent of the emulator's <c>OssVerifier</c> (both written from the same sources, no code shared), so that a mistake in one shows against the other.</remarks>
    public static class OssV1Signer
    {
        /// <summary>Query parameters OSS signs as sub-resources (the union of the lists in alibabacloud-oss-go-sdk-v2 oss/signer/v1.go and aliyun-oss-csharp-sdk SignUtils.cs).</summary>
        /// <remarks>Deliberately independent of the emulator's list in <c>OssVerifier</c> (both read from the same SDKs); HandCopiedTablesTests names every difference.</remarks>
        public static readonly ISet<string> SubResources = new HashSet<string>(StringComparer.Ordinal)
        {
            "acl", "uploads", "location", "cors", "logging", "website", "referer", "lifecycle", "delete", "append",
            "tagging", "objectMeta", "uploadId", "partNumber", "security-token", "position", "img", "style", "styleName",
            "replication", "replicationProgress", "replicationLocation", "cname", "bucketInfo", "comp", "qos", "live",
            "status", "vod", "startTime", "endTime", "symlink", "x-oss-process", "response-content-type",
            "response-content-language", "response-expires", "response-cache-control", "response-content-disposition",
            "response-content-encoding", "udf", "udfName", "udfImage", "udfId", "udfImageDesc", "udfApplication",
            "udfApplicationLog", "restore", "callback", "callback-var", "policy", "stat", "encryption", "versions",
            "versioning", "versionId", "requestPayment", "x-oss-request-payer", "sequential", "inventory", "inventoryId",
            "continuation-token", "asyncFetch", "worm", "wormId", "wormExtend", "x-oss-traffic-limit", "regionList",
            "resourceGroup", "transferAcceleration", "accessPoint", "metaQuery",
        };

        /// <summary>RFC 1123 date, as the Date line wants it.</summary>
        public static string FormatDate(DateTimeOffset time) => time.UtcDateTime.ToString("r", CultureInfo.InvariantCulture);

        /// <summary>
        /// Signs for the Authorization header. The Date line is the <c>x-oss-date</c> header when present,
        /// else <c>Date</c>; the caller sets one of them.
        /// </summary>
        public static OssV1Signature SignHeader(OssRequestParts request, string accessKeyId, string accessKeySecret)
        {
            var date = request.Header("x-oss-date") ?? request.Header("Date") ?? string.Empty;
            return Sign(request, date, accessKeyId, accessKeySecret);
        }

        /// <summary>
        /// Presigns a URL valid until <paramref name="expires"/>. Returns the query parameters to add
        /// (<c>OSSAccessKeyId</c>, <c>Expires</c>, <c>Signature</c>, and <c>security-token</c> for STS keys),
        /// values not yet URL-encoded.
        /// </summary>
        public static IReadOnlyList<KeyValuePair<string, string>> Presign(
            OssRequestParts request, DateTimeOffset expires, string accessKeyId, string accessKeySecret, string? securityToken)
        {
            var expiresText = expires.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
            var query = request.Query.ToList();
            if (!string.IsNullOrEmpty(securityToken)) query.Add(new KeyValuePair<string, string>("security-token", securityToken!));
            var signed = Sign(new OssRequestParts(request.Method, request.Bucket, request.Key, query, request.Headers), expiresText, accessKeyId, accessKeySecret);
            var added = new List<KeyValuePair<string, string>>
            {
                new KeyValuePair<string, string>("OSSAccessKeyId", accessKeyId),
                new KeyValuePair<string, string>("Expires", expiresText),
                new KeyValuePair<string, string>("Signature", signed.Signature),
            };
            if (!string.IsNullOrEmpty(securityToken)) added.Add(new KeyValuePair<string, string>("security-token", securityToken!));
            return added;
        }

        private static OssV1Signature Sign(OssRequestParts request, string dateLine, string accessKeyId, string accessKeySecret)
        {
            var builder = new StringBuilder();
            builder.Append(request.Method).Append('\n')
                .Append(request.Header("Content-MD5") ?? string.Empty).Append('\n')
                .Append(request.Header("Content-Type") ?? string.Empty).Append('\n')
                .Append(dateLine).Append('\n');
            foreach (var header in request.CanonicalHeaders(name => name.StartsWith("x-oss-", StringComparison.Ordinal)))
            {
                builder.Append(header.Key).Append(':').Append(header.Value).Append('\n');
            }
            builder.Append(CanonicalizedResource(request));
            var stringToSign = builder.ToString();
            var signature = Convert.ToBase64String(Crypto.HmacSha1(Encoding.UTF8.GetBytes(accessKeySecret), stringToSign));
            return new OssV1Signature(stringToSign, signature, "OSS " + accessKeyId + ":" + signature);
        }

        private static string CanonicalizedResource(OssRequestParts request)
        {
            var resource = request.Bucket == null ? "/" : "/" + request.Bucket + "/" + request.Key;
            var subResources = request.Query
                .Where(p => SubResources.Contains(p.Key) || p.Key.StartsWith("x-oss-", StringComparison.Ordinal))
                .OrderBy(p => p.Key, StringComparer.Ordinal)
                .Select(p => string.IsNullOrEmpty(p.Value) ? p.Key : p.Key + "=" + p.Value)
                .ToList();
            return subResources.Count == 0 ? resource : resource + "?" + string.Join("&", subResources);
        }
    }
}
