namespace VodTools.Emulator.Auth;

/// <summary>What a signature check needs to see of a request, exactly as it came over the wire:
/// the raw (still percent-encoded) path and query, every header with its original value, and the
/// body when the signature covers it (RPC only; OSS signs UNSIGNED-PAYLOAD).</summary>
internal sealed class IncomingRequest
{
    public IncomingRequest(string method, string rawTarget, IEnumerable<KeyValuePair<string, string>> headers, byte[] body)
    {
        Method = method.ToUpperInvariant();
        int q = rawTarget.IndexOf('?');
        RawPath = q < 0 ? rawTarget : rawTarget[..q];
        RawQuery = q < 0 ? "" : rawTarget[(q + 1)..];
        Headers = headers.ToList();
        Body = body;
        Query = Percent.ParseForm(RawQuery);
    }

    public string Method { get; }
    public string RawPath { get; }
    public string RawQuery { get; }
    public IReadOnlyList<KeyValuePair<string, string>> Headers { get; }
    public byte[] Body { get; }
    public IReadOnlyList<KeyValuePair<string, string>> Query { get; }

    /// <summary>The header's value, or null; several headers of one name are joined with ','.</summary>
    public string? Header(string name)
    {
        var values = Headers.Where(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Select(h => h.Value).ToList();
        return values.Count == 0 ? null : string.Join(",", values);
    }

    /// <summary>The first query value of that name (case-sensitive, as the cloud reads them), or null.</summary>
    public string? QueryValue(string name)
    {
        foreach (var p in Query)
            if (p.Key == name) return p.Value;
        return null;
    }

    public bool HasQuery(string name) => Query.Any(p => p.Key == name);

    public string Host => Header("host") ?? "";

    public bool HasFormBody =>
        Body.Length > 0 && (Header("content-type") ?? "").StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase);
}
