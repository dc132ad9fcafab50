using System.Text.Json.Nodes;
using VodTools.Emulator.Rpc;

namespace VodTools.Emulator.Vod;

/// <summary>Transcoding and snapshots, simulated over time: a job runs for --transcode-seconds, its progress
/// grows linearly from 0 to 100, then it succeeds, or fails when the source has zero bytes (it cannot be
/// "decoded") or its template's name contains "fail" (to stage CompletePartialSucc on purpose).</summary>
internal sealed partial class VodApi
{
    private const string TaskKind = "vod-task";
    private const string SnapshotKind = "vod-snapshot";
    private const string SessionKind = "vod-session";
    /// <summary>A job's task, so GetTranscodeTask by JobIds reads only the tasks asked for.</summary>
    private const string JobKind = "vod-job";
    private static readonly TimeSpan SessionWindow = TimeSpan.FromDays(7);

    private void RegisterProcessingActions()
    {
        Action("SubmitTranscodeJobs", SubmitTranscodeJobs);
        Action("SubmitSnapshotJob", SubmitSnapshotJob);
        Action("GetTranscodeTask", GetTranscodeTask);
        Action("ListTranscodeTask", ListTranscodeTask);
        Action("GetTranscodeSummary", GetTranscodeSummary);
        Action("ListSnapshots", ListSnapshots);
        Action("ListJobInfo", ListJobInfo);
    }

    private List<TranscodeTask> TasksOf(string videoId) => _store.OfVideo<TranscodeTask>(TaskKind, videoId);

    private List<SnapshotJob> SnapshotsOf(string videoId) => _store.OfVideo<SnapshotJob>(SnapshotKind, videoId);

    private int Progress(DateTimeOffset created, DateTimeOffset now) =>
        _jobDuration <= TimeSpan.Zero ? 100 : (int)Math.Clamp((now - created) / _jobDuration * 100, 0, 100);

    private bool JobFails(TranscodeTask task, TranscodeJob job) => task.SourceBroken || task.NoAccess != null || job.Fails;

    private string JobStatus(TranscodeTask task, TranscodeJob job, DateTimeOffset now) =>
        Progress(task.CreationTime, now) < 100 ? "Transcoding" : JobFails(task, job) ? "TranscodeFail" : "TranscodeSuccess";

    private string TaskStatus(TranscodeTask task, DateTimeOffset now)
    {
        if (Progress(task.CreationTime, now) < 100) return "Processing";
        int failed = task.Jobs.Count(j => JobFails(task, j));
        return failed == 0 ? "CompleteAllSucc" : failed == task.Jobs.Count ? "CompleteAllFail" : "CompletePartialSucc";
    }

    private string? CompleteTime(DateTimeOffset created, DateTimeOffset now) =>
        Progress(created, now) < 100 ? null : RpcCall.Time(created + _jobDuration);

    /// <summary>Transcoding and snapshots need the source in place and no task running.</summary>
    private void RequireProcessable(Video video, DateTimeOffset now)
    {
        string status = Status(video, now);
        if (status is not ("UploadSucc" or "Normal" or "Checking" or "TranscodeFail"))
            throw new RpcException(400, "Forbidden.IllegalStatus", "Status of the video is illegal.");
    }

    private TranscodeTask StartTranscode(Video video, TemplateGroup group, string trigger, int priority, DateTimeOffset now)
    {
        var task = new TranscodeTask
        {
            TranscodeTaskId = RpcCall.NewId(),
            VideoId = video.VideoId,
            TemplateGroupId = group.TranscodeTemplateGroupId,
            Trigger = trigger,
            CreationTime = now,
            SourceBroken = SourceObject(video) is not { Size: > 0 },
            NoAccess = AccessProblem(video),
            Jobs = group.Templates.Select(t => JsonNode.Parse(t)!.AsObject()).Select(t => new TranscodeJob
            {
                JobId = RpcCall.NewId(),
                TemplateId = (string?)t["TranscodeTemplateId"] ?? "",
                TemplateName = (string?)t["TemplateName"] ?? "",
                Definition = (string?)t["Definition"] ?? "",
                Format = (string?)t["Container"]?["Format"] ?? "mp4",
                Priority = priority,
                Fails = ((string?)t["TemplateName"] ?? "").Contains("fail", StringComparison.OrdinalIgnoreCase),
            }).ToList(),
        };
        _store.Put(TaskKind, task.TranscodeTaskId, task);
        foreach (var job in task.Jobs) _store.Put(JobKind, job.JobId, new IndexEntry(task.TranscodeTaskId, now));
        WatchForEvents(video, task);
        return task;
    }

    private JsonObject SubmitTranscodeJobs(RpcCall call)
    {
        var video = FindVideo(call);
        string groupId = call.Required("TemplateGroupId");
        int priority = call.Int("Priority", 6, 1, 10);
        string? session = call.Optional("SessionId");
        if (session is { Length: > 50 }) throw RpcException.Invalid("SessionId", "It must be at most 50 characters.");
        // one transaction: a SessionId is spent exactly when its task exists, even if two calls race or the emulator is killed
        var task = _store.Atomically(() =>
        {
            if (session != null && _store.Get<IndexEntry>(SessionKind, session) is { } seen && call.Now - seen.Created < SessionWindow)
                throw SessionUsed();
            var group = FindGroup(groupId);
            RequireProcessable(video, call.Now);
            var started = StartTranscode(video, group, "Manual", priority, call.Now);
            if (session != null) _store.Put(SessionKind, session, new IndexEntry(started.TranscodeTaskId, call.Now));
            return started;
        });
        return SubmitResult(task);
    }

    /// <summary>The API reference (SubmitTranscodeJobsRequest.SessionId) says a SessionId repeated within 7 days "returns an
    /// error" but documents no code; this code and status are the emulator's choice (see README).</summary>
    private static RpcException SessionUsed() =>
        new(400, "InvalidParameter.SessionId", "The specified SessionId has already been used within the past 7 days.");

    private static JsonObject SubmitResult(TranscodeTask task) => new()
    {
        ["TranscodeTaskId"] = task.TranscodeTaskId,
        ["TranscodeJobs"] = new JsonObject
        {
            ["TranscodeJob"] = new JsonArray(task.Jobs.Select(j => (JsonNode)new JsonObject { ["JobId"] = j.JobId }).ToArray()),
        },
    };

    private JsonObject SubmitSnapshotJob(RpcCall call)
    {
        var video = FindVideo(call);
        RequireProcessable(video, call.Now);
        int count = call.Int("Count", 1, 1, 1000);
        var job = new SnapshotJob
        {
            JobId = RpcCall.NewId(),
            VideoId = video.VideoId,
            Count = count,
            Regular = call.Optional("SpriteSnapshotConfig") != null ? "Sprite" : "Normal",
            CreationTime = call.Now,
            SourceBroken = SourceObject(video) is not { Size: > 0 },
            NoAccess = AccessProblem(video),
        };
        _store.Put(SnapshotKind, job.JobId, job);
        WatchForEvents(video, job);
        return new JsonObject { ["SnapshotJob"] = new JsonObject { ["JobId"] = job.JobId } };
    }

    /// <summary>The snapshot images of a video's finished, successful snapshot jobs (not stored, only named).</summary>
    private IEnumerable<string> SnapshotUrls(Video video, DateTimeOffset now) =>
        SnapshotsOf(video.VideoId)
            .Where(j => Progress(j.CreationTime, now) == 100 && !j.SourceBroken && j.NoAccess == null)
            .OrderBy(j => j.CreationTime)
            .SelectMany(j => Enumerable.Range(1, j.Count).Select(i => SnapshotUrl(video, j, i)));

    private static string SnapshotUrl(Video video, SnapshotJob job, int index) =>
        $"https://{video.Bucket}.oss-{video.Region}.aliyuncs.com/snapshot/{video.VideoId}/{job.JobId}/{index:D5}.jpg";

    private JsonObject ListSnapshots(RpcCall call)
    {
        var video = FindVideo(call);
        var job = SnapshotsOf(video.VideoId).Where(j => Progress(j.CreationTime, call.Now) == 100 && !j.SourceBroken && j.NoAccess == null)
            .OrderBy(j => j.CreationTime).LastOrDefault();
        if (job == null) return new JsonObject { ["MediaSnapshot"] = new JsonObject { ["Total"] = 0, ["Snapshots"] = new JsonObject { ["Snapshot"] = new JsonArray() } } };
        int pageSize = call.Int("PageSize", 20, 1, 100), pageNo = call.Int("PageNo", 1, 1);
        var urls = Enumerable.Range(1, job.Count)
            .Select(i => (Index: i, Url: SnapshotUrl(video, job, i)));
        return new JsonObject
        {
            ["MediaSnapshot"] = new JsonObject
            {
                ["Total"] = job.Count,
                ["Regular"] = job.Regular,
                ["CreationTime"] = RpcCall.Time(job.CreationTime),
                ["JobId"] = job.JobId,
                ["Snapshots"] = new JsonObject
                {
                    ["Snapshot"] = new JsonArray(urls.Skip((pageNo - 1) * pageSize).Take(pageSize)
                        .Select(u => (JsonNode)new JsonObject { ["Index"] = u.Index, ["Url"] = u.Url }).ToArray()),
                },
            },
        };
    }

    /// <summary>ListJobInfo (alibabacloud-go/vod-20170321 ListJobInfoRequest, ListJobInfoResponseBody): a media's jobs of one
    /// type created in the last six months, each with JobId, Status, CreateTime, CompleteTime and UserId. A snapshot job is
    /// Processing, then Success or Fail (GetJobDetail's SnapshotJobDetail.Status); a transcode job as GetTranscodeTask
    /// shows it; the emulator runs no AI jobs. An unknown media is answered 404 InvalidVideo.NotFound (the emulator's choice:
    /// the reference names no error).</summary>
    private JsonObject ListJobInfo(RpcCall call)
    {
        string type = call.Required("JobType").ToLowerInvariant();
        var video = FindVideo(call.Required("MediaId")) ?? throw new RpcException(404, "InvalidVideo.NotFound", "The video does not exist.");
        var since = call.Now - TimeSpan.FromDays(183);
        IEnumerable<(string JobId, string Status, DateTimeOffset Created)> jobs = type switch
        {
            "snapshot" => SnapshotsOf(video.VideoId).Select(j => (j.JobId,
                Progress(j.CreationTime, call.Now) < 100 ? "Processing" : j.SourceBroken || j.NoAccess != null ? "Fail" : "Success", j.CreationTime)),
            "transcode" => TasksOf(video.VideoId).SelectMany(t => t.Jobs.Select(j => (j.JobId, JobStatus(t, j, call.Now), t.CreationTime))),
            "ai" => [],
            _ => throw RpcException.Invalid("JobType", "It must be transcode, snapshot or ai."),
        };
        return new JsonObject
        {
            ["MediaId"] = video.VideoId,
            ["JobType"] = type,
            ["JobInfoList"] = new JsonArray(jobs.Where(j => j.Created >= since).OrderBy(j => j.Created).Select(j => (JsonNode)new JsonObject
            {
                ["JobId"] = j.JobId,
                ["Status"] = j.Status,
                ["CreateTime"] = RpcCall.Time(j.Created),
                ["CompleteTime"] = CompleteTime(j.Created, call.Now),
                ["UserId"] = long.Parse(_accountId, System.Globalization.CultureInfo.InvariantCulture),
            }).ToArray()),
        };
    }

    private JsonObject TaskJson(TranscodeTask task, DateTimeOffset now, bool withJobs)
    {
        var json = new JsonObject
        {
            ["TranscodeTaskId"] = task.TranscodeTaskId,
            ["VideoId"] = task.VideoId,
            ["TaskStatus"] = TaskStatus(task, now),
            ["CreationTime"] = RpcCall.Time(task.CreationTime),
            ["CompleteTime"] = CompleteTime(task.CreationTime, now),
            ["Trigger"] = task.Trigger,
            ["TranscodeTemplateGroupId"] = task.TemplateGroupId,
        };
        if (withJobs) json["TranscodeJobInfoList"] = new JsonArray(task.Jobs.Select(j => (JsonNode)JobJson(task, j, now)).ToArray());
        return json;
    }

    private JsonObject JobJson(TranscodeTask task, TranscodeJob job, DateTimeOffset now)
    {
        var video = FindVideo(task.VideoId);
        string status = JobStatus(task, job, now);
        var json = new JsonObject
        {
            ["TranscodeJobId"] = job.JobId,
            ["TranscodeTemplateId"] = job.TemplateId,
            ["TranscodeJobStatus"] = status,
            ["TranscodeProgress"] = Progress(task.CreationTime, now),
            ["Priority"] = job.Priority.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Definition"] = job.Definition,
            ["InputFileUrl"] = video?.FileURL ?? "",
            ["CreationTime"] = RpcCall.Time(task.CreationTime),
            ["CompleteTime"] = CompleteTime(task.CreationTime, now),
        };
        if (status == "TranscodeFail")
        {
            json["ErrorCode"] = task.NoAccess != null ? "AccessDenied" : task.SourceBroken ? "InvalidVideo.Damaged" : "TranscodeFail";
            json["ErrorMessage"] = task.NoAccess ?? (task.SourceBroken ? "The source file cannot be decoded." : "The template cannot be applied to this source.");
        }
        if (status == "TranscodeSuccess" && video != null)
        {
            var stream = StreamOf(video, job);
            json["OutputFile"] = new JsonObject
            {
                ["OutputFileUrl"] = $"https://{video.Bucket}.oss-{video.Region}.aliyuncs.com/{stream.Key}",
                ["Format"] = stream.Format,
                ["Duration"] = stream.Duration,
                ["Filesize"] = stream.Size,
                ["Bitrate"] = stream.Bitrate,
                ["Fps"] = stream.Fps,
                ["Width"] = stream.Width.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["Height"] = stream.Height.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["Encryption"] = "",
                ["VideoStreamList"] = "[]",
                ["AudioStreamList"] = "[]",
                ["SubtitleStreamList"] = "[]",
                ["WatermarkIdList"] = new JsonArray(),
            };
        }
        return json;
    }

    private JsonObject GetTranscodeTask(RpcCall call)
    {
        string? taskId = call.Optional("TranscodeTaskId");
        var jobIds = call.Optional("JobIds") == null ? [] : call.List("JobIds", 10);
        if (taskId == null && jobIds.Count == 0) throw RpcException.Missing("TranscodeTaskId");
        var result = new JsonObject();
        if (taskId != null)
        {
            var task = _store.Get<TranscodeTask>(TaskKind, taskId)
                ?? throw new RpcException(404, "NoSuchResource", "The transcode task does not exist.");
            result["TranscodeTask"] = TaskJson(task, call.Now, withJobs: true);
        }
        if (jobIds.Count > 0)
        {
            var found = jobIds
                .Select(id => (Id: id, Task: _store.Get<IndexEntry>(JobKind, id) is { } entry ? _store.Get<TranscodeTask>(TaskKind, entry.Id) : null))
                .SelectMany(f => f.Task?.Jobs.Where(j => j.JobId == f.Id).Select(j => (f.Task, Job: j)) ?? []).ToList();
            result["TranscodeJobInfoList"] = new JsonArray(found.Select(f => (JsonNode)JobJson(f.Task, f.Job, call.Now)).ToArray());
            result["NonExistJobIds"] = new JsonArray(jobIds.Where(id => found.All(f => f.Job.JobId != id)).Select(id => (JsonNode)id).ToArray());
        }
        return result;
    }

    private JsonObject ListTranscodeTask(RpcCall call)
    {
        string? videoId = call.Optional("VideoId");
        int pageNo = call.Int("PageNo", 1, 1), pageSize = call.Int("PageSize", 10, 1, 50);
        DateTimeOffset? start = TimeParameter(call, "StartTime"), end = TimeParameter(call, "EndTime");
        if (videoId == null && (start == null || end == null)) throw RpcException.Missing("VideoId");
        var tasks = (videoId == null ? _store.All<TranscodeTask>(TaskKind) : TasksOf(videoId))
            .Where(t => (start == null || t.CreationTime >= start) && (end == null || t.CreationTime <= end))
            .OrderByDescending(t => t.CreationTime);
        return new JsonObject
        {
            ["TranscodeTaskList"] = new JsonArray(tasks.Skip((pageNo - 1) * pageSize).Take(pageSize)
                .Select(t => (JsonNode)TaskJson(t, call.Now, withJobs: false)).ToArray()),
        };
    }

    private static DateTimeOffset? TimeParameter(RpcCall call, string name)
    {
        string? text = call.Optional(name);
        if (text == null) return null;
        return Auth.RpcVerifier.TryParseTimestamp(text, out var t) ? t : throw RpcException.Invalid(name);
    }

    private JsonObject GetTranscodeSummary(RpcCall call)
    {
        var ids = call.List("VideoIds", 10);
        var summaries = new JsonArray();
        var missing = new JsonArray();
        foreach (var id in ids)
        {
            var task = FindVideo(id) == null ? null : TasksOf(id).OrderBy(t => t.CreationTime).LastOrDefault();
            if (task == null)
            {
                missing.Add(id);
                continue;
            }
            summaries.Add(new JsonObject
            {
                ["VideoId"] = id,
                ["TranscodeStatus"] = TaskStatus(task, call.Now),
                ["TranscodeTemplateGroupId"] = task.TemplateGroupId,
                ["CreationTime"] = RpcCall.Time(task.CreationTime),
                ["CompleteTime"] = CompleteTime(task.CreationTime, call.Now),
                ["TranscodeJobInfoSummaryList"] = new JsonArray(task.Jobs.Select(j =>
                {
                    var job = JobJson(task, j, call.Now);
                    var output = job["OutputFile"];
                    return (JsonNode)new JsonObject
                    {
                        ["TranscodeTemplateId"] = j.TemplateId,
                        ["TranscodeJobStatus"] = (string?)job["TranscodeJobStatus"],
                        ["TranscodeProgress"] = (int)job["TranscodeProgress"]!,
                        ["Format"] = j.Format,
                        ["Width"] = (string?)output?["Width"] ?? "",
                        ["Height"] = (string?)output?["Height"] ?? "",
                        ["Duration"] = (string?)output?["Duration"] ?? "",
                        ["Bitrate"] = (string?)output?["Bitrate"] ?? "",
                        ["Fps"] = (string?)output?["Fps"] ?? "",
                        ["Filesize"] = (long?)output?["Filesize"] ?? 0,
                        ["ErrorCode"] = (string?)job["ErrorCode"] ?? "",
                        ["ErrorMessage"] = (string?)job["ErrorMessage"] ?? "",
                        ["WatermarkIdList"] = new JsonArray(),
                        ["CreationTime"] = RpcCall.Time(task.CreationTime),
                        ["CompleteTime"] = CompleteTime(task.CreationTime, call.Now),
                    };
                }).ToArray()),
            });
        }
        return new JsonObject { ["NonExistVideoIds"] = missing, ["TranscodeSummaryList"] = summaries };
    }
}
