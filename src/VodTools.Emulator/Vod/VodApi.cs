using System.Text.Json.Nodes;
using VodTools.Emulator.Oss;
using VodTools.Emulator.Ram;
using VodTools.Emulator.Rpc;
using VodTools.Emulator.Storage;
using VodTools.Emulator.Sts;

namespace VodTools.Emulator.Vod;

/// <summary>VOD 2017-03-21 (the SDK models of alibabacloud-go/vod-20170321 and VOD's API reference): the product's one action
/// table, dispatching to a handler per API area over VOD's typed state. Media registration and upload, media info and
/// deletion, simulated transcoding and snapshots, the catalogue, playback, template groups, storage, apps, domains and
/// event notifications.</summary>
internal sealed class VodApi : RpcApi
{
    private readonly VodState _state;
    private readonly ConfigurationHandler _configuration;
    private readonly PlaybackHandler _playback;
    private readonly UploadHandler _upload;

    /// <param name="jobSeconds">how long a simulated transcode or snapshot job runs (--transcode-seconds)</param>
    /// <param name="authorizer">checks that media come from the app's storage and that transcoding may read them; null with --lenient</param>
    /// <param name="uploadAuthSeconds">--upload-auth-seconds</param>
    /// <param name="searchResultLimit">--search-result-limit</param>
    public VodApi(Store store, IOssBuckets buckets, StsApi sts, TimeProvider clock, string accountId, double jobSeconds, Authorizer? authorizer = null,
        int? uploadAuthSeconds = null, int searchResultLimit = CatalogueHandler.CloudSearchResultLimit)
    {
        var state = _state = new VodState(store);
        var jobs = new JobDuration(TimeSpan.FromSeconds(jobSeconds));
        var media = new VodMedia(state, buckets, jobs);
        var storage = new VodStorage(state, buckets, accountId, authorizer);
        var events = new EventNotifier(state, media, clock, jobs);
        var transcode = new TranscodeHandler(state, media, storage, events, jobs);
        var registration = new RegistrationHandler(state, buckets, storage, transcode);
        var upload = _upload = new UploadHandler(state, storage, sts, transcode, events, uploadAuthSeconds);
        var urlUpload = new UrlUploadHandler(state, buckets, storage, transcode, events, clock);
        var mediaInfo = new MediaHandler(state, media, buckets, jobs);
        var snapshot = new SnapshotHandler(state, media, storage, events, jobs);
        var catalogue = new CatalogueHandler(state, media, jobs, searchResultLimit);
        var playback = _playback = new PlaybackHandler(state, media, clock, jobs);
        var configuration = _configuration = new ConfigurationHandler(state, storage, clock);
        var domain = new DomainHandler(state, jobs);
        var eventSettings = new EventsHandler(state);

        Action("RegisterMedia", registration.RegisterMedia);
        Action("CreateUploadVideo", upload.CreateUploadVideo);
        Action("RefreshUploadVideo", upload.RefreshUploadVideo);
        Action("CreateUploadImage", upload.CreateUploadImage);
        Action("UploadMediaByURL", urlUpload.UploadMediaByUrl);
        Action("GetURLUploadInfos", urlUpload.GetUrlUploadInfos);
        Action("GetVideoInfo", mediaInfo.GetVideoInfo);
        Action("GetVideoInfos", mediaInfo.GetVideoInfos);
        Action("GetMezzanineInfo", mediaInfo.GetMezzanineInfo);
        Action("UpdateVideoInfo", mediaInfo.UpdateVideoInfo);
        Action("DeleteVideo", mediaInfo.DeleteVideo);
        Action("DeleteMezzanines", mediaInfo.DeleteMezzanines);
        Action("SubmitTranscodeJobs", transcode.SubmitTranscodeJobs);
        Action("GetTranscodeTask", transcode.GetTranscodeTask);
        Action("ListTranscodeTask", transcode.ListTranscodeTask);
        Action("GetTranscodeSummary", transcode.GetTranscodeSummary);
        Action("SubmitSnapshotJob", snapshot.SubmitSnapshotJob);
        Action("ListSnapshots", snapshot.ListSnapshots);
        Action("ListJobInfo", snapshot.ListJobInfo);
        Action("SearchMedia", catalogue.SearchMedia);
        Action("UpdateVideoInfos", catalogue.UpdateVideoInfos);
        Action("GetCategories", catalogue.GetCategories);
        Action("AddCategory", catalogue.AddCategory);
        Action("UpdateCategory", catalogue.UpdateCategory);
        Action("DeleteCategory", catalogue.DeleteCategory);
        Action("GetPlayInfo", playback.GetPlayInfo);
        Action("ListTranscodeTemplateGroup", configuration.ListTranscodeTemplateGroup);
        Action("GetTranscodeTemplateGroup", configuration.GetTranscodeTemplateGroup);
        Action("AddTranscodeTemplateGroup", configuration.AddTranscodeTemplateGroup);
        Action("SetDefaultTranscodeTemplateGroup", configuration.SetDefaultTranscodeTemplateGroup);
        Action("AddVodStorageForApp", configuration.AddVodStorageForApp);
        Action("GetAppInfos", configuration.GetAppInfos);
        Action("AddVodDomain", DomainHandler.ShanghaiOnly(domain.AddVodDomain));
        Action("DescribeVodDomainDetail", DomainHandler.ShanghaiOnly(domain.DescribeVodDomainDetail));
        Action("DescribeVodUserDomains", DomainHandler.ShanghaiOnly(domain.DescribeVodUserDomains));
        Action("DeleteVodDomain", DomainHandler.ShanghaiOnly(domain.DeleteVodDomain));
        Action("SetMessageCallback", eventSettings.SetMessageCallback);
        Action("GetMessageCallback", eventSettings.GetMessageCallback);

        events.Start();
        urlUpload.ResumeUnfinished();
    }

    public override string Version => "2017-03-21";
    public override string HostId => "vod.cn-shanghai.aliyuncs.com";
    public override string Product => "vod";
    public override string UnavailableCode => "ServiceUnAvailable";

    /// <summary>Creates the default app and template group the first time the emulator runs on a data folder (or after a reset).</summary>
    public void EnsureDefaults() => _configuration.EnsureDefaults();

    /// <summary>OSS stored an object a client sent: when it is an upload's file, VOD announces and transcodes it.</summary>
    public void ObjectCommitted(StoredObject stored) => _upload.FileArrived(stored);

    /// <summary>For a request under /_play/: the source object whose bytes the stream is (see <see cref="PlaybackHandler.PlaybackSource"/>); null for any other path.</summary>
    public (string Bucket, string? Key)? PlaybackSource(string path) => _playback.PlaybackSource(path);

    /// <summary>For /_emulator/stats: every video (id, bucket, key), transcode task (id, video, trigger), snapshot job and
    /// template group, so a test can check a run created nothing twice.</summary>
    public JsonObject Inventory() => new()
    {
        ["videos"] = new JsonArray(_state.Videos()
            .Select(v => (JsonNode)new JsonObject { ["videoId"] = v.VideoId, ["bucket"] = v.Bucket, ["key"] = v.Key })
            .ToArray()),
        ["transcodeTasks"] = new JsonArray(_state.Tasks()
            .Select(t => (JsonNode)new JsonObject { ["taskId"] = t.TranscodeTaskId, ["videoId"] = t.VideoId, ["trigger"] = t.Trigger })
            .ToArray()),
        ["snapshotJobs"] = new JsonArray(_state.Snapshots()
            .Select(j => (JsonNode)new JsonObject { ["jobId"] = j.JobId, ["videoId"] = j.VideoId })
            .ToArray()),
        ["templateGroups"] = new JsonArray(_state.Groups()
            .Select(g => (JsonNode)new JsonObject { ["templateGroupId"] = g.TranscodeTemplateGroupId, ["name"] = g.Name })
            .ToArray()),
    };
}
