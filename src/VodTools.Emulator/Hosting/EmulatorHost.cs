using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.Features;
using VodTools.Emulator.Auth;
using VodTools.Emulator.Oss;
using VodTools.Emulator.Rpc;
using VodTools.Emulator.Storage;
using VodTools.Emulator.Ram;
using VodTools.Emulator.Sts;
using VodTools.Emulator.Vod;

namespace VodTools.Emulator.Hosting;

/// <summary>The running emulator: one Kestrel listener serving RAM, STS and VOD (RPC, told apart by
/// x-acs-action/Action and the API version) and OSS (everything else), plus /_emulator/* admin endpoints.</summary>
public sealed class EmulatorHost : IAsyncDisposable
{
    /// <summary>RPC bodies are parameters, never media: anything bigger is refused rather than buffered.</summary>
    private const int MaxRpcBodyBytes = 4 * 1024 * 1024;

    private readonly WebApplication _app;
    private readonly Store _store;
    private readonly EmulatorOptions _options;
    private readonly KeyRing _keys;
    private readonly RpcVerifier _rpcVerifier;
    private readonly Dictionary<string, RpcService> _services;
    private readonly OssApi _oss;
    private readonly QuotaLimiter? _quota;
    private readonly FaultPlan? _faults;
    private readonly VodService _vod;
    /// <summary>What /_emulator/stats counts: requests served (admin ones aside), faults injected by kind, throttled calls.</summary>
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, long> _counters = new();

    private EmulatorHost(WebApplication app, EmulatorOptions options)
    {
        _app = app;
        _options = options;
        _store = new Store(options.InMemory ? null : options.DataDir);
        _keys = new KeyRing(options, _store);
        _rpcVerifier = new RpcVerifier(_keys, options.Clock, new NonceCache());
        var ram = new RamService(_store);
        var sts = new StsService(ram, _keys, options.StsTokenSeconds);
        var vod = _vod = new VodService(_store, options, sts);
        _services = new RpcService[] { vod, ram, sts }
            .ToDictionary(s => s.Version);
        _oss = new OssApi(_store, new OssVerifier(_keys, options.Clock), options);
        _oss.RemoveOrphanBodies();
        _quota = options.RealQuota ? new QuotaLimiter(options.Clock) : null;
        _faults = options.Faults == null ? null : FaultPlan.Parse(options.Faults);
        if (options.SeedSample) SampleData.Seed(_store, options);
        vod.EnsureDefaults();
    }

    /// <summary>The base URL clients use, e.g. http://127.0.0.1:9081 (always the loopback address).</summary>
    public string BaseUrl { get; private set; } = "";

    /// <summary>The dedicated per-service URLs (--service-port), e.g. "oss" → http://127.0.0.1:9085.</summary>
    public IReadOnlyDictionary<string, string> ServiceUrls =>
        _options.ServicePorts.ToDictionary(p => p.Key.ToLowerInvariant(), p => "http://127.0.0.1:" + p.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));

    public static async Task<EmulatorHost> StartAsync(EmulatorOptions options, CancellationToken cancellationToken = default)
    {
        options.Validate();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders(); // requests carry secrets and signatures: nothing is logged per request
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.Limits.MaxRequestBodySize = null; // multi-GB object uploads stream to disk
            // SDKs put every RPC parameter in the query (10 RegisterMedia items with long descriptions) and STS
            // tokens are unbounded: allow far more than Kestrel's 8 KB/32 KB defaults
            k.Limits.MaxRequestLineSize = 1024 * 1024;
            k.Limits.MaxRequestHeadersTotalSize = 1024 * 1024;
            k.AddServerHeader = false;
            var address = options.AllowRemote ? IPAddress.Any : IPAddress.Loopback;
            k.Listen(address, options.Port);
            foreach (var port in options.ServicePorts.Values) k.Listen(address, port);
        });
        var app = builder.Build();
        EmulatorHost host;
        try
        {
            host = new EmulatorHost(app, options);
        }
        catch
        {
            await app.DisposeAsync(); // e.g. the data folder is in use
            throw;
        }
        app.Run(host.HandleAsync);
        try
        {
            await app.StartAsync(cancellationToken);
        }
        catch
        {
            host._store.Dispose(); // e.g. the port is taken: leave no temp folder or open database behind
            await app.DisposeAsync();
            throw;
        }
        // the main listener is the one whose port is not a dedicated service port (its own may be 0 = chosen by the OS)
        int mainPort = app.Urls.Select(u => new Uri(u.Replace("0.0.0.0", "127.0.0.1").Replace("[::]", "127.0.0.1")).Port)
            .First(p => !options.ServicePorts.ContainsValue(p));
        host.BaseUrl = "http://127.0.0.1:" + mainPort;
        if (options.UrlFile != null)
        {
            // write then rename, so a script polling for the file never reads half a URL
            string partial = options.UrlFile + ".partial";
            await File.WriteAllTextAsync(partial, host.BaseUrl, cancellationToken);
            File.Move(partial, options.UrlFile, overwrite: true);
        }
        return host;
    }

    public Task WaitForShutdownAsync() => _app.WaitForShutdownAsync();

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        _store.Dispose();
    }

    private async Task HandleAsync(HttpContext context)
    {
        string rawTarget = context.Features.Get<IHttpRequestFeature>()?.RawTarget ?? context.Request.Path + context.Request.QueryString;
        if (context.Request.Path.StartsWithSegments("/_emulator"))
        {
            await HandleAdminAsync(context);
            return;
        }
        long started = System.Diagnostics.Stopwatch.GetTimestamp();
        try
        {
            string? dedicated = _options.ServicePorts.FirstOrDefault(p => p.Value == context.Connection.LocalPort).Key?.ToLowerInvariant();
            var rpcBody = dedicated == "oss" ? null : await ReadRpcBodyAsync(context, forceRpc: dedicated != null);
            Count("requests");
            var faults = _faults?.Draw() ?? [];
            foreach (var fault in faults) Count("faults." + fault.Kind);
            foreach (var delay in faults.Where(f => f.Kind == FaultPlan.Kind.Delay))
                await Task.Delay(delay.DelayMs, context.RequestAborted);
            if (faults.Any(f => f.Kind == FaultPlan.Kind.Drop))
            {
                context.Abort();
                return;
            }
            var injected = faults.FirstOrDefault(f => f.Kind is FaultPlan.Kind.Error500 or FaultPlan.Kind.Error503);
            if (rpcBody != null) await HandleRpcAsync(context, rawTarget, rpcBody, injected, dedicated);
            else await _oss.HandleAsync(context, rawTarget, injected?.Kind == FaultPlan.Kind.Error503 ? 503 : injected != null ? 500 : 0);
        }
        catch (RpcException e) when (!context.Response.HasStarted)
        {
            context.Response.StatusCode = e.Status;
            context.Response.ContentType = "application/json;charset=utf-8";
            var id = Guid.NewGuid().ToString("D").ToUpperInvariant();
            await context.Response.WriteAsync(RpcResponse.Error(id, context.Request.Host.Value ?? "", "Unknown", e.Code, e.Message).ToJsonString(RpcResponse.Json));
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // the client went away; nothing to answer
        }
        finally
        {
            if (_options.Verbose) LogRequest(context, started);
        }
    }

    /// <summary>One line per request. Only the method, the path (bucket/key) or the RPC action and version, the
    /// status and the time: the query string and the headers carry signatures and tokens and are never written.</summary>
    private static void LogRequest(HttpContext context, long started)
    {
        var request = context.Request;
        string what = context.Items[RpcLogKey] as string ?? $"OSS {request.Method} {request.Host.Host}{request.Path}";
        string status = context.RequestAborted.IsCancellationRequested && !context.Response.HasStarted ? "dropped" : context.Response.StatusCode.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Console.WriteLine($"{DateTime.UtcNow:HH:mm:ss.fff} {what} -> {status} ({System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds:0} ms)");
    }

    /// <summary>The RPC body when this is an RPC call (path "/" with x-acs-action, Action in the query, or a
    /// form body carrying Action; or anything on a dedicated RPC port), else null: the request is OSS REST
    /// and its body stays unread.</summary>
    private static async Task<byte[]?> ReadRpcBodyAsync(HttpContext context, bool forceRpc)
    {
        var request = context.Request;
        if (request.Path != "/" && !forceRpc) return null;
        bool byHeader = request.Headers.ContainsKey("x-acs-action") || request.Query.ContainsKey("Action");
        bool formPost = HttpMethods.IsPost(request.Method)
            && (request.ContentType ?? "").StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase);
        if (!byHeader && !formPost && !forceRpc) return null;
        if (request.ContentLength > MaxRpcBodyBytes) throw TooLarge();
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, context.RequestAborted);
        if (buffer.Length > MaxRpcBodyBytes) throw TooLarge();
        byte[] body = buffer.ToArray();
        if (byHeader || forceRpc) return body;
        return Percent.ParseForm(Encoding.UTF8.GetString(body)).Any(p => p.Key == "Action") ? body : null;
    }

    /// <summary>Where HandleRpcAsync leaves "RPC Action Version" for the request log.</summary>
    private const string RpcLogKey = "vodtools.rpc";

    private static RpcException TooLarge() =>
        new(413, "RequestEntityTooLarge", $"An RPC request body may not exceed {MaxRpcBodyBytes} bytes.");

    /// <param name="dedicated">the service of a --service-port the request came in on, or null on the main port</param>
    private async Task HandleRpcAsync(HttpContext context, string rawTarget, byte[] body, FaultPlan.Rule? injected, string? dedicated)
    {
        var headers = context.Request.Headers.SelectMany(h => h.Value.Select(v => new KeyValuePair<string, string>(h.Key, v ?? "")));
        var request = new IncomingRequest(context.Request.Method, rawTarget, headers, body);
        var form = request.HasFormBody ? Percent.ParseForm(Encoding.UTF8.GetString(body)) : [];
        var parameters = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in request.Query.Concat(form)) parameters[name] = value;

        string action = request.Header("x-acs-action") ?? parameters.GetValueOrDefault("Action") ?? "";
        string version = request.Header("x-acs-version") ?? parameters.GetValueOrDefault("Version") ?? "";
        bool isV3 = request.Header("authorization")?.TrimStart().StartsWith(RpcVerifier.V3Algorithm, StringComparison.Ordinal) == true;
        bool json = isV3 || string.Equals(parameters.GetValueOrDefault("Format"), "json", StringComparison.OrdinalIgnoreCase);
        string requestId = Guid.NewGuid().ToString("D").ToUpperInvariant();
        context.Items[RpcLogKey] = $"RPC {action} {version}";
        _services.TryGetValue(version, out var service);
        if (dedicated != null && service?.Product.ToLowerInvariant() != dedicated) service = null; // another service's call on a dedicated port
        string hostId = service?.HostId ?? request.Host;

        async Task Answer(int status, JsonObject payload, string rootName)
        {
            context.Response.StatusCode = status;
            context.Response.Headers["x-acs-request-id"] = requestId;
            if (json)
            {
                context.Response.ContentType = "application/json;charset=utf-8";
                await context.Response.WriteAsync(payload.ToJsonString(RpcResponse.Json), context.RequestAborted);
            }
            else
            {
                context.Response.ContentType = "text/xml;charset=utf-8";
                await context.Response.WriteAsync(RpcResponse.ToXml(rootName, payload), context.RequestAborted);
            }
        }
        Task Error(int status, string code, string message) =>
            Answer(status, RpcResponse.Error(requestId, hostId, service?.Product ?? "Unknown", code, message), "Error");

        if (injected != null)
        {
            await (injected.Kind == FaultPlan.Kind.Error503
                ? Error(503, service is VodService ? "ServiceUnAvailable" : "ServiceUnavailable", // VOD's own spelling (spec §3.2)
                    "The request has failed due to a temporary failure of the server.")
                : Error(500, "InternalError", "The request processing has failed due to some unknown error."));
            return;
        }
        if (action.Length == 0) { await Error(400, "MissingParameter", "The input parameter \"Action\" that is mandatory for processing this request is not supplied."); return; }
        if (service == null) { await Error(400, "InvalidVersion", "Specified parameter Version is not valid."); return; }
        var handler = service.Find(action);
        if (handler == null) { await Error(404, "InvalidAction.NotFound", "Specified api is not found, please check your url and method."); return; }

        var auth = _rpcVerifier.Verify(request, form);
        if (!auth.Ok) { await Error(auth.Failure!.Status, auth.Failure.Code, auth.Failure.Message); return; }
        if (_quota != null && !_quota.TryAcquire(action))
        {
            Count("throttled");
            context.Response.Headers["x-acs-retry-after"] = "1000";
            await Error(400, "Throttling.User", "Request was denied due to user flow throttling.");
            return;
        }
        JsonObject result;
        try
        {
            result = handler(new RpcCall(parameters, auth.Key!, _options.Clock.GetUtcNow(), BaseUrl));
        }
        catch (RpcException e)
        {
            await Error(e.Status, e.Code, e.Message);
            return;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            Console.Error.WriteLine($"emulator: {action} failed: {e.GetType().Name}: {e.Message}");
            await Error(500, "InternalError", "The request processing has failed due to some unknown error.");
            return;
        }
        result = new JsonObject { ["RequestId"] = requestId }.Merge(result);
        await Answer(200, result, action + "Response");
    }

    private async Task HandleAdminAsync(HttpContext context)
    {
        switch (context.Request.Path.Value)
        {
            case "/_emulator/health":
                context.Response.ContentType = "application/json";
                await context.Response.WriteAsync("{\"status\":\"ok\"}");
                break;
            case "/_emulator/info":
                context.Response.ContentType = "application/json";
                await context.Response.WriteAsync(new JsonObject
                {
                    ["baseUrl"] = BaseUrl,
                    ["accountId"] = _options.AccountId,
                    ["accessKeyId"] = _options.AccessKeyId,
                    ["region"] = OssApi.DefaultRegion,
                    ["persistent"] = !_options.InMemory,
                }.ToJsonString(RpcResponse.Json));
                break;
            case "/_emulator/shutdown" when HttpMethods.IsPost(context.Request.Method):
                // A clean stop for scripts (Stop-VodEmulator) on every OS: SIGTERM has no portable equivalent on Windows.
                context.Response.StatusCode = 202;
                await context.Response.CompleteAsync();
                _app.Lifetime.StopApplication();
                break;
            case "/_emulator/stats":
                context.Response.ContentType = "application/json";
                var stats = new JsonObject(_counters.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => KeyValuePair.Create(c.Key, (JsonNode?)c.Value)));
                await context.Response.WriteAsync(stats.Merge(_vod.Inventory()).ToJsonString(RpcResponse.Json));
                break;
            default:
                context.Response.StatusCode = 404;
                break;
        }
    }

    private void Count(string name) => _counters.AddOrUpdate(name, 1, (_, n) => n + 1);
}

internal static class JsonObjectExtensions
{
    /// <summary>Appends the other object's members (moved, not copied) after this one's.</summary>
    public static JsonObject Merge(this JsonObject first, JsonObject rest)
    {
        foreach (var name in rest.Select(p => p.Key).ToList())
        {
            var value = rest[name];
            rest.Remove(name);
            if (name != "RequestId") first[name] = value;
        }
        return first;
    }
}
