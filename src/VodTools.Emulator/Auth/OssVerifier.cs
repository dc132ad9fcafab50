using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace VodTools.Emulator.Auth;

/// <summary>Checks OSS signatures as OSS publishes them ("Include signatures in the Authorization header",
/// "Recommend to use signature version 4", "Add signatures to URLs"): V1 ("OSS ak:sig" header or
/// OSSAccessKeyId/Expires/Signature query) and V4 (OSS4-HMAC-SHA256 header or x-oss-signature query).
/// The resource is always /bucket/key, whatever the addressing style.</summary>
/// <remarks>Deliberately independent of the module's <c>OssV1Signer</c> and <c>OssV4Signer</c>: written apart from the same sources, no code shared, so that a mistake in one shows against the other.</remarks>
internal sealed class OssVerifier(IKeyResolver keys, TimeProvider clock)
{
    /// <summary>The time signatures are checked against (the emulator's clock).</summary>
    public DateTimeOffset Now => clock.GetUtcNow();

    public const string V4Algorithm = "OSS4-HMAC-SHA256";
    private const string UnsignedPayload = "UNSIGNED-PAYLOAD";

    /// <summary>Query parameters that V1 signs (the server-side sub-resource list, union of the SDKs').</summary>
    private static readonly HashSet<string> SubResources = new(StringComparer.Ordinal)
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
        "resourceGroup", "transferAcceleration", "metaQuery", "accessPoint",
    };

    /// <param name="bucket">the bucket the request addresses, or null for service-level calls (ListBuckets)</param>
    /// <param name="key">the decoded object key, or null for bucket-level calls</param>
    public AuthOutcome Verify(IncomingRequest request, string? bucket, string? key)
    {
        string? authorization = request.Header("authorization");
        if (authorization != null)
        {
            authorization = authorization.Trim();
            if (authorization.StartsWith(V4Algorithm, StringComparison.Ordinal))
                return VerifyV4Header(request, bucket, key, authorization[V4Algorithm.Length..]);
            if (authorization.StartsWith("OSS ", StringComparison.Ordinal))
                return VerifyV1Header(request, bucket, key, authorization[4..].Trim());
            return Fail(400, "InvalidArgument", "Authorization header is invalid.");
        }
        if (request.QueryValue("x-oss-signature-version") != null) return VerifyV4Query(request, bucket, key);
        if (request.QueryValue("OSSAccessKeyId") != null || request.QueryValue("Signature") != null) return VerifyV1Query(request, bucket, key);
        return Fail(403, "AccessDenied", "AccessDenied: anonymous access is not allowed on this emulator; sign the request.");
    }

    public static string CanonicalResource(string? bucket, string? key) =>
        bucket == null ? "/" : "/" + bucket + "/" + (key ?? "");

    public static string V1StringToSign(IncomingRequest request, string dateLine, string? bucket, string? key)
    {
        var sb = new StringBuilder();
        sb.Append(request.Method).Append('\n')
          .Append(request.Header("content-md5") ?? "").Append('\n')
          .Append(request.Header("content-type") ?? "").Append('\n')
          .Append(dateLine).Append('\n');
        foreach (var (name, value) in OssHeaders(request, _ => false))
            sb.Append(name).Append(':').Append(value).Append('\n');
        sb.Append(CanonicalResource(bucket, key));
        var signedQuery = request.Query
            .Where(p => SubResources.Contains(p.Key) || p.Key.StartsWith("x-oss-", StringComparison.Ordinal))
            .OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => p.Value.Length == 0 ? p.Key : p.Key + "=" + p.Value).ToList();
        if (signedQuery.Count > 0) sb.Append('?').Append(string.Join("&", signedQuery));
        return sb.ToString();
    }

    public static string V1Signature(string secret, string stringToSign) =>
        Convert.ToBase64String(HMACSHA1.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(stringToSign)));

    /// <param name="emptyValueWithEquals">ali-oss writes a non-sub-resource query value "" as "name=" where the
    /// other SDKs (and the published V4 form) write the bare name; the verifier tries the published form first.</param>
    public static string V4CanonicalRequest(IncomingRequest request, string? bucket, string? key, IReadOnlyList<string> additionalHeaders, bool emptyValueWithEquals = false)
    {
        string uri = Percent.Encode(CanonicalResource(bucket, key), keepSlash: true);
        var query = string.Join("&", request.Query
            .Where(p => p.Key != "x-oss-signature")
            .Select(p => (Name: Percent.Encode(p.Key), Value: Percent.Encode(p.Value), Sub: SubResources.Contains(p.Key)))
            .OrderBy(p => p.Name, StringComparer.Ordinal).ThenBy(p => p.Value, StringComparer.Ordinal)
            .Select(p => p.Value.Length > 0 ? p.Name + "=" + p.Value : emptyValueWithEquals && !p.Sub ? p.Name + "=" : p.Name));
        var headers = new StringBuilder();
        foreach (var (name, value) in OssHeaders(request, n => n is "content-type" or "content-md5" || additionalHeaders.Contains(n)))
            headers.Append(name).Append(':').Append(value).Append('\n');
        string payload = request.Header("x-oss-content-sha256") ?? UnsignedPayload;
        return request.Method + "\n" + uri + "\n" + query + "\n" + headers + "\n" + string.Join(";", additionalHeaders) + "\n" + payload;
    }

    public static string V4StringToSign(string date, string scope, string canonicalRequest) =>
        V4Algorithm + "\n" + date + "\n" + scope + "\n" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonicalRequest)));

    public static string V4Signature(string secret, string day, string region, string product, string stringToSign)
    {
        byte[] k = HMACSHA256.HashData(Encoding.UTF8.GetBytes("aliyun_v4" + secret), Encoding.UTF8.GetBytes(day));
        k = HMACSHA256.HashData(k, Encoding.UTF8.GetBytes(region));
        k = HMACSHA256.HashData(k, Encoding.UTF8.GetBytes(product));
        k = HMACSHA256.HashData(k, "aliyun_v4_request"u8.ToArray());
        return Convert.ToHexStringLower(HMACSHA256.HashData(k, Encoding.UTF8.GetBytes(stringToSign)));
    }

    /// <summary>Every x-oss-* header (plus the ones <paramref name="alsoSigned"/> names), lower-cased,
    /// trimmed, same-name values joined with ',', sorted by name.</summary>
    private static IEnumerable<(string Name, string Value)> OssHeaders(IncomingRequest request, Func<string, bool> alsoSigned) =>
        request.Headers
            .Select(h => (Name: h.Key.ToLowerInvariant(), Value: h.Value.Trim()))
            .Where(h => h.Name.StartsWith("x-oss-", StringComparison.Ordinal) || alsoSigned(h.Name))
            .GroupBy(h => h.Name)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => (g.Key, string.Join(",", g.Select(h => h.Value))));

    private AuthOutcome VerifyV1Header(IncomingRequest request, string? bucket, string? key, string credential)
    {
        int colon = credential.LastIndexOf(':');
        if (colon <= 0) return Fail(400, "InvalidArgument", "Authorization header is invalid.");
        string keyId = credential[..colon].Trim(), provided = credential[(colon + 1)..].Trim();
        string? date = request.Header("x-oss-date") ?? request.Header("date");
        if (date == null || !DateTimeOffset.TryParseExact(date, "r", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var sent))
            return Fail(403, "AccessDenied", "OSS authentication requires a valid Date.");
        string stringToSign = V1StringToSign(request, date, bucket, key);
        var failure = CheckKey(keyId, request.Header("x-oss-security-token"), out var found)
            ?? CheckSkew(sent)
            ?? (KeyCheck.SameText(V1Signature(found!.Secret, stringToSign), provided) ? null : Mismatch(stringToSign, provided, keyId));
        return Outcome(found, failure, null, stringToSign);
    }

    private AuthOutcome VerifyV1Query(IncomingRequest request, string? bucket, string? key)
    {
        string? keyId = request.QueryValue("OSSAccessKeyId"), expires = request.QueryValue("Expires"), provided = request.QueryValue("Signature");
        if (keyId == null || expires == null || provided == null)
            return Fail(403, "AccessDenied", "Query-string authentication requires the Signature, Expires and OSSAccessKeyId parameters");
        if (!long.TryParse(expires, NumberStyles.Integer, CultureInfo.InvariantCulture, out long expiresAt))
            return Fail(403, "AccessDenied", "Invalid argument: Expires.");
        string stringToSign = V1StringToSign(request, expires, bucket, key);
        var failure = CheckKey(keyId, request.QueryValue("security-token"), out var found)
            ?? (DateTimeOffset.FromUnixTimeSeconds(expiresAt) < clock.GetUtcNow() ? new AuthFailure(403, "AccessDenied", "Request has expired.") : null)
            ?? (KeyCheck.SameText(V1Signature(found!.Secret, stringToSign), provided) ? null : Mismatch(stringToSign, provided, keyId));
        return Outcome(found, failure, null, stringToSign);
    }

    private AuthOutcome VerifyV4Header(IncomingRequest request, string? bucket, string? key, string fieldsText)
    {
        var fields = RpcVerifier.ParseAuthorizationFields(fieldsText);
        if (!fields.TryGetValue("Credential", out var credential) || !fields.TryGetValue("Signature", out var provided))
            return Fail(400, "InvalidArgument", "Authorization header is invalid: Credential or Signature is missing.");
        string? date = request.Header("x-oss-date");
        if (date == null || !TryParseV4Date(date, out var sent))
            return Fail(403, "AccessDenied", "OSS authentication requires a valid Date.");
        string? payload = request.Header("x-oss-content-sha256");
        if (payload != null && payload != UnsignedPayload)
            return Fail(400, "InvalidArgument", "The value of the x-oss-content-sha256 header is invalid. Change the value of the header to UNSIGNED-PAYLOAD.");
        fields.TryGetValue("AdditionalHeaders", out var additional);
        return VerifyV4(request, bucket, key, credential, date, additional, provided, request.Header("x-oss-security-token"), () => CheckSkew(sent));
    }

    private AuthOutcome VerifyV4Query(IncomingRequest request, string? bucket, string? key)
    {
        string? credential = request.QueryValue("x-oss-credential"), date = request.QueryValue("x-oss-date"),
            expires = request.QueryValue("x-oss-expires"), provided = request.QueryValue("x-oss-signature");
        if (request.QueryValue("x-oss-signature-version") != V4Algorithm || credential == null || date == null || provided == null)
            return Fail(403, "AccessDenied", "Query-string authentication requires x-oss-signature-version, x-oss-credential, x-oss-date and x-oss-signature.");
        if (!TryParseV4Date(date, out var signedAt) || !int.TryParse(expires ?? "3600", out int seconds))
            return Fail(403, "AccessDenied", "Invalid argument: x-oss-date or x-oss-expires.");
        return VerifyV4(request, bucket, key, credential, date, request.QueryValue("x-oss-additional-headers"), provided,
            request.QueryValue("x-oss-security-token"),
            () => signedAt.AddSeconds(seconds) < clock.GetUtcNow() ? new AuthFailure(403, "AccessDenied", "Request has expired.") : null);
    }

    private AuthOutcome VerifyV4(IncomingRequest request, string? bucket, string? key, string credential, string date,
        string? additional, string provided, string? token, Func<AuthFailure?> timeCheck)
    {
        // Credential = <AccessKeyId>/<yyyyMMdd>/<region>/<product>/aliyun_v4_request
        var parts = credential.Split('/');
        if (parts.Length != 5 || parts[4] != "aliyun_v4_request")
            return Fail(400, "InvalidArgument", "Invalid credential in Authorization header.");
        string keyId = parts[0], day = parts[1], region = parts[2], product = parts[3];
        string scope = string.Join("/", parts.Skip(1));
        var additionalHeaders = (additional ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(h => h.ToLowerInvariant())
            .Where(h => !h.StartsWith("x-oss-", StringComparison.Ordinal) && h is not ("content-type" or "content-md5") && request.Header(h) != null)
            .Distinct().OrderBy(h => h, StringComparer.Ordinal).ToList();

        string canonical = V4CanonicalRequest(request, bucket, key, additionalHeaders);
        string stringToSign = V4StringToSign(date, scope, canonical);
        var failure = CheckKey(keyId, token, out var found) ?? timeCheck();
        if (failure == null)
        {
            bool Matches(string sts) => KeyCheck.SameText(V4Signature(found!.Secret, day, region, product, sts), provided.ToLowerInvariant());
            string aliOssCanonical = V4CanonicalRequest(request, bucket, key, additionalHeaders, emptyValueWithEquals: true);
            if (!Matches(stringToSign) && (aliOssCanonical == canonical || !Matches(V4StringToSign(date, scope, aliOssCanonical))))
                failure = Mismatch(stringToSign, provided, keyId);
        }
        return Outcome(found, failure, canonical, stringToSign);
    }

    private AuthFailure? CheckKey(string keyId, string? token, out AccessKey? key)
    {
        key = keys.Find(keyId);
        return KeyCheck.Check(key, token, clock.GetUtcNow()) switch
        {
            KeyProblem.UnknownKey => new AuthFailure(403, "InvalidAccessKeyId", "The OSS Access Key Id you provided does not exist in our records.",
                [new("OSSAccessKeyId", keyId)]),
            KeyProblem.MissingToken or KeyProblem.WrongToken => new AuthFailure(403, "InvalidSecurityToken", "The security token you provided is invalid."),
            KeyProblem.Expired => new AuthFailure(403, "SecurityTokenExpired", "The security token you provided has expired."),
            _ => null,
        };
    }

    private AuthFailure? CheckSkew(DateTimeOffset sent)
    {
        var now = clock.GetUtcNow();
        return (now - sent).Duration() > KeyCheck.AllowedSkew
            ? new AuthFailure(403, "RequestTimeTooSkewed", "The difference between the request time and the current time is too large.",
                [new("RequestTime", sent.ToString("r", CultureInfo.InvariantCulture)), new("ServerTime", now.ToString("r", CultureInfo.InvariantCulture))])
            : null;
    }

    private static bool TryParseV4Date(string value, out DateTimeOffset time) =>
        DateTimeOffset.TryParseExact(value, "yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out time);

    private static AuthFailure Mismatch(string stringToSign, string provided, string keyId) =>
        new(403, "SignatureDoesNotMatch", "The request signature we calculated does not match the signature you provided. Check your key and signing method.",
        [
            new("StringToSign", stringToSign),
            new("StringToSignBytes", string.Join(" ", Encoding.UTF8.GetBytes(stringToSign).Select(b => b.ToString("x2")))),
            new("SignatureProvided", provided),
            new("OSSAccessKeyId", keyId),
        ]);

    private static AuthOutcome Outcome(AccessKey? key, AuthFailure? failure, string? canonical, string stringToSign) =>
        new() { Key = failure == null ? key : null, Failure = failure, CanonicalRequest = canonical, StringToSign = stringToSign };

    private static AuthOutcome Fail(int status, string code, string message) => new() { Failure = new AuthFailure(status, code, message) };
}
