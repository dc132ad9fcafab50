using System.Globalization;
using System.Text.Json.Nodes;
using VodTools.Emulator.Rpc;

namespace VodTools.Emulator.Vod;

/// <summary>Playback: GetPlayInfo lists the streams of a video's successful transcode jobs (and, for a media without
/// transcoding in a format VOD plays as it is, its source), and the emulator answers their
/// play URLs itself, on its own loopback address (its play domain), with the bytes of the source (a simulated stream is as
/// long as its source). Shapes and errors from the SDK model (alibabacloud-go/vod-20170321 client/get_play_info_*_model.go)
/// and the API reference's error table (GetPlayInfo: Forbidden.IllegalStatus 403, InvalidVideo.NoneStream 404).</summary>
internal sealed class PlaybackHandler(VodState state, VodMedia media, TimeProvider clock, JobDuration jobs)
{
    /// <summary>The path under which the emulator serves play URLs: /_play/&lt;videoId&gt;/&lt;definition&gt;/&lt;jobId&gt;.&lt;format&gt;
    /// (no bucket can be named so: bucket names start with a letter or digit).</summary>
    public const string PlayPrefix = "/_play/";

    /// <summary>URLs of an OSS bucket of one's own may be signed for at most 36 hours, of VOD's own bucket 30 days.</summary>
    private const int MaxOssAuthTimeout = 129600, MaxVodBucketAuthTimeout = 2592000;

    private static readonly HashSet<string> AudioFormats = new(StringComparer.OrdinalIgnoreCase) { "mp3", "m4a", "aac" };

    private static string StreamType(string format) => AudioFormats.Contains(format) ? "audio" : "video";

    /// <summary>"If you use the No Transcoding template group to upload videos, only videos in the format of MP4, FLV, MP3, M3U8,
    /// or WebM can be played" (CreateUploadVideoRequest.TemplateGroupId, alibabacloud-go/vod-20170321): such a media plays
    /// its source, as one stream of definition OD (original).</summary>
    private static readonly HashSet<string> SourcePlayableFormats = new(StringComparer.OrdinalIgnoreCase) { "mp4", "flv", "mp3", "m3u8", "webm" };

    private const string SourceDefinition = "OD";
    /// <summary>The file name of the source stream under <see cref="PlayPrefix"/> (a job id is 32 hex digits: none is this).</summary>
    private const string SourceStreamName = "source";

    /// <summary>The format a media without transcoding plays its source in, or null when it cannot.</summary>
    private static string? SourceFormat(Video video)
    {
        string format = Path.GetExtension(video.Key).TrimStart('.').ToLowerInvariant();
        return video.NoTranscode && SourcePlayableFormats.Contains(format) ? format : null;
    }

    public JsonObject GetPlayInfo(RpcCall call)
    {
        var video = state.RequireVideo(call.Required("VideoId"));
        string outputType = call.Optional("OutputType") ?? "oss";
        if (outputType is not ("oss" or "cdn")) throw RpcException.Invalid("OutputType", "Valid values: oss, cdn.");
        call.Int("AuthTimeout", 3600, 1, outputType == "cdn" ? int.MaxValue : video.Bucket.StartsWith("outin-", StringComparison.Ordinal) ? MaxVodBucketAuthTimeout : MaxOssAuthTimeout);
        string resultType = call.Optional("ResultType") ?? "Single";
        if (resultType is not ("Single" or "Multiple")) throw RpcException.Invalid("ResultType", "Valid values: Single, Multiple.");
        string status = media.StatusOf(video, call.Now);
        if (status != "Normal")
            throw new RpcException(403, "Forbidden.IllegalStatus", $"Status of the video is illegal. Current Status is {status}.");

        string? formats = call.Optional("Formats"), definitions = call.Optional("Definition"), streamTypes = call.Optional("StreamType");
        static bool Allows(string? list, string value) =>
            list == null || list.Split(',', StringSplitOptions.TrimEntries).Contains(value, StringComparer.OrdinalIgnoreCase);
        var transcoded = state.TasksOf(video.VideoId).OrderBy(t => t.CreationTime)
            .SelectMany(t => t.Jobs.Where(j => t.JobStatusAt(j, call.Now, jobs) == "TranscodeSuccess").Select(j => (Task: t, Job: j)))
            .ToList();
        var streams = transcoded
            .Where(s => Allows(formats, s.Job.Format) && Allows(definitions, s.Job.Definition) && Allows(streamTypes, StreamType(s.Job.Format)))
            .ToList();
        if (resultType == "Single") // the latest stream of each definition and format
            streams = streams.GroupBy(s => (s.Job.Definition, s.Job.Format)).Select(g => g.Last()).ToList();
        var source = media.SourceOf(video);
        var playInfo = streams.Select(s =>
        {
            var stream = media.StreamOf(video, s.Job);
            string completed = RpcCall.Time(jobs.EndOf(s.Task.CreationTime));
            return PlayInfo(call, s.Job.Definition, stream, s.Job.JobId, completed);
        }).ToList();
        // the source plays while the media has no stream of its own (transcoded later, it plays its streams: the emulator's choice)
        if (transcoded.Count == 0 && SourceFormat(video) is { } format && source != null
            && Allows(formats, format) && Allows(definitions, SourceDefinition) && Allows(streamTypes, StreamType(format)))
        {
            var original = VodMedia.Stream($"{video.VideoId}/{SourceDefinition.ToLowerInvariant()}/{SourceStreamName}.{format}", format, source.Size);
            playInfo.Add(PlayInfo(call, SourceDefinition, original, "", RpcCall.Time(video.CreationTime)));
        }
        if (playInfo.Count == 0)
            throw new RpcException(404, "InvalidVideo.NoneStream",
                $"The video has no stream to play for the request parameter 'Formats: {formats}, Definition: {definitions}, StreamType: {streamTypes}'.");

        return new JsonObject
        {
            ["VideoBase"] = new JsonObject
            {
                ["VideoId"] = video.VideoId,
                ["Title"] = video.Title,
                ["CoverURL"] = video.CoverURL,
                ["Duration"] = VodMedia.DurationOf(source?.Size ?? 0).ToString(CultureInfo.InvariantCulture),
                ["Status"] = status,
                ["MediaType"] = "video",
                ["StorageClass"] = "Standard",
                ["CreationTime"] = RpcCall.Time(video.CreationTime),
            },
            ["PlayInfoList"] = new JsonObject { ["PlayInfo"] = new JsonArray(playInfo.ToArray<JsonNode>()) },
        };
    }

    private static JsonObject PlayInfo(RpcCall call, string definition, OutputStream stream, string jobId, string completed) => new()
    {
        ["Definition"] = definition,
        ["Format"] = stream.Format,
        ["StreamType"] = StreamType(stream.Format),
        ["Bitrate"] = stream.Bitrate,
        ["Width"] = stream.Width,
        ["Height"] = stream.Height,
        ["Size"] = stream.Size,
        ["Duration"] = stream.Duration,
        ["Fps"] = stream.Fps,
        ["Encrypt"] = 0,
        ["Specification"] = "H264." + definition,
        ["NarrowBandType"] = "0",
        ["PlayURL"] = call.BaseUrl + PlayPrefix + stream.Key,
        ["Status"] = "Normal",
        ["JobId"] = jobId,
        ["CreationTime"] = completed,
        ["ModificationTime"] = completed,
    };

    /// <summary>For a request under <see cref="PlayPrefix"/>: the source object whose bytes the stream is, Key null when no
    /// such stream can be played now (the video, its job or the job's success is gone); null for any other path.</summary>
    public (string Bucket, string? Key)? PlaybackSource(string path)
    {
        if (!path.StartsWith(PlayPrefix, StringComparison.Ordinal)) return null;
        var parts = path[PlayPrefix.Length..].Split('/');
        var video = parts.Length == 3 ? state.FindVideo(parts[0]) : null;
        if (video == null) return ("", null);
        string jobId = Path.GetFileNameWithoutExtension(parts[2]);
        var now = clock.GetUtcNow();
        bool playable = jobId == SourceStreamName ? SourceFormat(video) != null
            : state.TasksOf(video.VideoId).Any(t => t.Jobs.Any(j => j.JobId == jobId && t.JobStatusAt(j, now, jobs) == "TranscodeSuccess"));
        return (video.Bucket, playable ? video.Key : null);
    }
}
