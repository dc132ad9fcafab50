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

    private EmulatorHost(WebApplication app, EmulatorOptions options)
    {
        _app = app;
        _options = options;
        _store = new Store(options.InMemory ? null : options.DataDir);
        _keys = new KeyRing(options, _store);
        _rpcVerifier = new RpcVerifier(_keys, options.Clock, new NonceCache());
        var ram = new RamService(_store);
        var sts = new StsService(ram, _keys);
        var vod = new VodService(_store, options, sts);
        _services = new RpcService[] { vod, ram, sts }
            .ToDictionary(s => s.Version);
        _oss = new OssApi(_store, new OssVerifier(_keys, options.Clock), options);
        _quota = options.RealQuota ? new QuotaLimiter(options.Clock) : null;
        _faults = options.Faults == null ? null : FaultPlan.Parse(options.Faults);
        if (options.SeedSample) SampleData.Seed(_store, options);
        vod.EnsureDefaults();
    }

    /// <summary>The base URL clients use, e.g. http://127.0.0.1:9081 (always the loopback address).</summary>
    public string BaseUrl { get; private set; } = "";

    public EmulatorOptions Options => _options;

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
            k.Listen(options.AllowRemote ? IPAddress.Any : IPAddress.Loopback, options.Port);
        });
        var app = builder.Build();
        var host = new EmulatorHost(app, options);
        app.Run(host.HandleAsync);
        await app.StartAsync(cancellationToken);
        var address = app.Urls.First();
        host.BaseUrl = "http://127.0.0.1:" + new Uri(address.Replace("0.0.0.0", "127.0.0.1").Replace("[::]", "127.0.0.1")).Port;
        if (options.UrlFile != null) await File.WriteAllTextAsync(options.UrlFile, host.BaseUrl, cancellationToken);
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
        try
        {
            var rpcBody = await ReadRpcBodyAsync(context, rawTarget);
            var faults = _faults?.Draw() ?? [];
            foreach (var delay in faults.Where(f => f.Kind == FaultPlan.Kind.Delay))
                await Task.Delay(delay.DelayMs, context.RequestAborted);
            if (faults.Any(f => f.Kind == FaultPlan.Kind.Drop))
            {
                context.Abort();
                return;
            }
            var injected = faults.FirstOrDefault(f => f.Kind is FaultPlan.Kind.Error500 or FaultPlan.Kind.Error503);
            if (rpcBody != null) await HandleRpcAsync(context, rawTarget, rpcBody, injected);
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
    }

    /// <summary>The RPC body when this is an RPC call (path "/" with x-acs-action, Action in the query, or a
    /// form body carrying Action), else null: the request is OSS REST and its body stays unread.</summary>
    private static async Task<byte[]?> ReadRpcBodyAsync(HttpContext context, string rawTarget)
    {
        var request = context.Request;
        if (request.Path != "/") return null;
        bool byHeader = request.Headers.ContainsKey("x-acs-action") || request.Query.ContainsKey("Action");
        bool formPost = HttpMethods.IsPost(request.Method)
            && (request.ContentType ?? "").StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase);
        if (!byHeader && !formPost) return null;
        if (request.ContentLength > MaxRpcBodyBytes) throw TooLarge();
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, context.RequestAborted);
        if (buffer.Length > MaxRpcBodyBytes) throw TooLarge();
        byte[] body = buffer.ToArray();
        if (byHeader) return body;
        return Percent.ParseForm(Encoding.UTF8.GetString(body)).Any(p => p.Key == "Action") ? body : null;
    }

    private static RpcException TooLarge() =>
        new(413, "RequestEntityTooLarge", $"An RPC request body may not exceed {MaxRpcBodyBytes} bytes.");

    private async Task HandleRpcAsync(HttpContext context, string rawTarget, byte[] body, FaultPlan.Rule? injected)
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
        _services.TryGetValue(version, out var service);
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
                ? Error(503, "ServiceUnavailable", "The request has failed due to a temporary failure of the server.")
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
            default:
                context.Response.StatusCode = 404;
                break;
        }
    }
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
