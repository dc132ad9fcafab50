using System.Globalization;
using System.Text.Json.Nodes;
using VodTools.Emulator.Auth;

namespace VodTools.Emulator.Rpc;

/// <summary>An error the cloud would answer an RPC call with (HTTP status, Code, Message).</summary>
internal sealed class RpcException(int status, string code, string message) : Exception(message)
{
    public int Status { get; } = status;
    public string Code { get; } = code;
    /// <summary>A refusal's AccessDeniedDetail (what RAM was asked and by whom), added to the error body.</summary>
    public JsonObject? AccessDeniedDetail { get; init; }

    public static RpcException Missing(string name) =>
        new(400, "MissingParameter", $"The input parameter \"{name}\" that is mandatory for processing this request is not supplied.");

    public static RpcException Invalid(string name, string? detail = null) =>
        new(400, "InvalidParameter", $"The specified parameter \"{name}\" is not valid." + (detail == null ? "" : " " + detail));
}

/// <summary>One authenticated RPC call: its parameters (query ∪ form body), the caller and the account.</summary>
/// <param name="host">the Host header the call came with (VOD's domain operations answer on the Shanghai host only)</param>
/// <param name="respell">the respell fault fired: answer the URLs the caller gave spelled another way</param>
internal sealed class RpcCall(IReadOnlyDictionary<string, string> parameters, AccessKey caller, DateTimeOffset now, string baseUrl, string host = "", bool respell = false)
{
    public IReadOnlyDictionary<string, string> Parameters { get; } = parameters;
    public AccessKey Caller { get; } = caller;
    public string AccountId => Caller.AccountId;
    public DateTimeOffset Now { get; } = now;
    /// <summary>The emulator's own base URL, e.g. http://127.0.0.1:9081 (handed out as the OSS endpoint).</summary>
    public string BaseUrl { get; } = baseUrl;
    public string Host { get; } = host;
    /// <summary>The respell fault fired for this call (see <c>FaultPlan</c>).</summary>
    public bool Respell { get; } = respell;

    public string? Optional(string name) =>
        Parameters.TryGetValue(name, out var v) && v.Length > 0 ? v : null;

    public string Required(string name) => Optional(name) ?? throw RpcException.Missing(name);

    public int Int(string name, int fallback, int min = int.MinValue, int max = int.MaxValue)
    {
        var text = Optional(name);
        if (text == null) return fallback;
        if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out int n) || n < min || n > max)
            throw RpcException.Invalid(name);
        return n;
    }

    public bool Bool(string name, bool fallback)
    {
        var text = Optional(name);
        if (text == null) return fallback;
        return bool.TryParse(text, out bool b) ? b : throw RpcException.Invalid(name);
    }

    /// <summary>A JSON parameter (RegisterMetadatas, PolicyDocument, ...): malformed JSON is the caller's 400.</summary>
    public JsonNode Json(string name, string code = "InvalidParameter")
    {
        var text = Required(name);
        try
        {
            return JsonNode.Parse(text) ?? throw new RpcException(400, code, $"The specified parameter \"{name}\" is not valid JSON.");
        }
        catch (System.Text.Json.JsonException)
        {
            throw new RpcException(400, code, $"The specified parameter \"{name}\" is not valid JSON.");
        }
    }

    /// <summary>A comma-separated list parameter (VideoIds, JobIds, AppIds).</summary>
    public List<string> List(string name, int max, string tooManyCode = "InvalidParameter")
    {
        var items = Required(name).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct().ToList();
        return items.Count <= max ? items : throw new RpcException(400, tooManyCode, $"The number of \"{name}\" has exceeded {max}.");
    }

    public static string Time(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    public static string NewId() => Guid.NewGuid().ToString("N");
}
