using System.Globalization;
using System.Text.Json.Nodes;
using VodTools.Emulator.Oss;
using VodTools.Emulator.Rpc;

namespace VodTools.Emulator.Vod;

/// <summary>What VOD reports of a media now, for every handler that answers with one: its file (read through the
/// bucket interface), status, streams, snapshots and its fields as GetVideoInfo(s) and SearchMedia give them.</summary>
internal sealed class VodMedia(VodState state, IOssBuckets buckets, JobDuration jobs)
{
    public StoredObject? SourceOf(Video video) => buckets.Find(video.Bucket, video.Key);

    public string StatusOf(Video video, DateTimeOffset now) =>
        video.StatusAt(now, SourceOf(video) != null, state.LatestTaskOf(video.VideoId), jobs);

    /// <summary>Transcoding and snapshots need the source in place and no task running: else 400 Forbidden.IllegalStatus.</summary>
    public void RequireProcessable(Video video, DateTimeOffset now)
    {
        if (!Video.Processable(StatusOf(video, now)))
            throw new RpcException(400, "Forbidden.IllegalStatus", "Status of the video is illegal.");
    }

    /// <summary>A plausible duration for a fake media file: its size at 1 Mbit/s.</summary>
    public static float DurationOf(long size) => MathF.Round(size / 125000f, 3);

    public OutputStream StreamOf(Video video, TranscodeJob job) =>
        Stream($"{video.VideoId}/{job.Definition.ToLowerInvariant()}/{job.JobId}.{job.Format}", job.Format, SourceOf(video)?.Size ?? 0);

    /// <summary>A simulated stream at <paramref name="key"/>: as long as its source, 720p at 1 Mbit/s and 25 fps.</summary>
    public static OutputStream Stream(string key, string format, long size) =>
        new(key, format, DurationOf(size).ToString(CultureInfo.InvariantCulture), size, "1000", "25", 1280, 720);

    /// <summary>The snapshot images of a video's finished, successful snapshot jobs (not stored, only named).</summary>
    public IEnumerable<string> SnapshotUrls(Video video, DateTimeOffset now) =>
        state.SnapshotsOf(video.VideoId)
            .Where(j => j.SucceededBy(now, jobs))
            .OrderBy(j => j.CreationTime)
            .SelectMany(j => Enumerable.Range(1, j.Count).Select(i => j.ImageUrl(video, i)));

    /// <summary>A media's fields (GetVideoInfo's Video, GetVideoInfos' VideoList items, SearchMedia's).</summary>
    /// <param name="snapshotsAsArray">Snapshots as an array (GetVideoInfos) or as {"Snapshot": [...]} (GetVideoInfo)</param>
    public JsonObject Json(Video v, DateTimeOffset now, bool snapshotsAsArray)
    {
        var source = SourceOf(v);
        var snapshots = new JsonArray(SnapshotUrls(v, now).Select(u => (JsonNode)u).ToArray());
        var json = new JsonObject
        {
            ["VideoId"] = v.VideoId,
            ["Title"] = v.Title,
            ["Description"] = v.Description,
            ["Duration"] = DurationOf(source?.Size ?? 0),
            ["CoverURL"] = v.CoverURL,
            ["Status"] = StatusOf(v, now),
            ["CreationTime"] = RpcCall.Time(v.CreationTime),
            ["ModificationTime"] = RpcCall.Time(v.ModificationTime),
            ["Size"] = source?.Size ?? 0,
            ["CateId"] = v.CateId,
            ["CateName"] = v.CateId < 0 ? "" : state.FindCategory(v.CateId)?.CateName ?? "",
            ["Tags"] = v.Tags,
            ["TemplateGroupId"] = v.TemplateGroupId,
            ["StorageLocation"] = v.StorageLocation,
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
}
