using System.Text.Json.Nodes;
using VodTools.Emulator.Rpc;

namespace VodTools.Emulator.Vod;

/// <summary>Snapshots (SubmitSnapshotJob, ListSnapshots) and a media's job list (ListJobInfo), simulated over time as transcoding is: the images of a job that
/// finished well are named, not stored.</summary>
internal sealed class SnapshotHandler(VodState state, VodMedia media, VodStorage storage, EventNotifier events, JobDuration jobs)
{
    public JsonObject SubmitSnapshotJob(RpcCall call)
    {
        var video = state.RequireVideo(call.Required("VideoId"));
        media.RequireProcessable(video, call.Now);
        int count = call.Int("Count", 1, 1, 1000);
        var job = new SnapshotJob
        {
            JobId = RpcCall.NewId(),
            VideoId = video.VideoId,
            Count = count,
            Regular = call.Optional("SpriteSnapshotConfig") != null ? "Sprite" : "Normal",
            CreationTime = call.Now,
            UserData = call.Optional("UserData") ?? "",
            SourceBroken = media.SourceOf(video) is not { Size: > 0 },
            NoAccess = storage.AccessProblem(video),
        };
        state.Add(job);
        events.Watch(video, job);
        return new JsonObject { ["SnapshotJob"] = new JsonObject { ["JobId"] = job.JobId } };
    }

    /// <summary>The images of the media's latest successful snapshot job, a page at a time.</summary>
    public JsonObject ListSnapshots(RpcCall call)
    {
        var video = state.RequireVideo(call.Required("VideoId"));
        var job = state.SnapshotsOf(video.VideoId).Where(j => j.SucceededBy(call.Now, jobs)).OrderBy(j => j.CreationTime).LastOrDefault();
        if (job == null) return new JsonObject { ["MediaSnapshot"] = new JsonObject { ["Total"] = 0, ["Snapshots"] = new JsonObject { ["Snapshot"] = new JsonArray() } } };
        int pageSize = call.Int("PageSize", 20, 1, 100), pageNo = call.Int("PageNo", 1, 1);
        var urls = Enumerable.Range(1, job.Count).Select(i => (Index: i, Url: job.ImageUrl(video, i)));
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
    public JsonObject ListJobInfo(RpcCall call)
    {
        string type = call.Required("JobType").ToLowerInvariant();
        var video = state.RequireVideo(call.Required("MediaId"));
        var since = call.Now - TimeSpan.FromDays(183);
        IEnumerable<(string JobId, string Status, DateTimeOffset Created)> listed = type switch
        {
            "snapshot" => state.SnapshotsOf(video.VideoId).Select(j => (j.JobId,
                !jobs.DoneAt(j.CreationTime, call.Now) ? "Processing" : j.Failure != null ? "Fail" : "Success", j.CreationTime)),
            "transcode" => state.TasksOf(video.VideoId).SelectMany(t => t.Jobs.Select(j => (j.JobId, t.JobStatusAt(j, call.Now, jobs), t.CreationTime))),
            "ai" => [],
            _ => throw RpcException.Invalid("JobType", "It must be transcode, snapshot or ai."),
        };
        return new JsonObject
        {
            ["MediaId"] = video.VideoId,
            ["JobType"] = type,
            ["JobInfoList"] = new JsonArray(listed.Where(j => j.Created >= since).OrderBy(j => j.Created).Select(j => (JsonNode)new JsonObject
            {
                ["JobId"] = j.JobId,
                ["Status"] = j.Status,
                ["CreateTime"] = RpcCall.Time(j.Created),
                ["CompleteTime"] = jobs.CompleteTime(j.Created, call.Now),
                ["UserId"] = long.Parse(call.AccountId, System.Globalization.CultureInfo.InvariantCulture),
            }).ToArray()),
        };
    }
}
