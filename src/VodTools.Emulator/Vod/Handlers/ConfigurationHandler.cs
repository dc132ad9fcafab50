using System.Text;
using System.Text.Json.Nodes;
using VodTools.Emulator.Rpc;

namespace VodTools.Emulator.Vod;

/// <summary>Template groups, storage and apps (ListTranscodeTemplateGroup, GetTranscodeTemplateGroup, AddTranscodeTemplateGroup,
/// SetDefaultTranscodeTemplateGroup, AddVodStorageForApp, GetAppInfos). Every account starts with app-1000000 and one
/// default template group (FHD/HD/SD MP4); VOD_NO_TRANSCODE is accepted wherever a group id is.</summary>
internal sealed class ConfigurationHandler(VodState state, VodStorage storage, TimeProvider clock)
{
    private const int MaxGroups = 20;
    private const int MaxTemplatesPerGroup = 20;
    private const int MaxGroupNameBytes = 128;

    /// <summary>Creates the default app and template group the first time the emulator runs on a data folder (or after a reset).</summary>
    public void EnsureDefaults()
    {
        var now = clock.GetUtcNow();
        state.TryAdd(new VodApp { AppId = VodApp.DefaultId, AppName = "Default", Type = "System", CreationTime = now });
        if (state.Settings() != null) return;
        var group = new TemplateGroup { TranscodeTemplateGroupId = RpcCall.NewId(), Name = "Default", Locked = true, CreationTime = now, ModifyTime = now };
        foreach (var (definition, width, bitrate) in new[] { ("FHD", 1920, 3000), ("HD", 1280, 1500), ("SD", 848, 800) })
            group.Templates.Add(TemplateGroup.TemplateJson(new JsonObject
            {
                ["TemplateName"] = definition + "-mp4",
                ["Definition"] = definition,
                ["Container"] = new JsonObject { ["Format"] = "mp4" },
                ["Video"] = new JsonObject { ["Codec"] = "H.264", ["Bitrate"] = bitrate.ToString(), ["Width"] = width.ToString(), ["Fps"] = "25" },
                ["Audio"] = new JsonObject { ["Codec"] = "AAC", ["Bitrate"] = "128", ["Samplerate"] = "44100" },
            }));
        state.Save(group);
        state.Save(new VodSettings { DefaultTemplateGroupId = group.TranscodeTemplateGroupId });
    }

    private JsonObject GroupJson(TemplateGroup g, bool withTemplates)
    {
        var json = new JsonObject
        {
            ["TranscodeTemplateGroupId"] = g.TranscodeTemplateGroupId,
            ["Name"] = g.Name,
            ["IsDefault"] = g.TranscodeTemplateGroupId == state.Settings()?.DefaultTemplateGroupId ? "Default" : "NotDefault",
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

    public JsonObject ListTranscodeTemplateGroup(RpcCall call)
    {
        string? appId = call.Optional("AppId");
        var groups = state.Groups().Where(g => appId == null || g.AppId == appId).OrderBy(g => g.CreationTime);
        return new JsonObject { ["TranscodeTemplateGroupList"] = new JsonArray(groups.Select(g => (JsonNode)GroupJson(g, false)).ToArray()) };
    }

    public JsonObject GetTranscodeTemplateGroup(RpcCall call) =>
        new() { ["TranscodeTemplateGroup"] = GroupJson(state.RequireGroup(call.Required("TranscodeTemplateGroupId")), withTemplates: true) };

    public JsonObject AddTranscodeTemplateGroup(RpcCall call)
    {
        string? id = call.Optional("TranscodeTemplateGroupId");
        string? name = call.Optional("Name");
        if (name != null && Encoding.UTF8.GetByteCount(name) > MaxGroupNameBytes) throw new RpcException(400, "LengthExceededMax", "The length of Name has exceeded 128 bytes.");
        if (id == null && name == null) throw RpcException.Missing("Name");
        var templates = new List<string>();
        if (call.Optional("TranscodeTemplateList") != null)
        {
            if (call.Json("TranscodeTemplateList") is not JsonArray list || list.Any(t => t is not JsonObject))
                throw RpcException.Invalid("TranscodeTemplateList", "It must be a JSON array of template objects.");
            if (list.Count > MaxTemplatesPerGroup)
                throw new RpcException(400, "TranscodeTemplateExceededMax", $"A template group holds at most {MaxTemplatesPerGroup} templates.");
            templates = list.Select(t => TemplateGroup.TemplateJson(t!.AsObject())).ToList();
        }
        string appId = call.Optional("AppId") ?? VodApp.DefaultId;
        if (state.FindApp(appId) == null) throw new RpcException(404, "InvalidStorage.NotFound", "The app does not exist.");
        return state.Atomically(() =>
        {
            TemplateGroup group;
            if (id != null)
            {
                if (id == TemplateGroup.NoTranscodeId) throw new RpcException(403, "Forbidden.SpecialTemplateGroup", "The special template group cannot be modified.");
                group = state.RequireGroup(id);
                if (group.Locked) throw new RpcException(403, "Forbidden.LockedTemplateGroup", "The template group is locked.");
                group.Name = name ?? group.Name;
                if (call.Optional("TranscodeTemplateList") != null) group.Templates = templates;
            }
            else
            {
                if (state.Groups().Count >= MaxGroups)
                    throw new RpcException(400, "TrasncodeTemplateGroupExceededMax", $"An account holds at most {MaxGroups} template groups.");
                group = new TemplateGroup { TranscodeTemplateGroupId = RpcCall.NewId(), Name = name!, AppId = appId, CreationTime = call.Now, Templates = templates };
            }
            group.ModifyTime = call.Now;
            state.Save(group);
            return new JsonObject { ["TranscodeTemplateGroupId"] = group.TranscodeTemplateGroupId };
        });
    }

    public JsonObject SetDefaultTranscodeTemplateGroup(RpcCall call)
    {
        string id = state.RequireGroup(call.Required("TranscodeTemplateGroupId")).TranscodeTemplateGroupId;
        state.Save(new VodSettings { DefaultTemplateGroupId = id });
        return [];
    }

    /// <summary>Binds a storage location to an app. user_oss_bucket needs a bucket the emulator holds
    /// (StorageLocation "bucket.oss-REGION.aliyuncs.com"); vod_oss_bucket gets the VOD-managed bucket.</summary>
    public JsonObject AddVodStorageForApp(RpcCall call)
    {
        string appId = call.Required("AppId");
        var app = state.FindApp(appId) ?? throw RpcException.Invalid("AppId", "The app does not exist.");
        string type = call.Optional("StorageType") ?? "vod_oss_bucket";
        string location;
        if (type == "user_oss_bucket")
        {
            var (bucket, region) = storage.Parse(call.Required("StorageLocation")) ?? throw VodStorage.NotFound();
            location = StorageLocations.Of(bucket, region);
        }
        else if (type == "vod_oss_bucket")
        {
            var (bucket, region) = storage.Managed();
            location = StorageLocations.Of(bucket, region);
        }
        else throw RpcException.Invalid("StorageType");
        if (!app.StorageLocations.Contains(location)) app.StorageLocations.Add(location);
        state.Save(app);
        return new JsonObject { ["StorageLocation"] = location };
    }

    public JsonObject GetAppInfos(RpcCall call)
    {
        var ids = call.List("AppIds", 10);
        var found = ids.Select(state.FindApp).OfType<VodApp>().ToList();
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
