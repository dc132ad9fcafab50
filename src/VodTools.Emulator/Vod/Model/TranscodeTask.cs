using System.Text.Json.Nodes;
using VodTools.Emulator.Rpc;

namespace VodTools.Emulator.Vod;

/// <summary>A transcode task: one job per template of its group. Its state at any time follows from when it started
/// (<see cref="JobDuration"/>), so nothing has to run in the background.</summary>
internal sealed class TranscodeTask
{
    public const string Kind = "vod-task";

    public string TranscodeTaskId { get; set; } = "";
    public string VideoId { get; set; } = "";
    public string TemplateGroupId { get; set; } = "";
    public string Trigger { get; set; } = "Manual";
    /// <summary>SubmitTranscodeJobs' UserData, or the media's for VOD's own task: its Extend goes back in the events.</summary>
    public string UserData { get; set; } = "";
    public DateTimeOffset CreationTime { get; set; }
    /// <summary>The source could not be "decoded" (zero bytes): every job fails.</summary>
    public bool SourceBroken { get; set; }
    /// <summary>Transcoding could not read the source (no role grants its bucket): every job fails with this message.</summary>
    public string? NoAccess { get; set; }
    public List<TranscodeJob> Jobs { get; set; } = [];

    /// <summary>A task that transcodes <paramref name="video"/> with every template of <paramref name="group"/>.</summary>
    /// <param name="sourceSize">the size of the video's file now (zero bytes cannot be decoded)</param>
    /// <param name="noAccess">why transcoding cannot read the file, or null</param>
    /// <param name="userData">the UserData of the request that started it</param>
    public static TranscodeTask Start(Video video, TemplateGroup group, string trigger, int priority, DateTimeOffset now, long sourceSize, string? noAccess, string userData) => new()
    {
        TranscodeTaskId = RpcCall.NewId(),
        VideoId = video.VideoId,
        TemplateGroupId = group.TranscodeTemplateGroupId,
        Trigger = trigger,
        UserData = userData,
        CreationTime = now,
        SourceBroken = sourceSize <= 0,
        NoAccess = noAccess,
        Jobs = group.Templates.Select(t => TranscodeJob.For(JsonNode.Parse(t)!.AsObject(), priority)).ToList(),
    };

    public bool Fails(TranscodeJob job) => SourceBroken || NoAccess != null || job.Fails;

    /// <summary>Why a job fails (ErrorCode, ErrorMessage), or null when it succeeds.</summary>
    public (string Code, string Message)? FailureOf(TranscodeJob job) =>
        NoAccess != null ? ("AccessDenied", NoAccess)
        : SourceBroken ? ("InvalidVideo.Damaged", "The source file cannot be decoded.")
        : job.Fails ? ("TranscodeFail", "The template cannot be applied to this source.")
        : null;

    public string JobStatusAt(TranscodeJob job, DateTimeOffset now, JobDuration jobs) =>
        !jobs.DoneAt(CreationTime, now) ? "Transcoding" : Fails(job) ? "TranscodeFail" : "TranscodeSuccess";

    /// <summary>Processing while it runs, then CompleteAllSucc, CompletePartialSucc or CompleteAllFail.</summary>
    public string StatusAt(DateTimeOffset now, JobDuration jobs)
    {
        if (!jobs.DoneAt(CreationTime, now)) return "Processing";
        int failed = Jobs.Count(Fails);
        return failed == 0 ? "CompleteAllSucc" : failed == Jobs.Count ? "CompleteAllFail" : "CompletePartialSucc";
    }
}
