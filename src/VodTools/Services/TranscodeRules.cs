using System.Linq;
using System.Security.Cryptography;
using System.Text;
using VodTools.Model;

namespace VodTools.Services
{
    /// <summary>What Start-VodTranscode and Wait-VodTranscode decide without calling VOD.</summary>
    internal static class TranscodeRules
    {
        /// <summary>
        /// The SessionId of a media and group: "vodtools-" and 32 hex digits of SHA-256, so the same pair always dedupes
        /// and no two pairs collide in practice. A salt (one per -Force invocation) makes a new submission.
        /// </summary>
        internal static string SessionId(string mediaId, string templateGroupId, string? salt)
        {
            using var sha = SHA256.Create();
            var hash = sha.ComputeHash(Encoding.UTF8.GetBytes(mediaId + "\n" + templateGroupId + (salt == null ? string.Empty : "\n" + salt)));
            return "vodtools-" + string.Concat(hash.Take(16).Select(b => b.ToString("x2")));
        }

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
