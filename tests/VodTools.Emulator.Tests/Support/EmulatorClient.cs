using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using System.Text;
using System.Xml.Linq;
using VodTools.Emulator.Auth;
using VodTools.Emulator.Hosting;
using VodTools.Shared;

namespace VodTools.Emulator.Tests;

/// <summary>A running in-process emulator (in memory, random port) and a client that signs requests the way
/// the official clients do, using the emulator's canonical-string builders (those are checked against the
/// official clients' own strings in <see cref="SignatureVectorTests"/>).</summary>
internal sealed class Emulator : IAsyncDisposable
{
    private readonly EmulatorHost? _host;

    private Emulator(string baseUrl, EmulatorHost? host, EmulatorClock clock, AccessKey key)
    {
        _host = host;
        BaseUrl = baseUrl;
        Clock = clock;
        Http = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false }) { BaseAddress = new Uri(baseUrl) };
        Key = key;
    }

    public string BaseUrl { get; }

    public IReadOnlyDictionary<string, string> ServiceUrls => _host?.ServiceUrls ?? new Dictionary<string, string>();
    public EmulatorClock Clock { get; }
    public HttpClient Http { get; }
    /// <summary>How far the client's clock is off the emulator's when it signs OSS requests.</summary>
    public TimeSpan ClientSkew { get; set; }

    /// <summary>The key requests are signed with unless a call names another.</summary>
    public AccessKey Key { get; set; }

    /// <summary>The fault seed of every emulator a test starts, so a rule with a probability draws the same faults each run.</summary>
    public const int FaultSeed = 20260124;

    /// <summary>An in-memory emulator on a free port, --lenient unless <paramref name="configure"/> says otherwise: the
    /// suites that are not about RAM or the seed workflow's order skip setting the account up. Its faults are drawn from
    /// <see cref="FaultSeed"/>.</summary>
    public static async Task<Emulator> StartAsync(Action<EmulatorOptions>? configure = null)
    {
        var options = new EmulatorOptions { Port = 0, InMemory = true, TranscodeSeconds = 10, Lenient = true, FaultSeed = FaultSeed };
        configure?.Invoke(options);
        var host = await EmulatorHost.StartAsync(options);
        return new Emulator(host.BaseUrl, host, options.Clock, new AccessKey(options.AccessKeyId, options.AccessKeySecret, options.AccountId));
    }

    /// <summary>A client for an emulator running elsewhere (another process) with the default key.</summary>
    public static Task<Emulator> ConnectAsync(string baseUrl) => Task.FromResult(new Emulator(baseUrl, null, new EmulatorClock(),
        new AccessKey(EmulatorDefaults.AccessKeyId, EmulatorDefaults.AccessKeySecret, EmulatorDefaults.AccountId)));

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        if (_host != null) await _host.DisposeAsync();
    }

    public sealed record RpcResult(HttpStatusCode Status, JsonObject Body)
    {
        public string? Code => (string?)Body["Code"];
    }

    /// <summary>A V3 (ACS3-HMAC-SHA256) call with every parameter in the query, as the generated SDKs send it.</summary>
    /// <param name="host">the Host header to send and sign (e.g. vod.cn-beijing.aliyuncs.com), as when a name points at the emulator</param>
    public async Task<RpcResult> RpcAsync(string version, string action, IDictionary<string, string>? parameters = null, AccessKey? key = null, string? host = null)
    {
        key ??= Key;
        string query = string.Join("&", (parameters ?? new Dictionary<string, string>()).Select(p => Percent.Encode(p.Key) + "=" + Percent.Encode(p.Value)));
        var headers = new List<KeyValuePair<string, string>>
        {
            new("host", host ?? Http.BaseAddress!.Authority),
            new("x-acs-action", action),
            new("x-acs-version", version),
            new("x-acs-date", Clock.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)),
            new("x-acs-signature-nonce", Guid.NewGuid().ToString("N")),
            new("x-acs-content-sha256", Convert.ToHexStringLower(SHA256.HashData([]))),
        };
        if (key.SecurityToken != null) headers.Add(new("x-acs-security-token", key.SecurityToken));
        var signed = headers.Select(h => h.Key).OrderBy(h => h, StringComparer.Ordinal).ToList();
        var view = new IncomingRequest("POST", "/?" + query, headers, []);
        string signature = RpcVerifier.V3Signature(key.Secret, RpcVerifier.V3StringToSign(RpcVerifier.V3CanonicalRequest(view, signed, headers[5].Value)));
        using var request = new HttpRequestMessage(HttpMethod.Post, "/?" + query);
        foreach (var (name, value) in headers.Where(h => h.Key != "host")) request.Headers.TryAddWithoutValidation(name, value);
        if (host != null) request.Headers.Host = host;
        request.Headers.TryAddWithoutValidation("Authorization",
            $"{RpcVerifier.V3Algorithm} Credential={key.Id},SignedHeaders={string.Join(";", signed)},Signature={signature}");
        return await SendRpcAsync(request);
    }

    /// <summary>A V1 (HMAC-SHA1) call; POST puts every parameter in a form body, as pop-core does.</summary>
    public async Task<RpcResult> RpcV1Async(string version, string action, IDictionary<string, string>? parameters = null,
        AccessKey? key = null, string method = "GET", string? nonce = null, DateTimeOffset? timestamp = null)
    {
        key ??= Key;
        var all = new Dictionary<string, string>(parameters ?? new Dictionary<string, string>())
        {
            ["Action"] = action, ["Version"] = version, ["Format"] = "JSON", ["AccessKeyId"] = key.Id,
            ["SignatureMethod"] = "HMAC-SHA1", ["SignatureVersion"] = "1.0", ["SignatureNonce"] = nonce ?? Guid.NewGuid().ToString(),
            ["Timestamp"] = (timestamp ?? Clock.GetUtcNow()).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
        };
        if (key.SecurityToken != null) all["SecurityToken"] = key.SecurityToken;
        all["Signature"] = RpcVerifier.V1Signature(key.Secret, RpcVerifier.V1StringToSign(method, all));
        string encoded = string.Join("&", all.Select(p => Percent.Encode(p.Key) + "=" + Percent.Encode(p.Value)));
        using var request = method == "GET"
            ? new HttpRequestMessage(HttpMethod.Get, "/?" + encoded)
            : new HttpRequestMessage(HttpMethod.Post, "/") { Content = new StringContent(encoded, Encoding.UTF8, "application/x-www-form-urlencoded") };
        return await SendRpcAsync(request);
    }

    public Task<RpcResult> VodAsync(string action, IDictionary<string, string>? parameters = null, AccessKey? key = null, string? host = null) =>
        RpcAsync("2017-03-21", action, parameters, key, host);

    public Task<RpcResult> RamAsync(string action, IDictionary<string, string>? parameters = null, AccessKey? key = null) =>
        RpcAsync("2015-05-01", action, parameters, key);

    public Task<RpcResult> StsAsync(string action, IDictionary<string, string>? parameters = null, AccessKey? key = null) =>
        RpcAsync("2015-04-01", action, parameters, key);

    private async Task<RpcResult> SendRpcAsync(HttpRequestMessage request)
    {
        using var response = await Http.SendAsync(request);
        string text = await response.Content.ReadAsStringAsync();
        return new RpcResult(response.StatusCode, (JsonObject)JsonNode.Parse(text)!);
    }

    public enum OssStyle { Path, VirtualHost }

    /// <summary>An OSS request signed with V1 (default) or V4 (scoped to <paramref name="region"/>), addressed path-style or virtual-host style.</summary>
    public async Task<HttpResponseMessage> OssAsync(HttpMethod method, string? bucket, string? key = null, string query = "",
        HttpContent? content = null, IDictionary<string, string>? headers = null, bool v4 = false, OssStyle style = OssStyle.Path,
        AccessKey? accessKey = null, string region = "cn-shanghai")
    {
        accessKey ??= Key;
        string encodedKey = key == null ? "" : Percent.Encode(key, keepSlash: true);
        string host = style == OssStyle.VirtualHost && bucket != null ? $"{bucket}.oss-cn-shanghai.aliyuncs.com:{Http.BaseAddress!.Port}" : Http.BaseAddress!.Authority;
        string path = style == OssStyle.VirtualHost || bucket == null ? "/" + encodedKey : $"/{bucket}/{encodedKey}";
        string target = path + (query.Length > 0 ? "?" + query : "");
        // sent exactly as written: .NET would otherwise remove "." and ".." segments, which are part of a key
        var exact = new Uri(BaseUrl.TrimEnd('/') + target, new UriCreationOptions { DangerousDisablePathAndQueryCanonicalization = true });
        var request = new HttpRequestMessage(method, exact) { Content = content };
        request.Headers.Host = host;
        var now = Clock.GetUtcNow() + ClientSkew;
        foreach (var (name, value) in headers ?? new Dictionary<string, string>())
            if (!request.Headers.TryAddWithoutValidation(name, value)) request.Content!.Headers.TryAddWithoutValidation(name, value);
        request.Headers.TryAddWithoutValidation("x-oss-date", v4
            ? now.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture)
            : now.ToString("r", CultureInfo.InvariantCulture));
        if (v4) request.Headers.TryAddWithoutValidation("x-oss-content-sha256", "UNSIGNED-PAYLOAD");
        if (accessKey.SecurityToken != null) request.Headers.TryAddWithoutValidation("x-oss-security-token", accessKey.SecurityToken);

        var all = request.Headers.Concat(request.Content?.Headers ?? Enumerable.Empty<KeyValuePair<string, IEnumerable<string>>>())
            .SelectMany(h => h.Value.Select(v => new KeyValuePair<string, string>(h.Key, v)));
        var view = new IncomingRequest(method.Method, target, all, []);
        if (v4)
        {
            string day = now.UtcDateTime.ToString("yyyyMMdd", CultureInfo.InvariantCulture);
            string scope = $"{day}/{region}/oss/aliyun_v4_request";
            string sts = OssVerifier.V4StringToSign(view.Header("x-oss-date")!, scope, OssVerifier.V4CanonicalRequest(view, bucket, key, []));
            request.Headers.TryAddWithoutValidation("Authorization",
                $"{OssVerifier.V4Algorithm} Credential={accessKey.Id}/{scope},Signature={OssVerifier.V4Signature(accessKey.Secret, day, region, "oss", sts)}");
        }
        else
        {
            string sts = OssVerifier.V1StringToSign(view, view.Header("x-oss-date")!, bucket, key);
            request.Headers.TryAddWithoutValidation("Authorization", $"OSS {accessKey.Id}:{OssVerifier.V1Signature(accessKey.Secret, sts)}");
        }
        return await Http.SendAsync(request);
    }

    public static async Task<XElement> XmlAsync(HttpResponseMessage response) =>
        XElement.Parse(await response.Content.ReadAsStringAsync());

    public static Dictionary<string, string> P(params string[] pairs) =>
        Enumerable.Range(0, pairs.Length / 2).ToDictionary(i => pairs[2 * i], i => pairs[2 * i + 1]);
}
