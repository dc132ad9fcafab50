using System.Text;
using System.Text.Json.Nodes;
using VodTools.Emulator.Auth;
using VodTools.Shared;

namespace VodTools.Emulator.Rpc;

/// <summary>RPC over HTTP for VOD, RAM and STS (as <c>OssApi.HandleAsync</c> is for OSS): tells an RPC call from
/// OSS REST, routes it by API version, verifies its signature, applies the quota, runs the action and answers
/// in JSON or XML with the cloud's error shape.</summary>
/// <param name="authorizer">RAM's verdict on each call; null with --lenient (nothing is refused)</param>
internal sealed class RpcPipeline(IEnumerable<RpcApi> apis, RpcVerifier verifier, QuotaLimiter? quota, TimeProvider clock, Action<string> count, IAuthorizer? authorizer = null)
{
    /// <summary>RPC bodies are parameters, never media: anything bigger is refused rather than buffered.</summary>
    private const int MaxRpcBodyBytes = 4 * 1024 * 1024;

    /// <summary>Where HandleAsync leaves "RPC Action Version" for the request log.</summary>
    public const string LogKey = "vodtools.rpc";

    private readonly Dictionary<string, RpcApi> _apis = apis.ToDictionary(a => a.Version);

    /// <summary>Every action of every product (what a fault rule may target).</summary>
    public IReadOnlyCollection<string> Actions => _apis.Values.SelectMany(a => a.Actions).ToList();

    /// <summary>The RPC call when this is one (path "/" with x-acs-action, Action in the query, or a form body
    /// carrying Action; or anything on a dedicated RPC port), else null: the request is OSS REST and its body
    /// stays unread. Throws 413 RequestEntityTooLarge for an oversized body.</summary>
    /// <param name="dedicated">the service of a --service-port the request came in on, or null on the main port</param>
    public async Task<RpcRequest?> ReadAsync(HttpContext context, string rawTarget, string? dedicated)
    {
        if (dedicated == "oss") return null;
        var body = await ReadBodyAsync(context, forceRpc: dedicated != null);
        if (body == null) return null;
        var headers = context.Request.Headers.SelectMany(h => h.Value.Select(v => new KeyValuePair<string, string>(h.Key, v ?? "")));
        var request = new IncomingRequest(context.Request.Method, rawTarget, headers, body);
        var form = request.HasFormBody ? Percent.ParseForm(Encoding.UTF8.GetString(body)) : [];
        var parameters = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in request.Query.Concat(form)) parameters[name] = value;
        string version = request.Header("x-acs-version") ?? parameters.GetValueOrDefault("Version") ?? "";
        _apis.TryGetValue(version, out var api);
        if (dedicated != null && api?.Product.ToLowerInvariant() != dedicated) api = null; // another service's call on a dedicated port
        return new RpcRequest(request, form, parameters, version, api);
    }

    private static async Task<byte[]?> ReadBodyAsync(HttpContext context, bool forceRpc)
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

    private static RpcException TooLarge() =>
        new(413, "RequestEntityTooLarge", $"An RPC request body may not exceed {MaxRpcBodyBytes} bytes.");

    /// <summary>Answers an RPC request that could not even be read (its product is not known yet).</summary>
    public static Task WriteUnreadableAsync(HttpContext context, RpcException e)
    {
        context.Response.StatusCode = e.Status;
        context.Response.ContentType = "application/json;charset=utf-8";
        var id = Guid.NewGuid().ToString("D").ToUpperInvariant();
        return context.Response.WriteAsync(RpcResponse.Error(id, context.Request.Host.Value ?? "", "Unknown", e.Code, e.Message).ToJsonString(RpcResponse.Json));
    }

    /// <summary>What VOD answers a call over its QPS limit with (400 Throttling.User).</summary>
    public const string ThrottlingUserMessage = "Request was denied due to user flow throttling.";

    /// <param name="injected">an injected status or error code to answer instead of acting, else null</param>
    /// <param name="baseUrl">the emulator's base URL, handed to actions (VOD gives it out as the OSS endpoint)</param>
    /// <param name="respell">the respell fault fired: the action answers URLs spelled another way</param>
    public async Task HandleAsync(HttpContext context, RpcRequest call, FaultRule? injected, string baseUrl, bool respell = false)
    {
        var request = call.Request;
        string action = call.Action;
        var api = call.Api;
        bool isV3 = request.Header("authorization")?.TrimStart().StartsWith(RpcVerifier.V3Algorithm, StringComparison.Ordinal) == true;
        bool json = isV3 || string.Equals(call.Parameters.GetValueOrDefault("Format"), "json", StringComparison.OrdinalIgnoreCase);
        string requestId = Guid.NewGuid().ToString("D").ToUpperInvariant();
        context.Items[LogKey] = $"RPC {action} {call.Version}";
        string hostId = api?.HostId ?? request.Host;

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
        Task Error(int status, string code, string message, JsonObject? detail = null) =>
            Answer(status, RpcResponse.Error(requestId, hostId, api?.Product ?? "Unknown", code, message, detail), "Error");

        if (injected != null)
        {
            var (code, message) = injected.Kind == FaultKind.Error ? (injected.Code!, MessageOf(injected.Code!))
                : injected.Status == 503 ? (api?.UnavailableCode ?? "ServiceUnavailable", MessageOf("ServiceUnavailable"))
                : ("InternalError", MessageOf("InternalError"));
            await Error(injected.Status, code, message);
            return;
        }
        if (action.Length == 0) { await Error(400, "MissingParameter", "The input parameter \"Action\" that is mandatory for processing this request is not supplied."); return; }
        if (api == null) { await Error(400, "InvalidVersion", "Specified parameter Version is not valid."); return; }
        var handler = api.Find(action);
        if (handler == null) { await Error(404, "InvalidAction.NotFound", "Specified api is not found, please check your url and method."); return; }

        var auth = verifier.Verify(request, call.Form);
        if (!auth.Ok) { await Error(auth.Failure!.Status, auth.Failure.Code, auth.Failure.Message); return; }
        if (quota != null && !quota.TryAcquire(api.Product, action, request.Host))
        {
            count("throttled");
            context.Response.Headers["x-acs-retry-after"] = "1000";
            await Error(400, "Throttling.User", ThrottlingUserMessage);
            return;
        }
        JsonObject result;
        try
        {
            var rpcCall = new RpcCall(call.Parameters, auth.Key!, clock.GetUtcNow(), baseUrl, request.Host, respell);
            if (authorizer != null && api.ResourceOf(action, rpcCall) is { } resource
                && authorizer.Check(rpcCall.Caller, api.Product.ToLowerInvariant() + ":" + action, resource,
                    new RequestConditions(RequestConditions.Common(context.Connection.RemoteIpAddress, context.Request.IsHttps, rpcCall.Now))) is { } refusal)
                throw api.Refuse(refusal);
            result = handler(rpcCall);
        }
        catch (RpcException e)
        {
            await Error(e.Status, e.Code, e.Message, e.AccessDeniedDetail);
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

    /// <summary>The cloud's message for an error code an injected fault answers with.</summary>
    private static string MessageOf(string code) => code switch
    {
        "Throttling.User" => ThrottlingUserMessage,
        "Throttling" => "Request was denied due to request throttling.",
        "ServiceUnavailable" => "The request has failed due to a temporary failure of the server.",
        "InternalError" => "The request processing has failed due to some unknown error.",
        _ => $"The request has failed ({code}).",
    };
}

/// <summary>An RPC request as read off the wire, before its signature is checked: what fault targeting
/// (action, service) and the pipeline need.</summary>
internal sealed record RpcRequest(IncomingRequest Request, IReadOnlyList<KeyValuePair<string, string>> Form,
    IReadOnlyDictionary<string, string> Parameters, string Version, RpcApi? Api)
{
    public string Action => Request.Header("x-acs-action") ?? Parameters.GetValueOrDefault("Action") ?? "";

    /// <summary>The names a fault rule can target this request by: its action and its product ("vod", "ram", "sts").</summary>
    public string[] Names => Api == null ? [Action] : [Action, Api.Product.ToLowerInvariant()];
}
