using System.Net;
using System.Text.RegularExpressions;
using VodTools.Emulator.Auth;

namespace VodTools.Emulator.Oss;

/// <summary>Which bucket and key a request names. Virtual-host style (<c>bucket.oss-cn-shanghai.aliyuncs.com</c>,
/// also with a port, and the IP mode of ali-oss that puts that name in the Host header) takes the bucket from
/// the first label of the Host; path style (<c>localhost:PORT/bucket/key</c>, any IP literal, or an endpoint
/// host such as <c>oss-cn-shanghai.aliyuncs.com</c>) from the first path segment.</summary>
internal readonly partial record struct OssAddress(string? Bucket, string? Key)
{
    public static OssAddress Parse(string host, string rawPath)
    {
        string name = HostName(host).ToLowerInvariant();
        string path = rawPath.Length > 0 && rawPath[0] == '/' ? rawPath[1..] : rawPath;
        bool pathStyle = name == "localhost" || IPAddress.TryParse(name, out _) || !name.Contains('.')
            || name.StartsWith("oss-", StringComparison.Ordinal) || name.StartsWith("oss.", StringComparison.Ordinal);
        if (!pathStyle)
            return new OssAddress(name[..name.IndexOf('.')], EmptyToNull(Percent.DecodePath(path)));
        int slash = path.IndexOf('/');
        string bucket = Percent.DecodePath(slash < 0 ? path : path[..slash]);
        string key = slash < 0 ? "" : Percent.DecodePath(path[(slash + 1)..]);
        return new OssAddress(EmptyToNull(bucket), EmptyToNull(key));
    }

    /// <summary>The host without its port ("[::1]:80" → "::1", "b.oss-x.aliyuncs.com:9081" → "b.oss-x.aliyuncs.com").</summary>
    public static string HostName(string host)
    {
        if (host.StartsWith('['))
        {
            int end = host.IndexOf(']');
            return end < 0 ? host : host[1..end];
        }
        int colon = host.LastIndexOf(':');
        return colon < 0 ? host : host[..colon];
    }

    [GeneratedRegex(@"(^|\.)oss-(?<region>[a-z0-9-]+?)(-internal)?\.aliyuncs\.com$")]
    private static partial Regex EndpointRegion();

    /// <summary>The region a request is addressed to: the endpoint host's (bucket.oss-REGION.aliyuncs.com), else, on a
    /// host that names none (the emulator's loopback address), the region of the V4 credential scope, which a client
    /// takes from the endpoint it was given. Null for a V1 request to such a host.</summary>
    public static string? RegionAddressed(IncomingRequest request)
    {
        var fromHost = EndpointRegion().Match(HostName(request.Host));
        if (fromHost.Success) return fromHost.Groups["region"].Value;
        var credential = request.Header("authorization") is { } auth && auth.Contains("Credential=")
            ? auth[(auth.IndexOf("Credential=", StringComparison.Ordinal) + 11)..] : request.QueryValue("x-oss-credential");
        var parts = credential?.Split('/');
        return parts is { Length: >= 3 } ? parts[2] : null;
    }

    private static string? EmptyToNull(string s) => s.Length == 0 ? null : s;
}
