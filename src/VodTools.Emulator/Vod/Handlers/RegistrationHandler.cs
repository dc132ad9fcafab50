using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using VodTools.Emulator.Auth;
using VodTools.Emulator.Oss;
using VodTools.Emulator.Rpc;

namespace VodTools.Emulator.Vod;

/// <summary>RegisterMedia: files already in OSS become media, once each (bucket and key identify a file), optionally
/// transcoded at once with a template group.</summary>
internal sealed partial class RegistrationHandler(VodState state, IOssBuckets buckets, VodStorage storage, TranscodeHandler transcodes)
{
    [GeneratedRegex(@"^https?://(?<bucket>[a-z0-9][a-z0-9_-]{1,62})\.oss-(?<region>[a-z0-9-]+?)(-internal)?\.aliyuncs\.com/(?<key>[^?#]+)$")]
    private static partial Regex OssFileUrl();

    public JsonObject RegisterMedia(RpcCall call)
    {
        if (call.Json("RegisterMetadatas") is not JsonArray items || items.Count == 0)
            throw RpcException.Invalid("RegisterMetadatas", "It must be a JSON array of 1 to 10 items.");
        if (items.Count > 10) throw RpcException.Invalid("RegisterMetadatas", "At most 10 items may be registered at once.");
        string? group = call.Optional("TemplateGroupId");
        if (group != null) state.RequireGroup(group);
        string appId = call.Optional("AppId") ?? VodApp.DefaultId;

        var registered = new JsonArray();
        var failed = new JsonArray();
        var inBuckets = new HashSet<string>();
        foreach (var item in items)
        {
            string? url = item is JsonObject o && o["FileURL"] is JsonValue u && u.TryGetValue(out string? s) ? s : null;
            if (url == null) throw RpcException.Invalid("RegisterMetadatas", "Every item needs a FileURL.");
            string? title = item!["Title"]?.ToString();
            var match = OssFileUrl().Match(url);
            string bucket = match.Groups["bucket"].Value, region = match.Groups["region"].Value;
            string key = match.Success ? Percent.DecodePath(match.Groups["key"].Value) : "";
            if (!match.Success || url.Length > 1024 || string.IsNullOrEmpty(title) || !Video.TitleFits(title)
                || !Video.IsMediaFile(Path.GetExtension(key))
                || buckets.RegionOf(bucket) != region
                || buckets.Find(bucket, key) == null
                || !storage.OfApp(appId, bucket, region))
            {
                failed.Add(call.Respell ? Respell(url) : url);
                continue;
            }
            inBuckets.Add(bucket);
            if (inBuckets.Count > 1) throw RpcException.Invalid("RegisterMetadatas", "All files of one request must be in the same storage location.");
            var (videoId, isNew) = Register(call, (JsonObject)item, url, bucket, region, key, title, group);
            registered.Add(new JsonObject { ["MediaId"] = videoId, ["FileURL"] = call.Respell ? Respell(url) : url, ["NewRegister"] = isNew });
        }
        return new JsonObject { ["RegisteredMediaList"] = registered, ["FailedFileURLs"] = failed };
    }

    /// <summary>The same OSS URL spelled another way (the respell fault): the other scheme, and the key percent-decoded when it
    /// was encoded, else its spaces and non-ASCII characters percent-encoded. VOD's reference does not promise an echo byte
    /// for byte; its own examples answer http:// for https://.</summary>
    private static string Respell(string url)
    {
        int hostStart = url.IndexOf("://", StringComparison.Ordinal) + 3;
        int pathStart = url.IndexOf('/', hostStart) + 1;
        if (hostStart < 3 || pathStart <= hostStart) return url;
        string scheme = url.StartsWith("https://", StringComparison.Ordinal) ? "http://" : "https://";
        string path = url[pathStart..];
        string respelled = path.Contains('%') ? Percent.DecodePath(path) : string.Join("/", path.Split('/').Select(Uri.EscapeDataString));
        return scheme + url[hostStart..pathStart] + respelled;
    }

    /// <summary>Creates the media for a FileURL, or finds the one registered before (bucket and key identify it).</summary>
    private (string VideoId, bool IsNew) Register(RpcCall call, JsonObject item, string url, string bucket, string region, string key, string title, string? group)
    {
        if (state.RegisteredVideoOf(bucket, key) is { } existing) return (existing, false);
        var video = new Video
        {
            VideoId = RpcCall.NewId(),
            Title = title,
            Description = (string?)item["Description"]?.ToString() ?? "",
            Tags = (string?)item["Tags"]?.ToString() ?? "",
            CoverURL = (string?)item["CoverURL"]?.ToString() ?? "",
            CateId = long.TryParse(item["CateId"]?.ToString(), out long cate) ? cate : -1,
            FileURL = url,
            Bucket = bucket,
            Key = key,
            Region = region,
            AppId = call.Optional("AppId") ?? VodApp.DefaultId,
            TemplateGroupId = group ?? "",
            UserData = call.Optional("UserData") ?? "",
            NoTranscode = group == TemplateGroup.NoTranscodeId,
            SourceSize = buckets.Find(bucket, key)?.Size ?? 0,
            CreationTime = call.Now,
            ModificationTime = call.Now,
        };
        // One transaction: a kill between the file's index entry and the media it points at would leave a dangling MediaId.
        return state.Atomically(() =>
        {
            if (!state.TryRegister(bucket, key, video.VideoId, call.Now))
                return (state.RegisteredVideoOf(bucket, key)!, false); // registered concurrently
            state.Save(video);
            if (group != null && !video.NoTranscode) transcodes.Start(video, state.RequireGroup(group), "Auto", 6, call.Now, video.UserData);
            return (video.VideoId, true);
        });
    }
}
