using System.Collections.Generic;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using VodTools.Model;

namespace VodTools.Services.Transcode
{
    /// <summary>What Start-VodTranscode and Wait-VodTranscode decide without calling VOD.</summary>
    internal static class TranscodeRules
    {
        /// <summary>
        /// The SessionId of a media and group: "vodtools-" and 32 hex digits of SHA-256, so the same pair always dedupes
        /// and no two pairs collide in practice. A salt (one per -Resubmit invocation) makes a new submission.
        /// </summary>
        internal static string SessionId(string mediaId, string templateGroupId, string? salt)
        {
            using var sha = SHA256.Create();
            var hash = sha.ComputeHash(Encoding.UTF8.GetBytes(mediaId + "\n" + templateGroupId + (salt == null ? string.Empty : "\n" + salt)));
            return "vodtools-" + string.Concat(hash.Take(16).Select(b => b.ToString("x2")));
        }

        /// <summary>
        /// A task's status as its jobs show it: Processing while a job is neither TranscodeSuccess nor TranscodeFail, then
        /// CompleteAllSucc, CompleteAllFail or CompletePartialSucc (the task statuses GetTranscodeTask documents).
        /// </summary>
        internal static string StatusOfJobs(IReadOnlyCollection<TranscodeJob> jobs)
        {
            var succeeded = jobs.Count(j => j.Status == "TranscodeSuccess");
            var failed = jobs.Count(j => j.Status == "TranscodeFail");
            return succeeded + failed < jobs.Count ? "Processing"
                : failed == 0 ? "CompleteAllSucc" : succeeded == 0 ? "CompleteAllFail" : "CompletePartialSucc";
        }

        /// <summary>
        /// The refusal of a transcode that has no template group: none given (or VOD_NO_TRANSCODE, "registered without
        /// transcoding") and the app has no default group to stand in, or its default could not be read.
        /// </summary>
        internal static ValidationException NoTemplateGroup(string? unreadBecause = null) => new ValidationException("VodTemplateGroupMissing",
            unreadBecause == null
                ? "Give -TemplateGroupId: the app has no default transcode template group to transcode with (Set-VodDefaultTranscodeTemplateGroup sets one)."
                : $"Give -TemplateGroupId: the app's default transcode template group could not be read ({unreadBecause}).",
            "TemplateGroupId");

        /// <summary>"Transcode task T of media M ended CompleteAllFail: job J (HD) failed with InvalidVideo.Damaged: …".</summary>
        internal static string FailureMessage(TranscodeTask task)
        {
            var failed = task.Jobs.Where(j => j.Status == "TranscodeFail").ToList();
            var jobs = failed.Count == 0
                ? "VOD named no failed job"
                : string.Join("; ", failed.Select(j => $"job {j.JobId}{(j.Definition == null ? string.Empty : $" ({j.Definition})")} failed with {j.ErrorCode ?? "no error code"}{(j.ErrorMessage == null ? string.Empty : ": " + j.ErrorMessage)}"));
            return $"Transcode task {task.TaskId} of media {task.MediaId} ended {task.Status}: {jobs.TrimEnd('.')}.";
        }
    }
}
