using System.Text.Json.Nodes;
using VodTools.Emulator.Rpc;

namespace VodTools.Emulator.Vod;

/// <summary>Snapshots (SubmitSnapshotJob, ListSnapshots), simulated over time as transcoding is: the images of a job that
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
}
