using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using System.Threading;
using System;
using VodTools.Model;
using VodTools.Services.Formats;
using VodTools.Services.Pacing;

namespace VodTools.Services.Vod
{
    /// <summary>Transcoding: submitting once, tasks and jobs (alibabacloud-go/vod-20170321 models).</summary>
    public sealed partial class VodService
    {
        /// <summary>GetTranscodeTask takes at most 10 job ids; ListTranscodeTask pages 50 tasks.</summary>
        public const int MaxJobBatch = 10;
        public const int MaxTaskPage = 50;

        public async Task<TranscodeTask> SubmitTranscodeJobsAsync(TranscodeSubmission submission, CancellationToken cancellationToken)
        {
            var parameters = new List<KeyValuePair<string, string>>
            {
                P("VideoId", submission.MediaId),
                P("TemplateGroupId", submission.TemplateGroupId),
            };
            Add(parameters, "Priority", submission.Priority?.ToString(CultureInfo.InvariantCulture));
            Add(parameters, "PipelineId", submission.PipelineId);
            Add(parameters, "OverrideParams", submission.OverrideParams);
            Add(parameters, "EncryptConfig", submission.EncryptConfig);
            Add(parameters, "UserData", submission.UserData);
            Add(parameters, "SessionId", submission.SessionId);
            var result = await _client.CallUnsafeAsync("SubmitTranscodeJobs", parameters, cancellationToken).ConfigureAwait(false);
            return new TranscodeTask
            {
                TaskId = result.Str("TranscodeTaskId") ?? string.Empty,
                MediaId = submission.MediaId,
                TemplateGroupId = submission.TemplateGroupId,
                Status = "Processing",
                Trigger = "Manual",
                Jobs = result.Items("TranscodeJobs", "TranscodeJob").Select(j => new TranscodeJob { JobId = j.Str("JobId") ?? string.Empty }).ToList(),
            };
        }

        /// <summary>One task with its jobs; throws NoSuchResource when VOD does not know it.</summary>
        public async Task<TranscodeTask> GetTranscodeTaskAsync(string taskId, CancellationToken cancellationToken)
        {
            var result = await _client.CallAsync("GetTranscodeTask", new[] { P("TranscodeTaskId", taskId) }, cancellationToken).ConfigureAwait(false);
            return ReadTask(result.Prop("TranscodeTask") ?? default);
        }

        /// <summary>Up to 10 jobs by id; ids VOD does not know are missing from the answer.</summary>
        public async Task<IReadOnlyList<TranscodeJob>> GetTranscodeJobsAsync(IReadOnlyList<string> jobIds, CancellationToken cancellationToken)
        {
            var result = await _client.CallAsync("GetTranscodeTask", new[] { P("JobIds", string.Join(",", jobIds)) }, cancellationToken).ConfigureAwait(false);
            return result.Items("TranscodeJobInfoList", "TranscodeJobInfo").Select(ReadJob).ToList();
        }

        /// <summary>
        /// The latest task of each of up to 10 media, in summary (GetTranscodeSummary: status, template group and each job's
        /// status and progress; no task or job ids), and the ids VOD does not know.
        /// </summary>
        public async Task<(IReadOnlyList<TranscodeTask> Latest, IReadOnlyList<string> NonExistent)> GetTranscodeSummariesAsync(IReadOnlyList<string> mediaIds, CancellationToken cancellationToken)
        {
            var result = await _client.CallAsync("GetTranscodeSummary", new[] { P("VideoIds", string.Join(",", mediaIds)) }, cancellationToken).ConfigureAwait(false);
            var latest = result.Items("TranscodeSummaryList", "TranscodeSummary").Select(s => new TranscodeTask
            {
                MediaId = s.Str("VideoId") ?? string.Empty,
                Status = s.Str("TranscodeStatus"),
                TemplateGroupId = s.Str("TranscodeTemplateGroupId"),
                CreationTime = s.Date("CreationTime"),
                CompleteTime = s.Date("CompleteTime"),
                Jobs = s.Items("TranscodeJobInfoSummaryList", "TranscodeJobInfoSummary").Select(j => new TranscodeJob
                {
                    TemplateId = j.Str("TranscodeTemplateId"),
                    Status = j.Str("TranscodeJobStatus"),
                    Progress = (int)(j.Long("TranscodeProgress") ?? 0),
                }).ToList(),
            }).ToList();
            return (latest, result.Strings("NonExistVideoIds", "VideoId").ToList());
        }

        /// <summary>Every task of a media, newest first as VOD lists them, without their jobs (ListTranscodeTask, 50 a page).</summary>
        public async Task<IReadOnlyList<TranscodeTask>> ListTranscodeTasksAsync(string mediaId, CancellationToken cancellationToken)
        {
            var tasks = new List<TranscodeTask>();
            for (var page = 1; ; page++)
            {
                var parameters = new[]
                {
                    P("VideoId", mediaId),
                    P("PageNo", page.ToString(CultureInfo.InvariantCulture)),
                    P("PageSize", MaxTaskPage.ToString(CultureInfo.InvariantCulture)),
                };
                var result = await _client.CallAsync("ListTranscodeTask", parameters, cancellationToken).ConfigureAwait(false);
                var items = result.Items("TranscodeTaskList", "TranscodeTask").Select(ReadTask).ToList();
                tasks.AddRange(items);
                if (items.Count < MaxTaskPage) return tasks;
            }
        }

        /// <summary>
        /// Transcodes a media with a group once: an existing task of the group (looked up first unless
        /// <paramref name="lookFirst"/> is false, waiting up to <paramref name="waitForAuto"/> for the one VOD starts itself
        /// on registration) is returned instead of submitting. A submit that failed in a way that may mean it was done (its
        /// answer lost, or VOD refusing a SessionId it saw within 7 days) is reconciled by looking the task up; when none is
        /// listed after a lost answer, the submit is sent once more, which the SessionId makes safe: VOD refuses it if the
        /// first one was done.
        /// </summary>
        public async Task<TranscodeTask> TranscodeOnceAsync(TranscodeSubmission submission, bool lookFirst, TimeSpan waitForAuto, CancellationToken cancellationToken)
        {
            if (lookFirst && await FindTranscodeTaskAsync(submission.MediaId, submission.TemplateGroupId, waitForAuto, cancellationToken).ConfigureAwait(false) is TranscodeTask existing)
                return existing;
            for (var resent = false; ; resent = true)
            {
                try
                {
                    return await SubmitTranscodeJobsAsync(submission, cancellationToken).ConfigureAwait(false);
                }
                catch (Api.Http.CloudException e) when (submission.SessionId != null && (e.OutcomeUnknown || e.HttpStatus / 100 == 4))
                {
                    // The submit's own error is what the user needs to see, also when the look-up fails.
                    var task = await LookUpOrNullAsync(() => FindTranscodeTaskAsync(submission.MediaId, submission.TemplateGroupId, cancellationToken)).ConfigureAwait(false);
                    if (task != null) return task;
                    if (!e.OutcomeUnknown || resent) throw;
                }
            }
        }

        /// <summary>The task of the group, waiting with backoff up to <paramref name="wait"/> for VOD to start it.</summary>
        private async Task<TranscodeTask?> FindTranscodeTaskAsync(string mediaId, string templateGroupId, TimeSpan wait, CancellationToken cancellationToken)
        {
            var waited = TimeSpan.Zero;
            var delay = PollBackoff.First;
            while (true)
            {
                var task = await FindTranscodeTaskAsync(mediaId, templateGroupId, cancellationToken).ConfigureAwait(false);
                if (task != null || waited >= wait) return task;
                await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
                waited += delay;
                delay = PollBackoff.Next(delay, null);
            }
        }

        /// <summary>The newest task of a media for a template group, or null.</summary>
        public async Task<TranscodeTask?> FindTranscodeTaskAsync(string mediaId, string templateGroupId, CancellationToken cancellationToken) =>
            (await ListTranscodeTasksAsync(mediaId, cancellationToken).ConfigureAwait(false))
                .Where(t => string.Equals(t.TemplateGroupId, templateGroupId, StringComparison.Ordinal))
                .OrderByDescending(t => t.CreationTime ?? DateTime.MinValue)
                .FirstOrDefault();

        internal static TranscodeTask ReadTask(JsonElement task) => new TranscodeTask
        {
            TaskId = task.Str("TranscodeTaskId") ?? string.Empty,
            MediaId = task.Str("VideoId") ?? string.Empty,
            Status = task.Str("TaskStatus"),
            TemplateGroupId = task.Str("TranscodeTemplateGroupId"),
            Trigger = task.Str("Trigger"),
            CreationTime = task.Date("CreationTime"),
            CompleteTime = task.Date("CompleteTime"),
            Jobs = task.Items("TranscodeJobInfoList", "TranscodeJobInfo").Select(ReadJob).ToList(),
        };

        internal static TranscodeJob ReadJob(JsonElement job) => new TranscodeJob
        {
            JobId = job.Str("TranscodeJobId") ?? string.Empty,
            TemplateId = job.Str("TranscodeTemplateId"),
            Status = job.Str("TranscodeJobStatus"),
            Progress = (int)(job.Long("TranscodeProgress") ?? 0),
            Definition = job.Str("Definition"),
            ErrorCode = NullIfEmpty(job.Str("ErrorCode")),
            ErrorMessage = NullIfEmpty(job.Str("ErrorMessage")),
            OutputUrl = (job.Prop("OutputFile") ?? default).Str("OutputFileUrl"),
            CreationTime = job.Date("CreationTime"),
            CompleteTime = job.Date("CompleteTime"),
        };
    }
}
