using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System;

namespace VodTools.Api.Signing
{
    /// <summary>OSS signature V4 (<c>OSS4-HMAC-SHA256</c>), header and presigned URL, as OSS "Recommend to use signature version 4" and "Add signatures to URLs" define it.</summary>
    /// <remarks>Deliberately independent of the emulator's <c>OssVerifier</c> (both written from the same sources, no code shared), so that a mistake in one shows against the other.</remarks>
    public static class OssV4Signer
    {
        public const string Algorithm = "OSS4-HMAC-SHA256";
        public const string UnsignedPayload = "UNSIGNED-PAYLOAD";
        public const string Product = "oss";

        /// <summary><c>yyyyMMdd'T'HHmmss'Z'</c>, the <c>x-oss-date</c> form.</summary>
        public static string FormatDate(DateTimeOffset time) => time.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);

        /// <summary>The V4 region id: <c>oss-cn-hangzhou</c> and <c>cn-hangzhou</c> both give <c>cn-hangzhou</c>.</summary>
        public static string StandardRegion(string region) =>
            region.StartsWith("oss-", StringComparison.Ordinal) ? region.Substring(4) : region;

        /// <summary>
        /// Signs for the Authorization header. The request must already carry <c>x-oss-date</c>
        /// (= <see cref="FormatDate"/> of <paramref name="time"/>) and <c>x-oss-content-sha256: UNSIGNED-PAYLOAD</c>.
        /// </summary>
        public static OssV4Signature SignHeader(
            OssRequestParts request, IEnumerable<string> additionalHeaders, string region, DateTimeOffset time,
            string accessKeyId, string accessKeySecret, string product = Product)
        {
            var additional = AdditionalHeaderNames(request, additionalHeaders);
            var scope = Scope(time, region, product);
            var canonicalRequest = CanonicalRequest(request, request.Query, additional);
            var signed = Sign(canonicalRequest, time, scope, region, product, accessKeySecret);
            var authorization = Algorithm + " Credential=" + accessKeyId + "/" + scope
                + (additional.Count > 0 ? ",AdditionalHeaders=" + string.Join(";", additional) : string.Empty)
                + ",Signature=" + signed.Signature;
            return new OssV4Signature(canonicalRequest, signed.StringToSign, scope, string.Join(";", additional), signed.Signature, authorization);
        }

        /// <summary>
        /// Presigns a URL valid for <paramref name="expiresSeconds"/> (at most 7 days). Returns the query
        /// parameters to add, <c>x-oss-signature</c> last, values not yet URL-encoded.
        /// </summary>
        public static IReadOnlyList<KeyValuePair<string, string>> Presign(
            OssRequestParts request, IEnumerable<string> additionalHeaders, string region, DateTimeOffset time, int expiresSeconds,
            string accessKeyId, string accessKeySecret, string? securityToken, string product = Product)
        {
            if (expiresSeconds < 1 || expiresSeconds > 7 * 24 * 3600)
                throw new ArgumentOutOfRangeException(nameof(expiresSeconds), "A V4 presigned URL is valid for 1 second to 7 days.");
            var additional = AdditionalHeaderNames(request, additionalHeaders);
            var scope = Scope(time, region, product);
            var added = new List<KeyValuePair<string, string>>
            {
                new KeyValuePair<string, string>("x-oss-signature-version", Algorithm),
                new KeyValuePair<string, string>("x-oss-credential", accessKeyId + "/" + scope),
                new KeyValuePair<string, string>("x-oss-date", FormatDate(time)),
                new KeyValuePair<string, string>("x-oss-expires", expiresSeconds.ToString(CultureInfo.InvariantCulture)),
            };
            if (additional.Count > 0) added.Add(new KeyValuePair<string, string>("x-oss-additional-headers", string.Join(";", additional)));
            if (!string.IsNullOrEmpty(securityToken)) added.Add(new KeyValuePair<string, string>("x-oss-security-token", securityToken!));
            var canonicalRequest = CanonicalRequest(request, request.Query.Concat(added), additional);
            var signed = Sign(canonicalRequest, time, scope, region, product, accessKeySecret);
            added.Add(new KeyValuePair<string, string>("x-oss-signature", signed.Signature));
            return added;
        }

        private static (string StringToSign, string Signature) Sign(
            string canonicalRequest, DateTimeOffset time, string scope, string region, string product, string accessKeySecret)
        {
            var stringToSign = Algorithm + "\n" + FormatDate(time) + "\n" + scope + "\n" + Crypto.Sha256Hex(canonicalRequest);
            var day = time.UtcDateTime.ToString("yyyyMMdd", CultureInfo.InvariantCulture);
            var key = Crypto.HmacSha256(Encoding.UTF8.GetBytes("aliyun_v4" + accessKeySecret), day);
            key = Crypto.HmacSha256(key, StandardRegion(region));
            key = Crypto.HmacSha256(key, product);
            key = Crypto.HmacSha256(key, "aliyun_v4_request");
            return (stringToSign, Crypto.ToHex(Crypto.HmacSha256(key, stringToSign)));
        }

        private static string Scope(DateTimeOffset time, string region, string product) =>
            time.UtcDateTime.ToString("yyyyMMdd", CultureInfo.InvariantCulture) + "/" + StandardRegion(region) + "/" + product + "/aliyun_v4_request";

        private static bool IsDefaultSigned(string lowerName) =>
            lowerName.StartsWith("x-oss-", StringComparison.Ordinal) || lowerName == "content-type" || lowerName == "content-md5";

        /// <summary>Lower-cased, distinct, sorted; default-signed names and names absent from the request dropped.</summary>
        private static List<string> AdditionalHeaderNames(OssRequestParts request, IEnumerable<string> names) =>
            names.Select(n => n.ToLowerInvariant())
                .Where(n => !IsDefaultSigned(n) && request.Header(n) != null)
                .Distinct()
                .OrderBy(n => n, StringComparer.Ordinal)
                .ToList();

        private static string CanonicalRequest(OssRequestParts request, IEnumerable<KeyValuePair<string, string>> query, List<string> additional)
        {
            var uri = request.Bucket == null ? "/" : "/" + request.Bucket + "/" + Rfc3986.EncodePath(request.Key ?? string.Empty);
            var canonicalQuery = string.Join("&", query
                .Where(p => p.Key != "x-oss-signature")
                .Select(p => new KeyValuePair<string, string>(Rfc3986.Encode(p.Key), Rfc3986.Encode(p.Value ?? string.Empty)))
                .OrderBy(p => p.Key, StringComparer.Ordinal)
                .ThenBy(p => p.Value, StringComparer.Ordinal)
                .Select(p => p.Value.Length == 0 ? p.Key : p.Key + "=" + p.Value));
            var headers = new StringBuilder();
            foreach (var header in request.CanonicalHeaders(n => IsDefaultSigned(n) || additional.Contains(n)))
            {
                headers.Append(header.Key).Append(':').Append(header.Value).Append('\n');
            }
            var payload = request.Header("x-oss-content-sha256") ?? UnsignedPayload;
            return request.Method + "\n" + uri + "\n" + canonicalQuery + "\n" + headers + "\n" + string.Join(";", additional) + "\n" + payload;
        }
    }
}
