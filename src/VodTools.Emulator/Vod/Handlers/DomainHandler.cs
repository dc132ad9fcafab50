using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using VodTools.Emulator.Rpc;

namespace VodTools.Emulator.Vod;

/// <summary>CDN domains (AddVodDomain, DescribeVodDomainDetail, DescribeVodUserDomains, DeleteVodDomain), answered in
/// Shanghai only.</summary>
internal sealed partial class DomainHandler(VodState state, JobDuration jobs)
{
    private const int MaxDomains = 20;

    [GeneratedRegex(@"^\.?[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$")]
    private static partial Regex DomainNameFormat();

    /// <summary>VOD answers its domain operations in Shanghai only (API reference: "available only in the China (Shanghai)
    /// region"). A call that names another region's host (vod.cn-beijing.aliyuncs.com) is answered as the API gateway answers
    /// an action an endpoint does not serve; the cloud's real answer there is not documented. A host that names no region
    /// (127.0.0.1) is the emulator's home, Shanghai.</summary>
    public static Func<RpcCall, JsonObject> ShanghaiOnly(Func<RpcCall, JsonObject> action) => call =>
        RpcEndpoint.RegionOf(call.Host, "vod") is { } region && region != "cn-shanghai"
            ? throw new RpcException(404, "InvalidAction.NotFound", "Specified api is not found, please check your url and method.")
            : action(call);

    public JsonObject AddVodDomain(RpcCall call)
    {
        string domain = call.Required("DomainName").ToLowerInvariant();
        if (!DomainNameFormat().IsMatch(domain)) throw new RpcException(400, "InvalidDomainName.Malformed", "The specified domain name is malformed.");
        JsonNode sources;
        try { sources = JsonNode.Parse(call.Required("Sources"))!; }
        catch (System.Text.Json.JsonException) { throw new RpcException(400, "InvalidSources.Malformed", "The specified Sources is malformed."); }
        if (sources is not JsonArray list || list.Count == 0 || list.Any(s => s is not JsonObject o || string.IsNullOrEmpty((string?)o["content"]?.ToString())))
            throw new RpcException(400, "InvalidSources.Malformed", "The specified Sources is malformed.");
        if (list.Any(s => (string?)s!["type"]?.ToString() is not ("ipaddr" or "domain" or "oss")))
            throw new RpcException(400, "InvalidSourceType.Malformed", "The source type must be ipaddr, domain or oss.");
        string scope = call.Optional("Scope") ?? "domestic";
        if (scope is not ("domestic" or "overseas" or "global")) throw new RpcException(400, "InvalidScope.Malformed", "The specified Scope is malformed.");
        state.Atomically(() =>
        {
            if (state.Domains().Count >= MaxDomains) throw new RpcException(403, "DomainOverLimit", $"An account holds at most {MaxDomains} domains.");
            if (!state.TryAdd(new VodDomain { DomainName = domain, Sources = list.ToJsonString(RpcResponse.Json), Scope = scope, Created = call.Now }))
                throw new RpcException(400, "DomainAlreadyExist", "This domain name is exist already");
            return 0;
        });
        return [];
    }

    private VodDomain RequireDomain(RpcCall call) => state.FindDomain(call.Required("DomainName").ToLowerInvariant())
        ?? throw new RpcException(404, "InvalidDomain.NotFound", "The domain does not exist.");

    public JsonObject DescribeVodDomainDetail(RpcCall call)
    {
        var domain = RequireDomain(call);
        var detail = DomainJson(domain, call.Now);
        detail["Scope"] = domain.Scope;
        detail["SSLProtocol"] = "off";
        detail["SSLPub"] = "";
        detail["CertName"] = "";
        detail["Weight"] = "";
        return new JsonObject { ["DomainDetail"] = detail };
    }

    /// <summary>The account's domains, a page at a time: PageSize 1..50 (default 20), PageNumber from 1, an optional DomainName
    /// matched as a substring (the default fuzzy_match); answered as Domains.PageData[] with TotalCount.</summary>
    public JsonObject DescribeVodUserDomains(RpcCall call)
    {
        int size, number;
        try { size = call.Int("PageSize", 20, 1, 50); }
        catch (RpcException) { throw new RpcException(400, "InvalidPageSize.ValueNotSupported", "The specified PageSize is not supported."); }
        try { number = call.Int("PageNumber", 1, 1); }
        catch (RpcException) { throw new RpcException(400, "InvalidPageNumber.ValueNotSupported", "The specified PageNumber is not supported."); }
        string filter = call.Optional("DomainName")?.ToLowerInvariant() ?? "";
        var all = state.Domains().Where(d => d.DomainName.Contains(filter, StringComparison.Ordinal))
            .OrderBy(d => d.Created).ThenBy(d => d.DomainName, StringComparer.Ordinal).ToList();
        var page = all.Skip((number - 1) * size).Take(size).Select(d =>
        {
            var item = DomainJson(d, call.Now);
            item["SslProtocol"] = "off";
            item["Sandbox"] = "";
            return (JsonNode)item;
        });
        return new JsonObject
        {
            ["PageNumber"] = number,
            ["PageSize"] = size,
            ["TotalCount"] = all.Count,
            ["Domains"] = new JsonObject { ["PageData"] = new JsonArray(page.ToArray()) },
        };
    }

    /// <summary>The fields DescribeVodDomainDetail and DescribeVodUserDomains share, origins under Sources.Source.</summary>
    private JsonObject DomainJson(VodDomain d, DateTimeOffset now)
    {
        var sources = JsonNode.Parse(d.Sources)!.AsArray().Select(s => (JsonNode)new JsonObject
        {
            ["Content"] = s!["content"]?.ToString(),
            ["Type"] = s["type"]?.ToString(),
            ["Port"] = int.TryParse(s["port"]?.ToString(), out int port) ? port : 80,
            ["Priority"] = s["priority"]?.ToString() ?? "20",
            ["Enabled"] = "online",
            ["Weight"] = "10",
        });
        return new JsonObject
        {
            ["DomainName"] = d.DomainName,
            ["Cname"] = d.DomainName.TrimStart('.') + ".w.alikunlun.com",
            ["DomainStatus"] = d.StatusAt(now, jobs),
            ["GmtCreated"] = RpcCall.Time(d.Created),
            ["GmtModified"] = RpcCall.Time(d.Created),
            ["Description"] = "",
            ["Sources"] = new JsonObject { ["Source"] = new JsonArray(sources.ToArray()) },
        };
    }

    public JsonObject DeleteVodDomain(RpcCall call)
    {
        state.Remove(RequireDomain(call));
        return [];
    }
}
