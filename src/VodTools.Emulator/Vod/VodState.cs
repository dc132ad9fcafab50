using System.Globalization;
using VodTools.Emulator.Rpc;
using VodTools.Emulator.Storage;

namespace VodTools.Emulator.Vod;

/// <summary>VOD's state, typed, over the generic store: media, their transcode tasks and snapshot jobs, template groups,
/// apps, domains, categories, callbacks and URL pulls, with the indexes VOD looks them up by (a file's media, a
/// ReferenceId, a SessionId, a job's task, a media's tasks and snapshots through the store's VideoId index).</summary>
internal sealed class VodState
{
    /// <summary>The field a media's tasks and snapshot jobs name it by, indexed in the store.</summary>
    public const string VideoIdField = nameof(TranscodeTask.VideoId);

    private const string FileKind = "vod-file-url";
    /// <summary>The media whose file an upload or a URL pull puts at a key of VOD's storage.</summary>
    private const string UploadFileKind = "vod-upload-file";
    private const string ReferenceKind = "vod-reference-id";
    private const string SessionKind = "vod-session";
    /// <summary>A job's task, so GetTranscodeTask by JobIds reads only the tasks asked for.</summary>
    private const string JobKind = "vod-job";
    private const string CategoryCounterKind = Category.Kind + "-counter";

    private readonly Store _store;

    public VodState(Store store)
    {
        _store = store;
        store.IndexField(VideoIdField);
    }

    /// <summary>Runs several reads and writes as one transaction (check-then-write).</summary>
    public T Atomically<T>(Func<T> work) => _store.Atomically(work);

    // ---- media ----

    public Video? FindVideo(string id) => _store.Get<Video>(Video.Kind, id);

    public Video RequireVideo(string id) => FindVideo(id) ?? throw VideoNotFound();

    public static RpcException VideoNotFound() => new(404, "InvalidVideo.NotFound", "The video does not exist.");

    public List<Video> Videos() => _store.All<Video>(Video.Kind);

    public void Save(Video video) => _store.Put(Video.Kind, video.VideoId, video);

    /// <summary>Forgets a media and everything of it: its file's and ReferenceId's index entries, its tasks and snapshot jobs.</summary>
    public void Remove(Video video)
    {
        _store.Delete(FileKind, FileIdentity(video.Bucket, video.Key));
        _store.Delete(UploadFileKind, FileIdentity(video.Bucket, video.Key));
        if (video.ReferenceId.Length > 0) _store.Delete(ReferenceKind, video.ReferenceId);
        foreach (var task in TasksOf(video.VideoId)) _store.Delete(TranscodeTask.Kind, task.TranscodeTaskId);
        foreach (var job in SnapshotsOf(video.VideoId)) _store.Delete(SnapshotJob.Kind, job.JobId);
        _store.Delete(Video.Kind, video.VideoId);
    }

    private static string FileIdentity(string bucket, string key) => bucket + "/" + key;

    /// <summary>The media registered from a file (RegisterMedia), or null.</summary>
    public string? RegisteredVideoOf(string bucket, string key) => _store.Get<IndexEntry>(FileKind, FileIdentity(bucket, key))?.Id;

    /// <summary>Records that a file is registered as this media; false when it already is (by a concurrent call).</summary>
    public bool TryRegister(string bucket, string key, string videoId, DateTimeOffset now) =>
        _store.TryAdd(FileKind, FileIdentity(bucket, key), new IndexEntry(videoId, now));

    /// <summary>The media an upload (CreateUploadVideo) or a URL pull waits for at this key, or null.</summary>
    public Video? UploadedVideoOf(string bucket, string key) =>
        _store.Get<IndexEntry>(UploadFileKind, FileIdentity(bucket, key)) is { } entry ? FindVideo(entry.Id) : null;

    /// <summary>Saves a media that gets its file by an upload or a URL pull, and remembers where the file goes.</summary>
    public void SaveUpload(Video video, DateTimeOffset now)
    {
        Save(video);
        _store.Put(UploadFileKind, FileIdentity(video.Bucket, video.Key), new IndexEntry(video.VideoId, now));
    }

    /// <summary>The group a media gets when a call names none: the default group (SetDefaultTranscodeTemplateGroup), which
    /// may be VOD_NO_TRANSCODE.</summary>
    public string DefaultGroupId() => Settings()?.DefaultTemplateGroupId is { Length: > 0 } id ? id : TemplateGroup.NoTranscodeId;

    public Video? VideoOfReference(string referenceId) =>
        _store.Get<IndexEntry>(ReferenceKind, referenceId) is { } entry ? FindVideo(entry.Id) : null;

    /// <summary>Gives a ReferenceId to a media; false when it is taken (unique per account).</summary>
    public bool TryReserveReference(string referenceId, string videoId, DateTimeOffset now) =>
        _store.TryAdd(ReferenceKind, referenceId, new IndexEntry(videoId, now));

    // ---- transcode tasks and snapshot jobs ----

    public List<TranscodeTask> TasksOf(string videoId) => _store.Where<TranscodeTask>(TranscodeTask.Kind, VideoIdField, videoId);

    public TranscodeTask? LatestTaskOf(string videoId) => TasksOf(videoId).OrderBy(t => t.CreationTime).LastOrDefault();

    public List<TranscodeTask> Tasks() => _store.All<TranscodeTask>(TranscodeTask.Kind);

    public TranscodeTask? FindTask(string id) => _store.Get<TranscodeTask>(TranscodeTask.Kind, id);

    public TranscodeTask? TaskOfJob(string jobId) => _store.Get<IndexEntry>(JobKind, jobId) is { } entry ? FindTask(entry.Id) : null;

    public void Add(TranscodeTask task)
    {
        _store.Put(TranscodeTask.Kind, task.TranscodeTaskId, task);
        foreach (var job in task.Jobs) _store.Put(JobKind, job.JobId, new IndexEntry(task.TranscodeTaskId, task.CreationTime));
    }

    /// <summary>When a SubmitTranscodeJobs SessionId was used, or null.</summary>
    public DateTimeOffset? SessionUsed(string sessionId) => _store.Get<IndexEntry>(SessionKind, sessionId)?.Created;

    public void SpendSession(string sessionId, TranscodeTask task) =>
        _store.Put(SessionKind, sessionId, new IndexEntry(task.TranscodeTaskId, task.CreationTime));

    public List<SnapshotJob> SnapshotsOf(string videoId) => _store.Where<SnapshotJob>(SnapshotJob.Kind, VideoIdField, videoId);

    public List<SnapshotJob> Snapshots() => _store.All<SnapshotJob>(SnapshotJob.Kind);

    public void Add(SnapshotJob job) => _store.Put(SnapshotJob.Kind, job.JobId, job);

    // ---- template groups, apps, settings ----

    public TemplateGroup? FindGroup(string id) => _store.Get<TemplateGroup>(TemplateGroup.Kind, id);

    /// <summary>A group by id (VOD_NO_TRANSCODE included), else 404 InvalidTranscodeTemplateGroup.NotFound.</summary>
    public TemplateGroup RequireGroup(string id) => id == TemplateGroup.NoTranscodeId ? TemplateGroup.NoTranscode
        : FindGroup(id) ?? throw new RpcException(404, "InvalidTranscodeTemplateGroup.NotFound", "The transcode template group does not exist.");

    public List<TemplateGroup> Groups() => _store.All<TemplateGroup>(TemplateGroup.Kind);

    public void Save(TemplateGroup group) => _store.Put(TemplateGroup.Kind, group.TranscodeTemplateGroupId, group);

    public VodSettings? Settings() => _store.Get<VodSettings>(VodSettings.Kind, VodSettings.Id);

    public void Save(VodSettings settings) => _store.Put(VodSettings.Kind, VodSettings.Id, settings);

    public VodApp? FindApp(string appId) => _store.Get<VodApp>(VodApp.Kind, appId);

    public bool TryAdd(VodApp app) => _store.TryAdd(VodApp.Kind, app.AppId, app);

    public void Save(VodApp app) => _store.Put(VodApp.Kind, app.AppId, app);

    // ---- domains ----

    public VodDomain? FindDomain(string name) => _store.Get<VodDomain>(VodDomain.Kind, name);

    public List<VodDomain> Domains() => _store.All<VodDomain>(VodDomain.Kind);

    public bool TryAdd(VodDomain domain) => _store.TryAdd(VodDomain.Kind, domain.DomainName, domain);

    public void Remove(VodDomain domain) => _store.Delete(VodDomain.Kind, domain.DomainName);

    // ---- categories ----

    public Category? FindCategory(long id) => _store.Get<Category>(Category.Kind, Id(id));

    public List<Category> Categories() => _store.All<Category>(Category.Kind);

    public void Save(Category category) => _store.Put(Category.Kind, Id(category.CateId), category);

    public void RemoveCategory(long id) => _store.Delete(Category.Kind, Id(id));

    /// <summary>Ids like the cloud's (1000126088): a counter from 1000000001.</summary>
    public long NextCategoryId()
    {
        var counter = _store.Get<IndexEntry>(CategoryCounterKind, "next");
        long next = counter == null ? 1000000001 : long.Parse(counter.Id, CultureInfo.InvariantCulture);
        _store.Put(CategoryCounterKind, "next", new IndexEntry(Id(next + 1), DateTimeOffset.MinValue));
        return next;
    }

    private static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);

    // ---- events and URL pulls ----

    public MessageCallback? CallbackOf(string appId) => _store.Get<MessageCallback>(MessageCallback.Kind, appId.Length == 0 ? VodApp.DefaultId : appId);

    public void Save(MessageCallback callback) => _store.Put(MessageCallback.Kind, callback.AppId, callback);

    public UrlUploadJob? FindUrlJob(string id) => _store.Get<UrlUploadJob>(UrlUploadJob.Kind, id);

    public List<UrlUploadJob> UrlJobs() => _store.All<UrlUploadJob>(UrlUploadJob.Kind);

    public void Save(UrlUploadJob job) => _store.Put(UrlUploadJob.Kind, job.JobId, job);
}
