using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using VodTools.Emulator.Auth;
using VodTools.Emulator.Oss;
using VodTools.Emulator.Ram;
using VodTools.Emulator.Rpc;
using VodTools.Emulator.Storage;
using VodTools.Emulator.Sts;

namespace VodTools.Emulator.Vod;

/// <summary>VOD 2017-03-21 (the SDK models of alibabacloud-go/vod-20170321 and VOD's API reference): media registration and upload, media info, deletion,
/// simulated transcoding and snapshots, template groups, domains and apps.</summary>
internal sealed partial class VodApi : RpcApi
{
    public const string DefaultAppId = "app-1000000";
    public const string NoTranscode = "VOD_NO_TRANSCODE";
    private const string VideoKind = "vod-video";
    private const string FileUrlKind = "vod-file-url";
    private const string ReferenceKind = "vod-reference-id";

    /// <summary>Extensions VOD registers as audio/video (images and other files go to FailedFileURLs).</summary>
    private static readonly HashSet<string> MediaExtensions = new(StringComparer.OrdinalIgnoreCase)
    {
        ".mp4", ".mov", ".m3u8", ".flv", ".f4v", ".avi", ".wmv", ".asf", ".mkv", ".webm", ".ts", ".3gp", ".mpg", ".mpeg",
        ".m4v", ".rm", ".rmvb", ".mxf", ".vob", ".mp3", ".m4a", ".wav", ".aac", ".flac", ".ogg", ".wma", ".ape",
    };

    private readonly int? _uploadAuthSeconds;
    private readonly Store _store;
    private readonly StsApi _sts;
    private readonly TimeProvider _clock;
    private readonly string _accountId;
    /// <summary>How long a simulated transcode or snapshot job runs (--transcode-seconds).</summary>
    private readonly TimeSpan _jobDuration;
    /// <summary>Checks that media come from the app's storage and that transcoding may read them; null with --lenient.</summary>
    private readonly Authorizer? _authorizer;

    public VodApi(Store store, StsApi sts, TimeProvider clock, string accountId, TimeSpan jobDuration, Authorizer? authorizer = null, int? uploadAuthSeconds = null)
    {
        _authorizer = authorizer;
        _uploadAuthSeconds = uploadAuthSeconds;
        _store = store;
        _sts = sts;
        _clock = clock;
        _accountId = accountId;
        _jobDuration = jobDuration;
        Action("RegisterMedia", RegisterMedia);
        Action("CreateUploadVideo", CreateUploadVideo);
        Action("RefreshUploadVideo", RefreshUploadVideo);
        Action("GetVideoInfo", GetVideoInfo);
        Action("GetVideoInfos", GetVideoInfos);
        Action("GetMezzanineInfo", GetMezzanineInfo);
        Action("DeleteVideo", DeleteVideo);
        Action("UpdateVideoInfo", UpdateVideoInfo);
        Action("DeleteMezzanines", DeleteMezzanines);
        RegisterProcessingActions();
        RegisterConfigurationActions();
        RegisterPlaybackActions();
        RegisterCatalogueActions();
        RegisterUrlUploadActions();
        RegisterEventActions();
        ResumeUrlUploads();
    }

    public override string Version => "2017-03-21";
    public override string HostId => "vod.cn-shanghai.aliyuncs.com";
    public override string Product => "vod";
    public override string UnavailableCode => "ServiceUnAvailable";

    [GeneratedRegex(@"^https?://(?<bucket>[a-z0-9][a-z0-9_-]{1,62})\.oss-(?<region>[a-z0-9-]+?)(-internal)?\.aliyuncs\.com/(?<key>[^?#]+)$")]
    private static partial Regex OssFileUrl();

    [GeneratedRegex("^[A-Za-z0-9_-]{6,64}$")]
    private static partial Regex ReferenceIdPattern();

    private Video FindVideo(RpcCall call) => FindVideo(call.Required("VideoId"))
        ?? throw new RpcException(404, "InvalidVideo.NotFound", "The video does not exist.");

    private Video? FindVideo(string id) => _store.Get<Video>(VideoKind, id);

    private ObjectRecord? SourceObject(Video v) => _store.GetObject(v.Bucket, v.Key);

    private JsonObject RegisterMedia(RpcCall call)
    {
        if (call.Json("RegisterMetadatas") is not JsonArray items || items.Count == 0)
            throw RpcException.Invalid("RegisterMetadatas", "It must be a JSON array of 1 to 10 items.");
        if (items.Count > 10) throw RpcException.Invalid("RegisterMetadatas", "At most 10 items may be registered at once.");
        string? group = call.Optional("TemplateGroupId");
        if (group != null && group != NoTranscode) FindGroup(group);

        var registered = new JsonArray();
        var failed = new JsonArray();
        var buckets = new HashSet<string>();
        foreach (var item in items)
        {
            string? url = item is JsonObject o && o["FileURL"] is JsonValue u && u.TryGetValue(out string? s) ? s : null;
            if (url == null) throw RpcException.Invalid("RegisterMetadatas", "Every item needs a FileURL.");
            string? title = item!["Title"]?.ToString();
            var match = OssFileUrl().Match(url);
            string key = match.Success ? Percent.DecodePath(match.Groups["key"].Value) : "";
            if (!match.Success || url.Length > 1024 || string.IsNullOrEmpty(title) || Encoding.UTF8.GetByteCount(title) > 128
                || !MediaExtensions.Contains(Path.GetExtension(key))
                || _store.Get<OssApi.Bucket>(OssApi.BucketKind, match.Groups["bucket"].Value)?.Region != match.Groups["region"].Value
                || _store.GetObject(match.Groups["bucket"].Value, key) == null
                || !InStorage(call.Optional("AppId") ?? DefaultAppId, match.Groups["bucket"].Value, match.Groups["region"].Value))
            {
                failed.Add(call.Respell ? Respell(url) : url);
                continue;
            }
            buckets.Add(match.Groups["bucket"].Value);
            if (buckets.Count > 1) throw RpcException.Invalid("RegisterMetadatas", "All files of one request must be in the same storage location.");
            var (videoId, isNew) = Register(call, (JsonObject)item!, url, match.Groups["bucket"].Value, match.Groups["region"].Value, key, title, group);
            registered.Add(new JsonObject { ["MediaId"] = videoId, ["FileURL"] = call.Respell ? Respell(url) : url, ["NewRegister"] = isNew });
        }
        return new JsonObject { ["RegisteredMediaList"] = registered, ["FailedFileURLs"] = failed };
    }

    /// <summary>
    /// RegisterMedia takes files only from the app's storage: VOD's own bucket, or a bucket added with AddVodStorageForApp
    /// (the guide "Add a user-created OSS bucket to ApsaraVideo VOD"); any other file goes to FailedFileURLs, which the API
    /// reference describes as "the URLs of the media files that failed to be registered". With --lenient every bucket counts.
    /// </summary>
    private bool InStorage(string appId, string bucket, string region) =>
        _authorizer == null || bucket == ManagedBucket || (FindApp(appId)?.StorageLocations.Contains($"{bucket}.oss-{region}.aliyuncs.com") ?? false);

    /// <summary>The account's VOD-managed bucket, created on first upload.</summary>
    private string ManagedBucket => "outin-" + _accountId;

    /// <summary>
    /// Why VOD's transcoding cannot read a user-bucket file, or null: the guide has a RAM role trusted by the transcoding
    /// service hold a policy granting the bucket; without one the job fails. The code and message are the emulator's own:
    /// no source documents what such a job reports (AccessDenied is what OSS answers the service).
    /// </summary>
    private string? AccessProblem(Video video) =>
        _authorizer == null || video.Bucket == ManagedBucket || _authorizer.TranscodingRoleFor(_accountId, video.Bucket, video.Region, video.Key) != null ? null
        : $"ApsaraVideo VOD cannot read oss://{video.Bucket}/{video.Key}: no RAM role trusted by {string.Join(" or ", Authorizer.TranscodingServices)} "
          + "holds a policy that grants this bucket.";

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

    /// <summary>Creates the video for a FileURL, or finds the one registered before (bucket and key identify it).</summary>
    private (string VideoId, bool IsNew) Register(RpcCall call, JsonObject item, string url, string bucket, string region, string key, string title, string? group)
    {
        string identity = bucket + "/" + key;
        var existing = _store.Get<IndexEntry>(FileUrlKind, identity);
        if (existing != null) return (existing.Id, false);
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
            AppId = call.Optional("AppId") ?? DefaultAppId,
            TemplateGroupId = group ?? "",
            UserData = call.Optional("UserData") ?? "",
            NoTranscode = group == NoTranscode,
            SourceSize = _store.GetObject(bucket, key)?.Size ?? 0,
            CreationTime = call.Now,
            ModificationTime = call.Now,
        };
        if (!_store.TryAdd(FileUrlKind, identity, new IndexEntry(video.VideoId, call.Now)))
            return (_store.Get<IndexEntry>(FileUrlKind, identity)!.Id, false); // registered concurrently
        _store.Put(VideoKind, video.VideoId, video);
        if (group != null && group != NoTranscode) StartTranscode(video, FindGroup(group), "Auto", 6, call.Now);
        return (video.VideoId, true);
    }

    private JsonObject CreateUploadVideo(RpcCall call)
    {
        string title = call.Required("Title");
        if (Encoding.UTF8.GetByteCount(title) > 128) throw new RpcException(400, "LengthExceededMax", "The length of Title has exceeded 128 bytes.");
        string fileName = call.Required("FileName");
        string extension = Path.GetExtension(fileName);
        if (!MediaExtensions.Contains(extension)) throw new RpcException(400, "InvalidFileName.Extension", "The extension of FileName is not supported.");
        string tags = call.Optional("Tags") ?? "";
        if (tags.Split(',', StringSplitOptions.RemoveEmptyEntries).Length > 16) throw new RpcException(400, "TagsExceededMax", "The count of tags has exceeded 16.");
        string? group = call.Optional("TemplateGroupId");
        if (group != null && group != NoTranscode) FindGroup(group);
        string appId = call.Optional("AppId") ?? DefaultAppId;
        var (bucket, region) = UploadStorage(call.Optional("StorageLocation"), appId);
        var video = new Video
        {
            VideoId = RpcCall.NewId(),
            Title = title,
            Description = call.Optional("Description") ?? "",
            Tags = tags,
            CoverURL = call.Optional("CoverURL") ?? "",
            CateId = call.Int("CateId", -1),
            Bucket = bucket,
            Region = region,
            AppId = appId,
            TemplateGroupId = group ?? "",
            UserData = call.Optional("UserData") ?? "",
            NoTranscode = group == NoTranscode,
            CreationTime = call.Now,
            ModificationTime = call.Now,
        };
        PlaceInVodStorage(video, extension);
        if (call.Optional("ReferenceId") is { } reference)
        {
            if (!ReferenceIdPattern().IsMatch(reference)) throw RpcException.Invalid("ReferenceId", "6 to 64 letters, digits, hyphens or underscores.");
            // unique per account; the cloud's code for a repeat is not documented
            if (!_store.TryAdd(ReferenceKind, reference, new IndexEntry(video.VideoId, call.Now)))
                throw new RpcException(400, "InvalidParameter.ReferenceId", "The specified ReferenceId already exists.");
            video.ReferenceId = reference;
        }
        _store.Put(VideoKind, video.VideoId, video);
        return UploadCredentials(call, video);
    }

    private JsonObject RefreshUploadVideo(RpcCall call) => UploadCredentials(call, FindVideo(call));

    /// <summary>UploadAddress and UploadAuth: base64 JSON naming this emulator as the OSS endpoint and a
    /// fresh STS key (valid 3000 s, as the cloud's upload credentials) that works against it; with --upload-auth-seconds
    /// the key stops working sooner than it says.</summary>
    private JsonObject UploadCredentials(RpcCall call, Video video)
    {
        var expiration = call.Now.AddSeconds(3000);
        // VOD's own role, scoped to the one object (VOD's upload credentials can write only the file they were issued for)
        string scope = $$"""{"Version":"1","Statement":[{"Effect":"Allow","Action":"oss:*","Resource":"{{AcsResource.Oss(video.Region, call.AccountId, video.Bucket, video.Key)}}"}]}""";
        var works = _uploadAuthSeconds is int seconds ? call.Now.AddSeconds(seconds) : expiration;
        var key = _sts.Issue(call.AccountId, $"acs:ram::{call.AccountId}:role/aliyunvoduploadrole", "vod-upload", works, scope, serviceRole: true);
        string Base64(JsonObject o) => Convert.ToBase64String(Encoding.UTF8.GetBytes(o.ToJsonString(RpcResponse.Json)));
        return new JsonObject
        {
            ["VideoId"] = video.VideoId,
            ["UploadAddress"] = Base64(new JsonObject { ["Endpoint"] = call.BaseUrl, ["Bucket"] = video.Bucket, ["FileName"] = video.Key }),
            ["UploadAuth"] = Base64(new JsonObject
            {
                ["AccessKeyId"] = key.Id,
                ["AccessKeySecret"] = key.Secret,
                ["SecurityToken"] = key.SecurityToken,
                ["Expiration"] = "3000",
                ["ExpireUTCTime"] = RpcCall.Time(expiration),
                ["Region"] = video.Region,
            }),
        };
    }

    /// <summary>The bucket an upload goes to: the StorageLocation given (a bucket host the emulator holds), the
    /// app's first storage, or the account's VOD-managed bucket (created on first use).</summary>
    /// <summary>Where VOD keeps a file it receives (an upload or a URL pull) in its storage: sv/&lt;id prefix&gt;/&lt;id&gt;&lt;ext&gt;.</summary>
    private static void PlaceInVodStorage(Video video, string extension)
    {
        video.Key = $"sv/{video.VideoId[..8]}/{video.VideoId}{extension.ToLowerInvariant()}";
        video.FileURL = $"https://{video.Bucket}.oss-{video.Region}.aliyuncs.com/{video.Key}";
    }

    private (string Bucket, string Region) UploadStorage(string? location, string appId)
    {
        location ??= FindApp(appId)?.StorageLocations.FirstOrDefault();
        if (location != null)
        {
            var parsed = ParseStorageLocation(location);
            return parsed ?? throw new RpcException(404, "InvalidStorage.NotFound", "The storage location does not exist.");
        }
        string name = ManagedBucket;
        _store.TryAdd(OssApi.BucketKind, name, new OssApi.Bucket { Name = name, CreationDate = _clock.GetUtcNow() });
        return (name, _store.Get<OssApi.Bucket>(OssApi.BucketKind, name)!.Region);
    }

    /// <summary>"bucket.oss-cn-shanghai.aliyuncs.com" → (bucket, region) when the emulator holds that bucket.</summary>
    private (string Bucket, string Region)? ParseStorageLocation(string location)
    {
        string bucket = location.Split('.')[0];
        var b = _store.Get<OssApi.Bucket>(OssApi.BucketKind, bucket);
        return b == null ? null : (b.Name, b.Region);
    }

    /// <summary>The video's status now: Uploading until its object exists, then UploadSucc; Transcoding while its
    /// latest task runs, then Normal (or TranscodeFail when every job failed). VOD_NO_TRANSCODE media are Normal.</summary>
    private string Status(Video video, DateTimeOffset now) =>
        Status(video, SourceObject(video), TasksOf(video.VideoId).OrderBy(t => t.CreationTime).LastOrDefault(), now);

    private string Status(Video video, ObjectRecord? source, TranscodeTask? task, DateTimeOffset now)
    {
        if (source == null && !video.MezzanineDeleted) return "Uploading";
        if (task == null) return video.NoTranscode ? "Normal" : "UploadSucc";
        return TaskStatus(task, now) switch
        {
            "Processing" => "Transcoding",
            "CompleteAllFail" => "TranscodeFail",
            _ => "Normal",
        };
    }

    private JsonObject VideoJson(Video v, DateTimeOffset now, bool snapshotsAsArray)
    {
        var source = SourceObject(v);
        var snapshots = new JsonArray(SnapshotUrls(v, now).Select(u => (JsonNode)u).ToArray());
        var json = new JsonObject
        {
            ["VideoId"] = v.VideoId,
            ["Title"] = v.Title,
            ["Description"] = v.Description,
            ["Duration"] = DurationOf(source),
            ["CoverURL"] = v.CoverURL,
            ["Status"] = Status(v, now),
            ["CreationTime"] = RpcCall.Time(v.CreationTime),
            ["ModificationTime"] = RpcCall.Time(v.ModificationTime),
            ["Size"] = source?.Size ?? 0,
            ["CateId"] = v.CateId,
            ["CateName"] = CategoryName(v.CateId),
            ["Tags"] = v.Tags,
            ["TemplateGroupId"] = v.TemplateGroupId,
            ["StorageLocation"] = $"{v.Bucket}.oss-{v.Region}.aliyuncs.com",
            ["RegionId"] = v.Region,
            ["AppId"] = v.AppId,
            ["AuditStatus"] = "Normal",
            ["DownloadSwitch"] = "on",
            ["StorageClass"] = "Standard",
            ["UserData"] = v.UserData,
            ["Snapshots"] = snapshotsAsArray ? snapshots : new JsonObject { ["Snapshot"] = snapshots },
        };
        if (v.ReferenceId.Length > 0) json["ReferenceId"] = v.ReferenceId;
        return json;
    }

    /// <summary>A plausible duration for a fake media file: its size at 1 Mbit/s.</summary>
    private static float DurationOf(ObjectRecord? source) => DurationOf(source?.Size ?? 0);

    private static float DurationOf(long size) => MathF.Round(size / 125000f, 3);

    /// <summary>By VideoId, or by the ReferenceId given at CreateUploadVideo.</summary>
    private JsonObject GetVideoInfo(RpcCall call)
    {
        var video = call.Optional("VideoId") == null && call.Optional("ReferenceId") is { } reference
            ? (_store.Get<IndexEntry>(ReferenceKind, reference) is { } entry ? FindVideo(entry.Id) : null)
                ?? throw new RpcException(404, "InvalidVideo.NotFound", "The video does not exist.")
            : FindVideo(call);
        return new() { ["Video"] = VideoJson(video, call.Now, snapshotsAsArray: false) };
    }

    private JsonObject GetVideoInfos(RpcCall call)
    {
        var ids = call.List("VideoIds", 20, "VideoIdsExceededMax");
        var found = ids.Select(FindVideo).OfType<Video>().ToList();
        return new JsonObject
        {
            ["VideoList"] = new JsonArray(found.Select(v => (JsonNode)VideoJson(v, call.Now, snapshotsAsArray: true)).ToArray()),
            ["NonExistVideoIds"] = new JsonArray(ids.Where(id => found.All(v => v.VideoId != id)).Select(id => (JsonNode)id).ToArray()),
        };
    }

    private JsonObject GetMezzanineInfo(RpcCall call)
    {
        var video = FindVideo(call);
        // A registered file VOD answers from its own records: one removed from the bucket behind its back goes unnoticed
        // ("the status of media files displayed in ApsaraVideo VOD may be different from that in OSS", storage guide). A
        // source VOD deleted itself (DeleteMezzanines), or an upload that never arrived, is not there.
        var source = SourceObject(video);
        bool registered = _store.Get<IndexEntry>(FileUrlKind, video.Bucket + "/" + video.Key) != null;
        if (video.MezzanineDeleted || (source == null && !registered))
            throw new RpcException(404, "InvalidFile.NotFound", "The source file of the video does not exist.");
        long size = source?.Size ?? video.SourceSize;
        string outputType = call.Optional("OutputType") ?? "oss";
        return new JsonObject
        {
            ["Mezzanine"] = new JsonObject
            {
                ["VideoId"] = video.VideoId,
                ["FileName"] = Path.GetFileName(video.Key),
                ["FileURL"] = video.FileURL,
                ["Size"] = size,
                ["Status"] = "Normal",
                ["CreationTime"] = RpcCall.Time(video.CreationTime),
                ["Duration"] = DurationOf(size).ToString(CultureInfo.InvariantCulture),
                ["Bitrate"] = "1000",
                ["Fps"] = "25",
                ["Width"] = size == 0 ? 0 : 1280,
                ["Height"] = size == 0 ? 0 : 720,
                ["OutputType"] = outputType,
                ["FileMD5"] = source == null || source.ContentMd5.Length == 0 ? "" : Convert.ToHexString(Convert.FromBase64String(source.ContentMd5)).ToLowerInvariant(),
                ["PreprocessStatus"] = "UnPreprocess",
                ["StorageClass"] = "Standard",
                ["VideoStreamList"] = new JsonArray(),
                ["AudioStreamList"] = new JsonArray(),
            },
        };
    }

    private JsonObject UpdateVideoInfo(RpcCall call)
    {
        var video = FindVideo(call);
        if (call.Optional("Title") is { } title)
            video.Title = Encoding.UTF8.GetByteCount(title) <= 128 ? title : throw new RpcException(400, "LengthExceededMax", "The length of Title has exceeded 128 bytes.");
        if (call.Optional("Description") is { } description)
            video.Description = Encoding.UTF8.GetByteCount(description) <= 1024 ? description : throw new RpcException(400, "LengthExceededMax", "The length of Description has exceeded 1024 bytes.");
        if (call.Optional("Tags") is { } tags)
            video.Tags = tags.Split(',', StringSplitOptions.RemoveEmptyEntries).Length <= 16 ? tags : throw new RpcException(400, "TagsExceededMax", "The count of tags has exceeded 16.");
        video.CoverURL = call.Optional("CoverURL") ?? video.CoverURL;
        if (call.Optional("CateId") is { } cate) video.CateId = long.TryParse(cate, NumberStyles.Integer, CultureInfo.InvariantCulture, out long id) ? id : throw RpcException.Invalid("CateId");
        video.ModificationTime = call.Now;
        _store.Put(VideoKind, video.VideoId, video);
        return [];
    }

    /// <summary>Deletes source files but keeps the media. Without Force a source that is the only playable
    /// copy (no successful transcode yet) is not removed and is listed in UnRemoveableVideoIds.</summary>
    private JsonObject DeleteMezzanines(RpcCall call)
    {
        var ids = call.List("VideoIds", 20, "VideoIdsExceededMax");
        bool force = call.Bool("Force", false);
        var missing = new JsonArray();
        var kept = new JsonArray();
        foreach (var id in ids)
        {
            var video = FindVideo(id);
            if (video == null) { missing.Add(id); continue; }
            bool transcoded = TasksOf(id).Any(t => TaskStatus(t, call.Now) is "CompleteAllSucc" or "CompletePartialSucc");
            if (!transcoded && !force) { kept.Add(id); continue; }
            video.MezzanineDeleted = true;
            _store.Put(VideoKind, video.VideoId, video);
            _store.DeleteBody(_store.DeleteObject(video.Bucket, video.Key)?.BodyId);
        }
        return new JsonObject { ["NonExistVideoIds"] = missing, ["UnRemoveableVideoIds"] = kept };
    }

    private JsonObject DeleteVideo(RpcCall call)
    {
        var ids = call.List("VideoIds", 20, "VideoIdsExceededMax");
        var found = ids.Select(FindVideo).OfType<Video>().ToList();
        if (found.Count == 0) throw new RpcException(404, "InvalidVideo.NotFound", "The video does not exist.");
        foreach (var video in found)
        {
            // VOD deletes the source, its streams and snapshots physically
            _store.DeleteBody(_store.DeleteObject(video.Bucket, video.Key)?.BodyId);
            _store.Delete(FileUrlKind, video.Bucket + "/" + video.Key);
            if (video.ReferenceId.Length > 0) _store.Delete(ReferenceKind, video.ReferenceId);
            foreach (var task in TasksOf(video.VideoId)) _store.Delete(TaskKind, task.TranscodeTaskId);
            foreach (var job in SnapshotsOf(video.VideoId)) _store.Delete(SnapshotKind, job.JobId);
            _store.Delete(VideoKind, video.VideoId);
        }
        return new JsonObject
        {
            ["NonExistVideoIds"] = new JsonArray(ids.Where(id => found.All(v => v.VideoId != id)).Select(id => (JsonNode)id).ToArray()),
            ["ForbiddenVideoIds"] = new JsonArray(),
        };
    }

    /// <summary>For /_emulator/stats: every video (id, bucket, key) and every transcode task (id, video, trigger),
    /// so a test can check a run created nothing twice.</summary>
    public JsonObject Inventory() => new()
    {
        ["videos"] = new JsonArray(_store.All<Video>(VideoKind).Select(v => (JsonNode)new JsonObject
            { ["videoId"] = v.VideoId, ["bucket"] = v.Bucket, ["key"] = v.Key }).ToArray()),
        ["transcodeTasks"] = new JsonArray(_store.All<TranscodeTask>(TaskKind).Select(t => (JsonNode)new JsonObject
            { ["taskId"] = t.TranscodeTaskId, ["videoId"] = t.VideoId, ["trigger"] = t.Trigger }).ToArray()),
        ["snapshotJobs"] = new JsonArray(_store.All<SnapshotJob>(SnapshotKind).Select(j => (JsonNode)new JsonObject
            { ["jobId"] = j.JobId, ["videoId"] = j.VideoId }).ToArray()),
        ["templateGroups"] = new JsonArray(_store.All<TemplateGroup>(GroupKind).Select(g => (JsonNode)new JsonObject
            { ["templateGroupId"] = g.TranscodeTemplateGroupId, ["name"] = g.Name }).ToArray()),
    };
}
