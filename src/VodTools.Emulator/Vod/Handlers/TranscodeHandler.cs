using System.Globalization;
using System.Text.Json.Nodes;
using VodTools.Emulator.Auth;
using VodTools.Emulator.Rpc;

namespace VodTools.Emulator.Vod;

/// <summary>Transcoding, simulated over time (SubmitTranscodeJobs, GetTranscodeTask, ListTranscodeTask, GetTranscodeSummary):
/// a job runs for --transcode-seconds, then succeeds, or fails when its source has zero bytes (it cannot be "decoded"),
/// transcoding may not read its bucket, or its template's name contains "fail" (to stage CompletePartialSucc on purpose).</summary>
internal sealed class TranscodeHandler(VodState state, VodMedia media, VodStorage storage, EventNotifier events, JobDuration jobs)
{
    private static readonly TimeSpan SessionWindow = TimeSpan.FromDays(7);

    /// <summary>Starts transcoding a media with a group (SubmitTranscodeJobs, and the automatic transcode of a registration
    /// or upload with a template group).</summary>
    /// <param name="userData">the request's UserData (its Extend comes back in the events)</param>
    public TranscodeTask Start(Video video, TemplateGroup group, string trigger, int priority, DateTimeOffset now, string userData)
    {
        var task = TranscodeTask.Start(video, group, trigger, priority, now, media.SourceOf(video)?.Size ?? 0, storage.AccessProblem(video), userData);
        state.Add(task);
        events.Watch(video, task);
        return task;
    }

    /// <summary>VOD's own transcode of a media whose file arrived (an upload or a URL pull): with its template group, none
    /// with VOD_NO_TRANSCODE or a group since deleted.</summary>
    public void StartAuto(Video video, DateTimeOffset now)
    {
        if (!video.NoTranscode && state.FindGroup(video.TemplateGroupId) is { } group) Start(video, group, "Auto", 6, now, video.UserData);
    }

    public JsonObject SubmitTranscodeJobs(RpcCall call)
    {
        var video = state.RequireVideo(call.Required("VideoId"));
        string groupId = call.Required("TemplateGroupId");
        int priority = call.Int("Priority", 6, 1, 10);
        string? session = call.Optional("SessionId");
        if (session is { Length: > 50 }) throw RpcException.Invalid("SessionId", "It must be at most 50 characters.");
        // one transaction: a SessionId is spent exactly when its task exists, even if two calls race or the emulator is killed
        var task = state.Atomically(() =>
        {
            if (session != null && state.SessionUsed(session) is { } used && call.Now - used < SessionWindow)
                throw SessionUsed();
            var group = state.RequireGroup(groupId);
            media.RequireProcessable(video, call.Now);
            var started = Start(video, group, "Manual", priority, call.Now, call.Optional("UserData") ?? "");
            if (session != null) state.SpendSession(session, started);
            return started;
        });
        return new JsonObject
        {
            ["TranscodeTaskId"] = task.TranscodeTaskId,
            ["TranscodeJobs"] = new JsonObject
            {
                ["TranscodeJob"] = new JsonArray(task.Jobs.Select(j => (JsonNode)new JsonObject { ["JobId"] = j.JobId }).ToArray()),
            },
        };
    }

    /// <summary>The API reference (SubmitTranscodeJobsRequest.SessionId) says a SessionId repeated within 7 days "returns an
    /// error" but documents no code; this code and status are the emulator's choice (see README).</summary>
    private static RpcException SessionUsed() =>
        new(400, "InvalidParameter.SessionId", "The specified SessionId has already been used within the past 7 days.");

    private JsonObject TaskJson(TranscodeTask task, DateTimeOffset now, bool withJobs)
    {
        var json = new JsonObject
        {
            ["TranscodeTaskId"] = task.TranscodeTaskId,
            ["VideoId"] = task.VideoId,
            ["TaskStatus"] = task.StatusAt(now, jobs),
            ["CreationTime"] = RpcCall.Time(task.CreationTime),
            ["CompleteTime"] = jobs.CompleteTime(task.CreationTime, now),
            ["Trigger"] = task.Trigger,
            ["TranscodeTemplateGroupId"] = task.TemplateGroupId,
        };
        if (withJobs) json["TranscodeJobInfoList"] = new JsonArray(task.Jobs.Select(j => (JsonNode)JobJson(task, j, now)).ToArray());
        return json;
    }

    private JsonObject JobJson(TranscodeTask task, TranscodeJob job, DateTimeOffset now)
    {
        var video = state.FindVideo(task.VideoId);
        string status = task.JobStatusAt(job, now, jobs);
        var json = new JsonObject
        {
            ["TranscodeJobId"] = job.JobId,
            ["TranscodeTemplateId"] = job.TemplateId,
            ["TranscodeJobStatus"] = status,
            ["TranscodeProgress"] = jobs.ProgressAt(task.CreationTime, now),
            ["Priority"] = job.Priority.ToString(CultureInfo.InvariantCulture),
            ["Definition"] = job.Definition,
            ["InputFileUrl"] = video?.FileURL ?? "",
            ["CreationTime"] = RpcCall.Time(task.CreationTime),
            ["CompleteTime"] = jobs.CompleteTime(task.CreationTime, now),
        };
        if (status == "TranscodeFail" && task.FailureOf(job) is { } failure)
        {
            json["ErrorCode"] = failure.Code;
            json["ErrorMessage"] = failure.Message;
        }
        if (status == "TranscodeSuccess" && video != null)
        {
            var stream = media.StreamOf(video, job);
            json["OutputFile"] = new JsonObject
            {
                ["OutputFileUrl"] = video.UrlOf(stream.Key),
                ["Format"] = stream.Format,
                ["Duration"] = stream.Duration,
                ["Filesize"] = stream.Size,
                ["Bitrate"] = stream.Bitrate,
                ["Fps"] = stream.Fps,
                ["Width"] = stream.Width.ToString(CultureInfo.InvariantCulture),
                ["Height"] = stream.Height.ToString(CultureInfo.InvariantCulture),
                ["Encryption"] = "",
                ["VideoStreamList"] = "[]",
                ["AudioStreamList"] = "[]",
                ["SubtitleStreamList"] = "[]",
                ["WatermarkIdList"] = new JsonArray(),
            };
        }
        return json;
    }

    public JsonObject GetTranscodeTask(RpcCall call)
    {
        string? taskId = call.Optional("TranscodeTaskId");
        var jobIds = call.Optional("JobIds") == null ? [] : call.List("JobIds", 10);
        if (taskId == null && jobIds.Count == 0) throw RpcException.Missing("TranscodeTaskId");
        var result = new JsonObject();
        if (taskId != null)
        {
            var task = state.FindTask(taskId) ?? throw new RpcException(404, "NoSuchResource", "The transcode task does not exist.");
            result["TranscodeTask"] = TaskJson(task, call.Now, withJobs: true);
        }
        if (jobIds.Count > 0)
        {
            var found = jobIds
                .Select(id => (Id: id, Task: state.TaskOfJob(id)))
                .SelectMany(f => f.Task?.Jobs.Where(j => j.JobId == f.Id).Select(j => (f.Task, Job: j)) ?? []).ToList();
            result["TranscodeJobInfoList"] = new JsonArray(found.Select(f => (JsonNode)JobJson(f.Task, f.Job, call.Now)).ToArray());
            result["NonExistJobIds"] = new JsonArray(jobIds.Where(id => found.All(f => f.Job.JobId != id)).Select(id => (JsonNode)id).ToArray());
        }
        return result;
    }

    public JsonObject ListTranscodeTask(RpcCall call)
    {
        // VideoId: "This parameter is required." (ListTranscodeTaskRequest, alibabacloud-go/vod-20170321)
        string videoId = call.Required("VideoId");
        int pageNo = call.Int("PageNo", 1, 1), pageSize = call.Int("PageSize", 10, 1, 50);
        DateTimeOffset? start = TimeParameter(call, "StartTime"), end = TimeParameter(call, "EndTime");
        var tasks = state.TasksOf(videoId)
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
        return RpcVerifier.TryParseTimestamp(text, out var t) ? t : throw RpcException.Invalid(name);
    }

    public JsonObject GetTranscodeSummary(RpcCall call)
    {
        var ids = call.List("VideoIds", 10);
        var summaries = new JsonArray();
        var missing = new JsonArray();
        foreach (var id in ids)
        {
            // NonExistVideoIds: "The IDs of the audio or video files that do not exist" (GetTranscodeSummaryResponseBody); a media
            // without a task has no summary either (the emulator's choice: the model says nothing of it)
            if (state.FindVideo(id) == null)
            {
                missing.Add(id);
                continue;
            }
            if (state.LatestTaskOf(id) is not { } task) continue;
            summaries.Add(new JsonObject
            {
                ["VideoId"] = id,
                ["TranscodeStatus"] = task.StatusAt(call.Now, jobs),
                ["TranscodeTemplateGroupId"] = task.TemplateGroupId,
                ["CreationTime"] = RpcCall.Time(task.CreationTime),
                ["CompleteTime"] = jobs.CompleteTime(task.CreationTime, call.Now),
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
                        ["CompleteTime"] = jobs.CompleteTime(task.CreationTime, call.Now),
                    };
                }).ToArray()),
            });
        }
        return new JsonObject { ["NonExistVideoIds"] = missing, ["TranscodeSummaryList"] = summaries };
    }
}
