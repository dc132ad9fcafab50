using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using VodTools.Emulator.Rpc;

namespace VodTools.Emulator.Vod;

/// <summary>Template groups, CDN domains, storage and apps. Every account starts with app-1000000 and one
/// default template group (FHD/HD/SD MP4); VOD_NO_TRANSCODE is accepted wherever a group id is.</summary>
internal sealed partial class VodApi
{
    private const string GroupKind = "vod-template-group";
    private const string DomainKind = "vod-domain";
    private const string AppKind = "vod-app";
    private const string SettingsKind = "vod-settings";
    private const int MaxGroups = 20;
    private const int MaxTemplatesPerGroup = 20;
    private const int MaxDomains = 20;

    private void RegisterConfigurationActions()
    {
        Action("ListTranscodeTemplateGroup", ListTranscodeTemplateGroup);
        Action("GetTranscodeTemplateGroup", GetTranscodeTemplateGroup);
        Action("AddTranscodeTemplateGroup", AddTranscodeTemplateGroup);
        Action("SetDefaultTranscodeTemplateGroup", SetDefaultTranscodeTemplateGroup);
        Action("AddVodDomain", ShanghaiOnly(AddVodDomain));
        Action("DescribeVodDomainDetail", ShanghaiOnly(DescribeVodDomainDetail));
        Action("DescribeVodUserDomains", ShanghaiOnly(DescribeVodUserDomains));
        Action("DeleteVodDomain", ShanghaiOnly(DeleteVodDomain));
        Action("AddVodStorageForApp", AddVodStorageForApp);
        Action("GetAppInfos", GetAppInfos);
    }

    [GeneratedRegex(@"^\.?[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$")]
    private static partial Regex DomainNameFormat();

    /// <summary>Creates the default app and template group the first time the emulator runs on a data folder.</summary>
    public void EnsureDefaults()
    {
        var now = _clock.GetUtcNow();
        _store.TryAdd(AppKind, DefaultAppId, new VodApp { AppId = DefaultAppId, AppName = "Default", Type = "System", CreationTime = now });
        if (_store.Get<VodSettings>(SettingsKind, "settings") != null) return;
        var group = new TemplateGroup { TranscodeTemplateGroupId = RpcCall.NewId(), Name = "Default", Locked = true, CreationTime = now, ModifyTime = now };
        foreach (var (definition, width, bitrate) in new[] { ("FHD", 1920, 3000), ("HD", 1280, 1500), ("SD", 848, 800) })
            group.Templates.Add(TemplateJson(new JsonObject
            {
                ["TemplateName"] = definition + "-mp4",
                ["Definition"] = definition,
                ["Container"] = new JsonObject { ["Format"] = "mp4" },
                ["Video"] = new JsonObject { ["Codec"] = "H.264", ["Bitrate"] = bitrate.ToString(), ["Width"] = width.ToString(), ["Fps"] = "25" },
                ["Audio"] = new JsonObject { ["Codec"] = "AAC", ["Bitrate"] = "128", ["Samplerate"] = "44100" },
            }));
        _store.Put(GroupKind, group.TranscodeTemplateGroupId, group);
        _store.Put(SettingsKind, "settings", new VodSettings { DefaultTemplateGroupId = group.TranscodeTemplateGroupId });
    }

    private static string TemplateJson(JsonObject template)
    {
        template["TranscodeTemplateId"] ??= RpcCall.NewId();
        template["Type"] ??= "Normal";
        return template.ToJsonString(RpcResponse.Json);
    }

    private string DefaultGroupId => _store.Get<VodSettings>(SettingsKind, "settings")?.DefaultTemplateGroupId ?? "";

    private TemplateGroup FindGroup(string id) => id == NoTranscode
        ? new TemplateGroup { TranscodeTemplateGroupId = NoTranscode, Name = "No Transcoding", Locked = true }
        : _store.Get<TemplateGroup>(GroupKind, id)
            ?? throw new RpcException(404, "InvalidTranscodeTemplateGroup.NotFound", "The transcode template group does not exist.");

    private VodApp? FindApp(string appId) => _store.Get<VodApp>(AppKind, appId);

    private JsonObject GroupJson(TemplateGroup g, bool withTemplates)
    {
        var json = new JsonObject
        {
            ["TranscodeTemplateGroupId"] = g.TranscodeTemplateGroupId,
            ["Name"] = g.Name,
            ["IsDefault"] = g.TranscodeTemplateGroupId == DefaultGroupId ? "Default" : "NotDefault",
            ["Locked"] = g.Locked ? "Enabled" : "Disabled",
            ["AppId"] = g.AppId,
            ["CreationTime"] = RpcCall.Time(g.CreationTime),
            ["ModifyTime"] = RpcCall.Time(g.ModifyTime),
        };
        if (withTemplates)
            json["TranscodeTemplateList"] = new JsonArray(g.Templates.Select(t =>
            {
                // nested settings travel as JSON strings, as the cloud returns them
                var template = new JsonObject();
                foreach (var (name, value) in JsonNode.Parse(t)!.AsObject())
                    template[name] = value is JsonObject or JsonArray ? value.ToJsonString(RpcResponse.Json) : value?.DeepClone();
                return (JsonNode)template;
            }).ToArray());
        return json;
    }

    private JsonObject ListTranscodeTemplateGroup(RpcCall call)
    {
        string? appId = call.Optional("AppId");
        var groups = _store.All<TemplateGroup>(GroupKind).Where(g => appId == null || g.AppId == appId).OrderBy(g => g.CreationTime);
        return new JsonObject { ["TranscodeTemplateGroupList"] = new JsonArray(groups.Select(g => (JsonNode)GroupJson(g, false)).ToArray()) };
    }

    private JsonObject GetTranscodeTemplateGroup(RpcCall call) =>
        new() { ["TranscodeTemplateGroup"] = GroupJson(FindGroup(call.Required("TranscodeTemplateGroupId")), withTemplates: true) };

    private JsonObject AddTranscodeTemplateGroup(RpcCall call)
    {
        string? id = call.Optional("TranscodeTemplateGroupId");
        string? name = call.Optional("Name");
        if (name != null && Encoding.UTF8.GetByteCount(name) > 128) throw new RpcException(400, "LengthExceededMax", "The length of Name has exceeded 128 bytes.");
        if (id == null && name == null) throw RpcException.Missing("Name");
        var templates = new List<string>();
        if (call.Optional("TranscodeTemplateList") != null)
        {
            if (call.Json("TranscodeTemplateList") is not JsonArray list || list.Any(t => t is not JsonObject))
                throw RpcException.Invalid("TranscodeTemplateList", "It must be a JSON array of template objects.");
            if (list.Count > MaxTemplatesPerGroup)
                throw new RpcException(400, "TranscodeTemplateExceededMax", $"A template group holds at most {MaxTemplatesPerGroup} templates.");
            templates = list.Select(t => TemplateJson(t!.AsObject())).ToList();
        }
        string appId = call.Optional("AppId") ?? DefaultAppId;
        if (FindApp(appId) == null) throw new RpcException(404, "InvalidStorage.NotFound", "The app does not exist.");
        return _store.Atomically(() =>
        {
            TemplateGroup group;
            if (id != null)
            {
                if (id == NoTranscode) throw new RpcException(403, "Forbidden.SpecialTemplateGroup", "The special template group cannot be modified.");
                group = FindGroup(id);
                if (group.Locked) throw new RpcException(403, "Forbidden.LockedTemplateGroup", "The template group is locked.");
                group.Name = name ?? group.Name;
                if (call.Optional("TranscodeTemplateList") != null) group.Templates = templates;
            }
            else
            {
                if (_store.All<TemplateGroup>(GroupKind).Count >= MaxGroups)
                    throw new RpcException(400, "TrasncodeTemplateGroupExceededMax", $"An account holds at most {MaxGroups} template groups.");
                group = new TemplateGroup { TranscodeTemplateGroupId = RpcCall.NewId(), Name = name!, AppId = appId, CreationTime = call.Now, Templates = templates };
            }
            group.ModifyTime = call.Now;
            _store.Put(GroupKind, group.TranscodeTemplateGroupId, group);
            return new JsonObject { ["TranscodeTemplateGroupId"] = group.TranscodeTemplateGroupId };
        });
    }

    private JsonObject SetDefaultTranscodeTemplateGroup(RpcCall call)
    {
        string id = FindGroup(call.Required("TranscodeTemplateGroupId")).TranscodeTemplateGroupId;
        _store.Put(SettingsKind, "settings", new VodSettings { DefaultTemplateGroupId = id });
        return [];
    }

    /// <summary>VOD answers its domain operations in Shanghai only (API reference: "available only in the China (Shanghai)
    /// region"). A call that names another region's host (vod.cn-beijing.aliyuncs.com) is answered as the API gateway answers
    /// an action an endpoint does not serve; the cloud's real answer there is not documented. A host that names no region
    /// (127.0.0.1) is the emulator's home, Shanghai.</summary>
    private static Func<RpcCall, JsonObject> ShanghaiOnly(Func<RpcCall, JsonObject> action) => call =>
        VodHost.RegionOf(call.Host) is { } region && region != "cn-shanghai"
            ? throw new RpcException(404, "InvalidAction.NotFound", "Specified api is not found, please check your url and method.")
            : action(call);

    private JsonObject AddVodDomain(RpcCall call)
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
        _store.Atomically(() =>
        {
            if (_store.All<VodDomain>(DomainKind).Count >= MaxDomains) throw new RpcException(403, "DomainOverLimit", $"An account holds at most {MaxDomains} domains.");
            if (!_store.TryAdd(DomainKind, domain, new VodDomain { DomainName = domain, Sources = list.ToJsonString(RpcResponse.Json), Scope = scope, Created = call.Now }))
                throw new RpcException(400, "DomainAlreadyExist", "This domain name is exist already");
            return 0;
        });
        return [];
    }

    private VodDomain FindDomain(RpcCall call) => _store.Get<VodDomain>(DomainKind, call.Required("DomainName").ToLowerInvariant())
        ?? throw new RpcException(404, "InvalidDomain.NotFound", "The domain does not exist.");

    private JsonObject DescribeVodDomainDetail(RpcCall call)
    {
        var domain = FindDomain(call);
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
    private JsonObject DescribeVodUserDomains(RpcCall call)
    {
        int size, number;
        try { size = call.Int("PageSize", 20, 1, 50); }
        catch (RpcException) { throw new RpcException(400, "InvalidPageSize.ValueNotSupported", "The specified PageSize is not supported."); }
        try { number = call.Int("PageNumber", 1, 1); }
        catch (RpcException) { throw new RpcException(400, "InvalidPageNumber.ValueNotSupported", "The specified PageNumber is not supported."); }
        string filter = call.Optional("DomainName")?.ToLowerInvariant() ?? "";
        var all = _store.All<VodDomain>(DomainKind).Where(d => d.DomainName.Contains(filter, StringComparison.Ordinal))
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
            // a new domain is "configuring" for as long as a transcode job runs, then "online"
            ["DomainStatus"] = Progress(d.Created, now) < 100 ? "configuring" : "online",
            ["GmtCreated"] = RpcCall.Time(d.Created),
            ["GmtModified"] = RpcCall.Time(d.Created),
            ["Description"] = "",
            ["Sources"] = new JsonObject { ["Source"] = new JsonArray(sources.ToArray()) },
        };
    }

    private JsonObject DeleteVodDomain(RpcCall call)
    {
        _store.Delete(DomainKind, FindDomain(call).DomainName);
        return [];
    }

    /// <summary>Binds a storage location to an app. user_oss_bucket needs a bucket the emulator holds
    /// (StorageLocation "bucket.oss-REGION.aliyuncs.com"); vod_oss_bucket gets the VOD-managed bucket.</summary>
    private JsonObject AddVodStorageForApp(RpcCall call)
    {
        string appId = call.Required("AppId");
        var app = FindApp(appId) ?? throw RpcException.Invalid("AppId", "The app does not exist.");
        string type = call.Optional("StorageType") ?? "vod_oss_bucket";
        string location;
        if (type == "user_oss_bucket")
        {
            var (bucket, region) = ParseStorageLocation(call.Required("StorageLocation"))
                ?? throw new RpcException(404, "InvalidStorage.NotFound", "The storage location does not exist.");
            location = $"{bucket}.oss-{region}.aliyuncs.com";
        }
        else if (type == "vod_oss_bucket")
        {
            var (bucket, region) = UploadStorage(null, "");
            location = $"{bucket}.oss-{region}.aliyuncs.com";
        }
        else throw RpcException.Invalid("StorageType");
        if (!app.StorageLocations.Contains(location)) app.StorageLocations.Add(location);
        _store.Put(AppKind, appId, app);
        return new JsonObject { ["StorageLocation"] = location };
    }

    private JsonObject GetAppInfos(RpcCall call)
    {
        var ids = call.List("AppIds", 10);
        var found = ids.Select(FindApp).OfType<VodApp>().ToList();
        return new JsonObject
        {
            ["Code"] = "200",
            ["NonExistAppIds"] = new JsonArray(ids.Where(id => found.All(a => a.AppId != id)).Select(id => (JsonNode)id).ToArray()),
            ["AppInfoList"] = new JsonArray(found.Select(a => (JsonNode)new JsonObject
            {
                ["AppId"] = a.AppId,
                ["AppName"] = a.AppName,
                ["Type"] = a.Type,
                ["Status"] = "Normal",
                ["Description"] = a.Description,
                ["CreationTime"] = RpcCall.Time(a.CreationTime),
                ["ModificationTime"] = RpcCall.Time(a.CreationTime),
                ["ResourceGroupId"] = "rg-default",
            }).ToArray()),
        };
    }
}
