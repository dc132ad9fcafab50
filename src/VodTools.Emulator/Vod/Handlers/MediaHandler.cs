using System.Globalization;
using System.Text.Json.Nodes;
using VodTools.Emulator.Oss;
using VodTools.Emulator.Rpc;

namespace VodTools.Emulator.Vod;

/// <summary>Media information and deletion: GetVideoInfo, GetVideoInfos, GetMezzanineInfo, UpdateVideoInfo, DeleteVideo and
/// DeleteMezzanines.</summary>
internal sealed class MediaHandler(VodState state, VodMedia media, IOssBuckets buckets, JobDuration jobs)
{
    /// <summary>By VideoId, or by the ReferenceId given at CreateUploadVideo.</summary>
    public JsonObject GetVideoInfo(RpcCall call)
    {
        var video = call.Optional("VideoId") == null && call.Optional("ReferenceId") is { } reference
            ? state.VideoOfReference(reference) ?? throw VodState.VideoNotFound()
            : state.RequireVideo(call.Required("VideoId"));
        return new() { ["Video"] = media.Json(video, call.Now, snapshotsAsArray: false) };
    }

    public JsonObject GetVideoInfos(RpcCall call)
    {
        var ids = call.List("VideoIds", 20, "VideoIdsExceededMax");
        var found = ids.Select(state.FindVideo).OfType<Video>().ToList();
        return new JsonObject
        {
            ["VideoList"] = new JsonArray(found.Select(v => (JsonNode)media.Json(v, call.Now, snapshotsAsArray: true)).ToArray()),
            ["NonExistVideoIds"] = new JsonArray(ids.Where(id => found.All(v => v.VideoId != id)).Select(id => (JsonNode)id).ToArray()),
        };
    }

    public JsonObject GetMezzanineInfo(RpcCall call)
    {
        var video = state.RequireVideo(call.Required("VideoId"));
        // A registered file VOD answers from its own records: one removed from the bucket behind its back goes unnoticed
        // ("the status of media files displayed in ApsaraVideo VOD may be different from that in OSS", storage guide). A
        // source VOD deleted itself (DeleteMezzanines), or an upload that never arrived, is not there.
        var source = media.SourceOf(video);
        bool registered = state.RegisteredVideoOf(video.Bucket, video.Key) != null;
        if (video.MezzanineDeleted || (source == null && !registered))
            throw new RpcException(404, "InvalidFile.NotFound", "The source file of the video does not exist.");
        long size = source?.Size ?? video.SourceSize;
        // "cdn (default): Content Delivery Network (CDN) URL" (GetMezzanineInfoRequest.OutputType, alibabacloud-go/vod-20170321):
        // through a VOD domain whose origin is the media's storage; without one, the OSS URL (as AttachedMediaInfo.URL
        // reads: "If a domain name for CDN is specified, a CDN URL is returned. Otherwise, an OSS URL is returned.")
        string outputType = call.Optional("OutputType") ?? "cdn";
        if (outputType is not ("oss" or "cdn")) throw RpcException.Invalid("OutputType", "Valid values: oss, cdn.");
        string fileUrl = outputType == "cdn" && state.Domains().FirstOrDefault(d => d.Serves(video.StorageLocation)) is { } domain
            ? $"http://{domain.DomainName}/{Auth.Percent.Encode(video.Key, keepSlash: true)}"
            : video.FileURL;
        return new JsonObject
        {
            ["Mezzanine"] = new JsonObject
            {
                ["VideoId"] = video.VideoId,
                ["FileName"] = Path.GetFileName(video.Key),
                ["FileURL"] = fileUrl,
                ["Size"] = size,
                ["Status"] = "Normal",
                ["CreationTime"] = RpcCall.Time(video.CreationTime),
                ["Duration"] = VodMedia.DurationOf(size).ToString(CultureInfo.InvariantCulture),
                ["Bitrate"] = "1000",
                ["Fps"] = "25",
                ["Width"] = size == 0 ? 0 : 1280,
                ["Height"] = size == 0 ? 0 : 720,
                ["OutputType"] = outputType,
                ["FileMD5"] = source?.Md5Hex ?? "",
                ["PreprocessStatus"] = "UnPreprocess",
                ["StorageClass"] = "Standard",
                ["VideoStreamList"] = new JsonArray(),
                ["AudioStreamList"] = new JsonArray(),
            },
        };
    }

    public JsonObject UpdateVideoInfo(RpcCall call)
    {
        var video = state.RequireVideo(call.Required("VideoId"));
        if (call.Optional("Title") is { } title) video.Title = Video.TitleFits(title) ? title : throw Video.TitleTooLong();
        if (call.Optional("Description") is { } description)
            video.Description = Video.DescriptionFits(description) ? description : throw Video.DescriptionTooLong();
        if (call.Optional("Tags") is { } tags) video.Tags = Video.TagsFit(tags) ? tags : throw Video.TooManyTags();
        video.CoverURL = call.Optional("CoverURL") ?? video.CoverURL;
        if (call.Optional("CateId") is { } cate) video.CateId = long.TryParse(cate, NumberStyles.Integer, CultureInfo.InvariantCulture, out long id) ? id : throw RpcException.Invalid("CateId");
        video.ModificationTime = call.Now;
        state.Save(video);
        return [];
    }

    /// <summary>Deletes source files but keeps the media. Without Force a source that is the only playable
    /// copy (no successful transcode yet) is not removed and is listed in UnRemoveableVideoIds.</summary>
    public JsonObject DeleteMezzanines(RpcCall call)
    {
        var ids = call.List("VideoIds", 20, "VideoIdsExceededMax");
        bool force = call.Bool("Force", false);
        var missing = new JsonArray();
        var kept = new JsonArray();
        foreach (var id in ids)
        {
            var video = state.FindVideo(id);
            if (video == null) { missing.Add(id); continue; }
            bool transcoded = state.TasksOf(id).Any(t => t.StatusAt(call.Now, jobs) is "CompleteAllSucc" or "CompletePartialSucc");
            if (!transcoded && !force) { kept.Add(id); continue; }
            video.MezzanineDeleted = true;
            state.Save(video);
            buckets.Delete(video.Bucket, video.Key);
        }
        return new JsonObject { ["NonExistVideoIds"] = missing, ["UnRemoveableVideoIds"] = kept };
    }

    public JsonObject DeleteVideo(RpcCall call)
    {
        var ids = call.List("VideoIds", 20, "VideoIdsExceededMax");
        var found = ids.Select(state.FindVideo).OfType<Video>().ToList();
        if (found.Count == 0) throw VodState.VideoNotFound();
        foreach (var video in found)
        {
            // VOD deletes the source, its streams and snapshots physically
            buckets.Delete(video.Bucket, video.Key);
            state.Remove(video);
        }
        return new JsonObject
        {
            ["NonExistVideoIds"] = new JsonArray(ids.Where(id => found.All(v => v.VideoId != id)).Select(id => (JsonNode)id).ToArray()),
            ["ForbiddenVideoIds"] = new JsonArray(),
        };
    }
}
