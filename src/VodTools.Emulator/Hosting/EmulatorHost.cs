using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.Features;
using VodTools.Emulator.Auth;
using VodTools.Emulator.Mts;
using VodTools.Emulator.Oss;
using VodTools.Emulator.Rpc;
using VodTools.Emulator.Ram;
using VodTools.Emulator.Storage;
using VodTools.Emulator.Sts;
using VodTools.Emulator.Vod;
using VodTools.Shared;

namespace VodTools.Emulator.Hosting;

/// <summary>The running emulator: one Kestrel listener serving RAM, STS, VOD and MTS (RPC, told apart by
/// x-acs-action/Action and the API version), VOD's play URLs (/_play/...) and OSS (everything else), plus /_emulator/*
/// admin endpoints.</summary>
public sealed class EmulatorHost : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly Store _store;
    private readonly EmulatorOptions _options;
    private readonly RpcPipeline _rpc;
    private readonly OssApi _oss;
    private readonly OssState _ossState;
    private readonly FaultPlan _faults;
    private readonly VodApi _vod;
    /// <summary>What /_emulator/stats counts: requests served (admin ones aside), faults injected by kind, throttled calls.</summary>
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, long> _counters = new();
    /// <summary>Requests being served now, and the most at once since start (/_emulator/stats peakConcurrentRequests).</summary>
    private long _serving, _peakServing;

    private EmulatorHost(WebApplication app, EmulatorOptions options)
    {
        _app = app;
        _options = options;
        _store = new Store(options.InMemory ? null : options.DataDir);
        try
        {
            var keys = new KeyRing(options, _store);
            var ram = new RamApi(_store);
            var authorizer = options.Lenient ? null : new Authorizer(ram);
            var sts = new StsApi(ram, keys, options.StsTokenSeconds);
            var oss = _ossState = new OssState(_store, options.Clock);
            var vod = _vod = new VodApi(_store, oss, sts, options.Clock, options.AccountId, options.TranscodeSeconds, authorizer,
                options.UploadAuthSeconds, options.SearchResultLimit);
            _rpc = new RpcPipeline([vod, ram, sts, new MtsApi(_store, oss)], new RpcVerifier(keys, options.Clock, new NonceCache()),
                options.RealQuota ? new QuotaLimiter(options.Clock) : null, options.Clock, Count, authorizer);
            var targets = _rpc.Actions.Concat(OssOperation.All.Select(o => o.Name)).ToList();
            _faults = options.Faults == null ? new FaultPlan(targets, options.FaultSeed) : FaultPlan.Parse(options.Faults, options.FaultSeed, targets);
            _oss = new OssApi(oss, _store, new OssVerifier(keys, options.Clock), options.AccountId, authorizer, Count, options.WrongEndpointCode);
            oss.RemoveOrphanBodies();
            oss.Committed = vod.ObjectCommitted;
            if (options.SeedSample) SampleData.Seed(_store, options.Clock.GetUtcNow());
            if (options.SeedDir != null) SampleData.SeedFolder(_store, options.SeedDir, options.SeedBucket!, options.Clock.GetUtcNow());
            vod.EnsureDefaults();
        }
        catch
        {
            _store.Dispose(); // e.g. a fault rule names an unknown action: leave no locked folder behind
            throw;
        }
    }

    /// <summary>The seed every fault draw follows from (--fault-seed, else the one picked at start).</summary>
    public int FaultSeed => _faults.Seed;

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
            k.Listen(address, options.Port, listen => AddHandshake(listen, options.LatencyMs));
            foreach (var port in options.ServicePorts.Values) k.Listen(address, port, listen => AddHandshake(listen, options.LatencyMs));
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

    /// <summary>With --latency-ms, a new connection waits one round trip before its first request is read, as a TCP
    /// handshake with a distant region costs one.</summary>
    private static void AddHandshake(Microsoft.AspNetCore.Server.Kestrel.Core.ListenOptions listen, int latencyMs)
    {
        if (latencyMs > 0) listen.Use(next => async connection =>
        {
            await Task.Delay(latencyMs, connection.ConnectionClosed);
            await next(connection);
        });
    }

    public Task WaitForShutdownAsync() => _app.WaitForShutdownAsync();

    /// <summary>Stops cleanly, as Ctrl+C, SIGTERM and POST /_emulator/shutdown do.</summary>
    public void Stop() => _app.Lifetime.StopApplication();

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
        bool lost = false;
        long serving = Interlocked.Increment(ref _serving);
        for (long peak = Interlocked.Read(ref _peakServing); serving > peak; peak = Interlocked.Read(ref _peakServing))
            Interlocked.CompareExchange(ref _peakServing, serving, peak);
        try
        {
            // --latency-ms: half the round trip before the request is acted on, half before its answer leaves
            int halfTrip = _options.LatencyMs / 2;
            if (_options.LatencyMs > 0)
            {
                await Task.Delay(halfTrip, context.RequestAborted);
                context.Response.OnStarting(() => Task.Delay(_options.LatencyMs - halfTrip));
            }
            string? dedicated = _options.ServicePorts.FirstOrDefault(p => p.Value == context.Connection.LocalPort).Key?.ToLowerInvariant();
            var rpc = await _rpc.ReadAsync(context, rawTarget, dedicated);
            Count("requests");
            var faults = _faults.Draw(rpc?.Names ?? ["oss", context.Request.Method, OssOperation.Of(context, rawTarget)?.Name ?? ""]);
            foreach (var fault in faults) Count("faults.rule." + fault.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
            foreach (var fault in faults.Where(f => f.Kind != FaultKind.LostAnswer)) Count("faults." + fault.Rule.CounterName);
            foreach (var delay in faults.Where(f => f.Kind == FaultKind.Delay))
                await Task.Delay(delay.Rule.DelayMs, context.RequestAborted);
            if (faults.Any(f => f.Kind == FaultKind.Drop))
            {
                context.Abort();
                return;
            }
            // A lost answer: the request is carried out and committed, but its answer is written nowhere (Kestrel has
            // sent nothing, not even the status line) and the connection is reset, as when a network drops the reply.
            lost = faults.Any(f => f.Kind == FaultKind.LostAnswer);
            if (lost) context.Response.Body = Stream.Null;
            var injected = faults.FirstOrDefault(f => f.Kind is FaultKind.Status or FaultKind.Error)?.Rule;
            if (rpc != null) await _rpc.HandleAsync(context, rpc, injected, BaseUrl, faults.Any(f => f.Kind == FaultKind.Respell));
            else await _oss.HandleAsync(context, rawTarget, injected, faults.Any(f => f.Kind == FaultKind.Corrupt), _vod.PlaybackSource(context.Request.Path.Value ?? ""));
            if (lost)
            {
                Count("faults." + FaultKind.LostAnswer);
                context.Abort();
            }
            else if (_options.LatencyMs > 0 && !context.Response.HasStarted)
            {
                await context.Response.StartAsync(); // an answer without a body waits here too, so it counts as being served
            }
        }
        catch (RpcException e) when (!context.Response.HasStarted)
        {
            await RpcPipeline.WriteUnreadableAsync(context, e);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // the client went away; nothing to answer
        }
        finally
        {
            Interlocked.Decrement(ref _serving);
            if (_options.Verbose) LogRequest(context, started, lost);
        }
    }

    /// <summary>One line per request. Only the method, the path (bucket/key) or the RPC action and version, the
    /// status and the time: the query string and the headers carry signatures and tokens and are never written.</summary>
    private static void LogRequest(HttpContext context, long started, bool lost)
    {
        var request = context.Request;
        string what = context.Items[RpcPipeline.LogKey] as string ?? $"OSS {request.Method} {request.Host.Host}{request.Path}";
        string status = context.Response.StatusCode.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (lost) status = "lost " + status; // acted on, answer withheld
        else if (context.RequestAborted.IsCancellationRequested && !context.Response.HasStarted) status = "dropped";
        Console.WriteLine($"{DateTime.UtcNow:HH:mm:ss.fff} {what} -> {status} ({System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds:0} ms)");
    }

    private async Task HandleAdminAsync(HttpContext context)
    {
        switch (context.Request.Path.Value)
        {
            case EmulatorDefaults.HealthPath:
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
                    ["region"] = Bucket.DefaultRegion,
                    ["persistent"] = !_options.InMemory,
                    ["lenient"] = _options.Lenient,
                }.ToJsonString(RpcResponse.Json));
                break;
            case EmulatorDefaults.ShutdownPath when HttpMethods.IsPost(context.Request.Method):
                // A clean stop for scripts (Stop-VodEmulator) on every OS: SIGTERM has no portable equivalent on Windows.
                context.Response.StatusCode = 202;
                await context.Response.CompleteAsync();
                _app.Lifetime.StopApplication();
                break;
            case EmulatorDefaults.FaultsPath:
                await HandleFaultsAsync(context);
                break;
            case var path when path?.StartsWith(EmulatorDefaults.FaultsPath + "/", StringComparison.Ordinal) == true && HttpMethods.IsDelete(context.Request.Method):
                bool removed = int.TryParse(path[(EmulatorDefaults.FaultsPath.Length + 1)..], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int id)
                    && _faults.Remove(id);
                await WriteJsonAsync(context, removed ? 200 : 404, new JsonObject { ["removed"] = removed ? 1 : 0 });
                break;
            case EmulatorDefaults.ResetPath when HttpMethods.IsPost(context.Request.Method):
                _store.Clear();
                _vod.EnsureDefaults(); // as a fresh start has them
                await WriteJsonAsync(context, 200, new JsonObject { ["reset"] = true });
                break;
            case EmulatorDefaults.StatePath when HttpMethods.IsGet(context.Request.Method):
                await StateArchive.SaveAsync(_store, _ossState.ReferencedBodyIds, context);
                break;
            case EmulatorDefaults.StatePath when HttpMethods.IsPut(context.Request.Method):
                await StateArchive.RestoreAsync(_store, context);
                break;
            case "/_emulator/stats":
                context.Response.ContentType = "application/json";
                var stats = new JsonObject(_counters.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => KeyValuePair.Create(c.Key, (JsonNode?)c.Value)));
                stats["peakConcurrentRequests"] = Interlocked.Read(ref _peakServing);
                stats["faultSeed"] = _faults.Seed;
                await context.Response.WriteAsync(stats.Merge(_vod.Inventory()).ToJsonString(RpcResponse.Json));
                break;
            default:
                context.Response.StatusCode = 404;
                break;
        }
    }

    /// <summary>/_emulator/faults: GET lists the rules in force with their hits, POST adds the rules of the spec in the
    /// body (400 with the parser's words if it is not valid), DELETE removes every rule.</summary>
    private async Task HandleFaultsAsync(HttpContext context)
    {
        var request = context.Request;
        if (HttpMethods.IsGet(request.Method))
            await WriteJsonAsync(context, 200, new JsonObject { ["rules"] = RulesJson(_faults.Rules) });
        else if (HttpMethods.IsPost(request.Method))
        {
            using var reader = new StreamReader(request.Body);
            string spec = await reader.ReadToEndAsync(context.RequestAborted);
            try
            {
                await WriteJsonAsync(context, 201, new JsonObject { ["rules"] = RulesJson(_faults.Add(spec)) });
            }
            catch (ArgumentException e)
            {
                await WriteJsonAsync(context, 400, new JsonObject { ["error"] = e.Message });
            }
        }
        else if (HttpMethods.IsDelete(request.Method))
            await WriteJsonAsync(context, 200, new JsonObject { ["removed"] = _faults.Clear() });
        else
            context.Response.StatusCode = 405;
    }

    private static JsonArray RulesJson(IEnumerable<ActiveFault> rules) => new(rules.Select(f => (JsonNode)new JsonObject
    {
        ["id"] = f.Id,
        ["rule"] = f.Rule.Text,
        ["kind"] = f.Kind.ToString(),
        ["probability"] = f.Rule.Probability,
        ["target"] = f.Rule.Target,
        ["status"] = f.Rule.Status == 0 ? null : f.Rule.Status,
        ["code"] = f.Rule.Code,
        ["delayMs"] = f.Kind == FaultKind.Delay ? f.Rule.DelayMs : null,
        ["hits"] = f.Hits,
    }).ToArray());

    private static Task WriteJsonAsync(HttpContext context, int status, JsonObject body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(body.ToJsonString(RpcResponse.Json));
    }

    private void Count(string name) => _counters.AddOrUpdate(name, 1, (_, n) => n + 1);
}
