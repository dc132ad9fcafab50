using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace VodTools.Emulator.Auth;

/// <summary>Checks RPC signatures (VOD, RAM, STS) as Alibaba Cloud publishes them ("Request syntax and
/// signature method V3"; the RPC signature page of help.aliyun.com/zh/sdk/product-overview/rpc-mechanism):
/// V3 ACS3-HMAC-SHA256 in the Authorization header, or V1 HMAC-SHA1 in the Signature parameter.</summary>
/// <remarks>Deliberately independent of the module's <c>RpcV1Signer</c> and <c>RpcV3Signer</c>: written apart from the same sources, no code shared, so that a mistake in one shows against the other.</remarks>
internal sealed class RpcVerifier(IKeyResolver keys, TimeProvider clock, NonceCache nonces)
{
    public const string V3Algorithm = "ACS3-HMAC-SHA256";
    private static readonly string EmptyBodyHash = Hex(SHA256.HashData([]));

    /// <param name="formParams">the parameters of a form-encoded body (empty when there is none)</param>
    public AuthOutcome Verify(IncomingRequest request, IReadOnlyList<KeyValuePair<string, string>> formParams)
    {
        string? authorization = request.Header("authorization");
        if (authorization != null && authorization.TrimStart().StartsWith(V3Algorithm, StringComparison.Ordinal))
            return VerifyV3(request, authorization);
        if (request.QueryValue("Signature") != null || formParams.Any(p => p.Key == "Signature"))
            return VerifyV1(request, formParams);
        return Fail(400, "MissingParameter", "The input parameter \"Signature\" that is mandatory for processing this request is not supplied.");
    }

    public static string V1StringToSign(string method, IEnumerable<KeyValuePair<string, string>> parameters)
    {
        var canonical = string.Join("&", parameters
            .Where(p => p.Key != "Signature")
            .OrderBy(p => p.Key, StringComparer.Ordinal).ThenBy(p => p.Value, StringComparer.Ordinal)
            .Select(p => Percent.Encode(p.Key) + "=" + Percent.Encode(p.Value)));
        return method + "&" + Percent.Encode("/") + "&" + Percent.Encode(canonical);
    }

    public static string V1Signature(string secret, string stringToSign) =>
        Convert.ToBase64String(HMACSHA1.HashData(Encoding.UTF8.GetBytes(secret + "&"), Encoding.UTF8.GetBytes(stringToSign)));

    public static string V3CanonicalRequest(IncomingRequest request, IReadOnlyList<string> signedHeaders, string payloadHash)
    {
        string path = Percent.Encode(Percent.DecodePath(request.RawPath.Length == 0 ? "/" : request.RawPath), keepSlash: true);
        var query = string.Join("&", request.Query
            .Select(p => (Name: Percent.Encode(p.Key), Value: Percent.Encode(p.Value)))
            .OrderBy(p => p.Name, StringComparer.Ordinal).ThenBy(p => p.Value, StringComparer.Ordinal)
            .Select(p => p.Name + "=" + p.Value));
        var headers = new StringBuilder();
        foreach (var name in signedHeaders)
        {
            var values = request.Headers.Where(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase))
                .Select(h => h.Value.Trim()).OrderBy(v => v, StringComparer.Ordinal);
            headers.Append(name).Append(':').Append(string.Join(",", values)).Append('\n');
        }
        return request.Method + "\n" + path + "\n" + query + "\n" + headers + "\n" + string.Join(";", signedHeaders) + "\n" + payloadHash;
    }

    public static string V3StringToSign(string canonicalRequest) =>
        V3Algorithm + "\n" + Hex(SHA256.HashData(Encoding.UTF8.GetBytes(canonicalRequest)));

    public static string V3Signature(string secret, string stringToSign) =>
        Hex(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(stringToSign)));

    private AuthOutcome VerifyV3(IncomingRequest request, string authorization)
    {
        var fields = ParseAuthorizationFields(authorization[(authorization.IndexOf(V3Algorithm, StringComparison.Ordinal) + V3Algorithm.Length)..]);
        if (!fields.TryGetValue("Credential", out var keyId) || !fields.TryGetValue("SignedHeaders", out var signedList)
            || !fields.TryGetValue("Signature", out var provided))
            return Fail(400, "IncompleteSignature", "The request signature does not conform to Aliyun standards.");
        string? date = request.Header("x-acs-date");
        string? nonce = request.Header("x-acs-signature-nonce");
        if (date == null) return Missing("x-acs-date");
        if (nonce == null) return Missing("x-acs-signature-nonce");

        string bodyHash = request.Body.Length == 0 ? EmptyBodyHash : Hex(SHA256.HashData(request.Body));
        string claimedHash = request.Header("x-acs-content-sha256")?.Trim().ToLowerInvariant() ?? bodyHash;
        var signedHeaders = signedList.Split(';', StringSplitOptions.RemoveEmptyEntries).Select(h => h.Trim().ToLowerInvariant()).ToList();
        string canonical = V3CanonicalRequest(request, signedHeaders, claimedHash);
        string stringToSign = V3StringToSign(canonical);

        var failure = CheckKeyAndTime(keyId, request.Header("x-acs-security-token"), date, out var key)
            ?? (claimedHash != bodyHash
                ? new AuthFailure(400, "SignatureDoesNotMatch", "The x-acs-content-sha256 header does not match the SHA-256 of the request body.")
                : null)
            ?? (KeyCheck.SameText(V3Signature(key!.Secret, stringToSign), provided.ToLowerInvariant())
                ? null
                : SignatureMismatch(stringToSign))
            ?? CheckNonce(keyId, nonce);
        return new AuthOutcome { Key = failure == null ? key : null, Failure = failure, CanonicalRequest = canonical, StringToSign = stringToSign };
    }

    private AuthOutcome VerifyV1(IncomingRequest request, IReadOnlyList<KeyValuePair<string, string>> formParams)
    {
        var all = request.Query.Concat(formParams).ToList();
        string? Value(string name) => all.FirstOrDefault(p => p.Key == name).Value;
        foreach (var required in new[] { "AccessKeyId", "SignatureNonce", "Timestamp" })
            if (string.IsNullOrEmpty(Value(required))) return Missing(required);
        string method = Value("SignatureMethod") ?? "HMAC-SHA1";
        if (method != "HMAC-SHA1")
            return Fail(400, "InvalidParameter", "The specified parameter \"SignatureMethod\" is not valid.");

        string stringToSign = V1StringToSign(request.Method, all);
        string keyId = Value("AccessKeyId")!;
        var failure = CheckKeyAndTime(keyId, Value("SecurityToken"), Value("Timestamp")!, out var key)
            ?? (KeyCheck.SameText(V1Signature(key!.Secret, stringToSign), Value("Signature")!) ? null : SignatureMismatch(stringToSign))
            ?? CheckNonce(keyId, Value("SignatureNonce")!);
        return new AuthOutcome { Key = failure == null ? key : null, Failure = failure, StringToSign = stringToSign };
    }

    private AuthFailure? CheckKeyAndTime(string keyId, string? token, string timestamp, out AccessKey? key)
    {
        var now = clock.GetUtcNow();
        key = keys.Find(keyId);
        switch (KeyCheck.Check(key, token, now))
        {
            case KeyProblem.UnknownKey:
                return new AuthFailure(404, "InvalidAccessKeyId.NotFound", "Specified access key is not found.");
            case KeyProblem.MissingToken:
            case KeyProblem.WrongToken:
                return new AuthFailure(400, "InvalidSecurityToken.MismatchWithAccessKey", "Specified SecurityToken mismatch with the AccessKey.");
            case KeyProblem.Expired:
                return new AuthFailure(400, "InvalidSecurityToken.Expired", "Specified SecurityToken is expired.");
        }
        if (!TryParseTimestamp(timestamp, out var sent))
            return new AuthFailure(400, "InvalidTimeStamp.Format", "Specified time stamp or date value is not well formatted.");
        if ((now - sent).Duration() > KeyCheck.AllowedSkew)
            return new AuthFailure(400, "InvalidTimeStamp.Expired", "Specified time stamp or date value is expired.");
        return null;
    }

    private AuthFailure? CheckNonce(string keyId, string nonce) =>
        nonces.TryUse(keyId, nonce, clock.GetUtcNow()) ? null
            : new AuthFailure(400, "SignatureNonceUsed", "Specified signature nonce was used already.");

    private static AuthFailure SignatureMismatch(string stringToSign) =>
        new(400, "SignatureDoesNotMatch", "Specified signature is not matched with our calculation. server string to sign is:" + stringToSign);

    /// <summary>Accepts "yyyy-MM-ddTHH:mm:ssZ", with or without fractional seconds (ali-oss's STS client sends them).</summary>
    public static bool TryParseTimestamp(string value, out DateTimeOffset time) =>
        DateTimeOffset.TryParseExact(value, ["yyyy-MM-dd'T'HH:mm:ss'Z'", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'"],
            CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out time);

    /// <summary>"k=v,k2=v2" with any spacing and order.</summary>
    public static Dictionary<string, string> ParseAuthorizationFields(string text)
    {
        var fields = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            int eq = part.IndexOf('=');
            if (eq > 0) fields[part[..eq].Trim()] = part[(eq + 1)..].Trim();
        }
        return fields;
    }

    private static AuthOutcome Fail(int status, string code, string message) => new() { Failure = new AuthFailure(status, code, message) };

    private static AuthOutcome Missing(string name) =>
        Fail(400, "MissingParameter", $"The input parameter \"{name}\" that is mandatory for processing this request is not supplied.");

    public static string Hex(byte[] bytes) => Convert.ToHexStringLower(bytes);
}
