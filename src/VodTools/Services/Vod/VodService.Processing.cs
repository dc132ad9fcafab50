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
    /// <summary>Transcoding, snapshots, mezzanine info and deletion (alibabacloud-go/vod-20170321 models).</summary>
    public sealed partial class VodService
    {
        /// <summary>GetVideoInfos and DeleteVideo take at most 20 ids, GetTranscodeTask at most 10 job ids.</summary>
        public const int MaxMediaBatch = 20;
        public const int MaxJobBatch = 10;
        public const int MaxTaskPage = 50;
        public const int MaxSnapshotPage = 100;

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

        /// <summary>
        /// Submits a snapshot job once. SubmitSnapshotJob has no dedupe key and each job is billed, so the media's snapshot
        /// jobs are read first (ListJobInfo lists every job of the last six months, running ones included) when
        /// <paramref name="lookFirst"/> says a job of any kind will do, and a running or successful one is taken instead of
        /// submitting; a submit whose answer was lost is not repeated: a job created since the request is taken as its job,
        /// and otherwise the error says the job may exist and how to check.
        /// </summary>
        public async Task<SnapshotJob> SnapshotOnceAsync(SnapshotSubmission submission, bool lookFirst, CancellationToken cancellationToken)
        {
            if (lookFirst)
            {
                var existing = (await ListSnapshotJobsAsync(submission.MediaId, cancellationToken).ConfigureAwait(false)).LastOrDefault(j => !j.IsFailed);
                if (existing != null) return existing;
            }
            var requested = RequestTime();
            try
            {
                return await SubmitSnapshotJobAsync(submission, cancellationToken).ConfigureAwait(false);
            }
            catch (Api.Http.CloudException e) when (e.OutcomeUnknown)
            {
                var jobs = await LookUpOrNullAsync<IReadOnlyList<SnapshotJob>>(async () => await ListSnapshotJobsAsync(submission.MediaId, cancellationToken).ConfigureAwait(false)).ConfigureAwait(false);
                var made = jobs?.LastOrDefault(j => CreatedSince(j.CreationTime, requested));
                if (made != null) return made;
                throw new OutcomeUnknownException("VodSnapshotOutcomeUnknown",
                    $"The snapshot request for media {submission.MediaId} may have been accepted: its answer was lost ({e.Code}). " +
                    "It was not sent again, because each request makes a new, billed snapshot job.",
                    $"In a few minutes, run Get-VodSnapshot -MediaId {submission.MediaId} -Job; submit again only if no job newer than this request is listed.", e);
            }
        }

        /// <summary>
        /// Every snapshot job of a media created in the last six months, oldest first, with its status (ListJobInfo,
        /// JobType=snapshot; alibabacloud-go/vod-20170321 ListJobInfoRequest/ListJobInfoResponseBody). ListSnapshots, by
        /// contrast, shows the images of the latest finished job only.
        /// </summary>
        public async Task<IReadOnlyList<SnapshotJob>> ListSnapshotJobsAsync(string mediaId, CancellationToken cancellationToken)
        {
            var result = await _client.CallAsync("ListJobInfo", new[] { P("JobType", "snapshot"), P("MediaId", mediaId) }, cancellationToken).ConfigureAwait(false);
            return result.Items("JobInfoList").Select(j => new SnapshotJob
            {
                JobId = j.Str("JobId") ?? string.Empty,
                MediaId = mediaId,
                Status = j.Str("Status") ?? string.Empty,
                CreationTime = j.Date("CreateTime"),
                CompleteTime = j.Date("CompleteTime"),
            }).OrderBy(j => j.CreationTime ?? DateTime.MinValue).ToList();
        }

        /// <summary>The earliest creation time a job made by a request sent now can show: the cloud's clock may be a minute behind ours.</summary>
        private static DateTime RequestTime() => DateTime.UtcNow - TimeSpan.FromMinutes(1);

        /// <summary>Whether a job the cloud dated <paramref name="created"/> (local time) was made at or after <paramref name="requested"/> (UTC).</summary>
        private static bool CreatedSince(DateTime? created, DateTime requested) => created?.ToUniversalTime() >= requested;

        /// <summary>The look-up's result, or null when it fails: it only serves to reconcile a write that already failed.</summary>
        private static async Task<T?> LookUpOrNullAsync<T>(Func<Task<T?>> lookUp) where T : class
        {
            try
            {
                return await lookUp().ConfigureAwait(false);
            }
            catch (Api.Http.CloudException)
            {
                return null;
            }
        }

        public async Task<SnapshotJob> SubmitSnapshotJobAsync(SnapshotSubmission submission, CancellationToken cancellationToken)
        {
            var parameters = new List<KeyValuePair<string, string>> { P("VideoId", submission.MediaId) };
            Add(parameters, "SnapshotTemplateId", submission.SnapshotTemplateId);
            Add(parameters, "SpecifiedOffsetTime", submission.OffsetTime?.ToString(CultureInfo.InvariantCulture));
            if (submission.OffsetTimes != null)
                parameters.Add(P("SpecifiedOffsetTimes", "[" + string.Join(",", submission.OffsetTimes.Select(t => t.ToString(CultureInfo.InvariantCulture))) + "]"));
            Add(parameters, "Count", submission.Count?.ToString(CultureInfo.InvariantCulture));
            Add(parameters, "Interval", submission.Interval?.ToString(CultureInfo.InvariantCulture));
            Add(parameters, "Width", submission.Width?.ToString(CultureInfo.InvariantCulture));
            Add(parameters, "Height", submission.Height?.ToString(CultureInfo.InvariantCulture));
            Add(parameters, "SpriteSnapshotConfig", submission.SpriteConfig);
            Add(parameters, "UserData", submission.UserData);
            var result = await _client.CallUnsafeAsync("SubmitSnapshotJob", parameters, cancellationToken).ConfigureAwait(false);
            return new SnapshotJob { JobId = result.Prop("SnapshotJob")?.Str("JobId") ?? string.Empty, MediaId = submission.MediaId };
        }

        /// <summary>One page (at most 100) of a media's snapshots of a kind, and how many there are in all.</summary>
        public async Task<(IReadOnlyList<VodSnapshot> Snapshots, long Total)> ListSnapshotsAsync(string mediaId, string? snapshotType, int pageNo, CancellationToken cancellationToken)
        {
            var parameters = new List<KeyValuePair<string, string>>
            {
                P("VideoId", mediaId),
                P("PageNo", pageNo.ToString(CultureInfo.InvariantCulture)),
                P("PageSize", MaxSnapshotPage.ToString(CultureInfo.InvariantCulture)),
            };
            Add(parameters, "SnapshotType", snapshotType);
            var result = await _client.CallAsync("ListSnapshots", parameters, cancellationToken).ConfigureAwait(false);
            var listing = result.Prop("MediaSnapshot") ?? default;
            var snapshots = listing.Items("Snapshots", "Snapshot").Select(s => new VodSnapshot
            {
                MediaId = mediaId,
                JobId = listing.Str("JobId"),
                Index = s.Long("Index") ?? 0,
                Url = s.Str("Url") ?? string.Empty,
                CreationTime = listing.Date("CreationTime"),
            }).ToList();
            return (snapshots, listing.Long("Total") ?? snapshots.Count);
        }

        public async Task<VodMezzanine> GetMezzanineInfoAsync(string mediaId, string? outputType, int? authTimeout, CancellationToken cancellationToken)
        {
            var parameters = new List<KeyValuePair<string, string>> { P("VideoId", mediaId) };
            Add(parameters, "OutputType", outputType);
            Add(parameters, "AuthTimeout", authTimeout?.ToString(CultureInfo.InvariantCulture));
            var result = await _client.CallAsync("GetMezzanineInfo", parameters, cancellationToken).ConfigureAwait(false);
            var m = result.Prop("Mezzanine") ?? default;
            return new VodMezzanine
            {
                MediaId = m.Str("VideoId") ?? mediaId,
                FileName = m.Str("FileName"),
                FileUrl = m.Str("FileURL"),
                Size = m.Long("Size"),
                Status = m.Str("Status"),
                Duration = m.Double("Duration"),
                Bitrate = m.Str("Bitrate"),
                Fps = m.Str("Fps"),
                Width = m.Long("Width"),
                Height = m.Long("Height"),
                FileMD5 = m.Str("FileMD5"),
                StorageClass = m.Str("StorageClass"),
                CreationTime = m.Date("CreationTime"),
            };
        }

        /// <summary>
        /// Deletes up to 20 media; throws InvalidVideo.NotFound only when none of them exists. When an earlier attempt's
        /// answer was lost, the ids VOD no longer knows may be that attempt's deletions: they come back as
        /// <see cref="DeletedMedia.GoneBeforeAnswer"/>, not as missing.
        /// </summary>
        public async Task<DeletedMedia> DeleteVideosAsync(IReadOnlyList<string> mediaIds, CancellationToken cancellationToken)
        {
            var history = new Api.Http.AttemptHistory();
            JsonElement result;
            try
            {
                result = await _client.CallAsync("DeleteVideo", new[] { P("VideoIds", string.Join(",", mediaIds)) }, cancellationToken, history).ConfigureAwait(false);
            }
            catch (Api.Http.CloudException e) when (e.Code == "InvalidVideo.NotFound" && e.AfterUnansweredAttempt)
            {
                return new DeletedMedia(Array.Empty<string>(), Array.Empty<string>(), mediaIds);
            }
            var missing = result.Strings("NonExistVideoIds", "VideoId").ToList();
            var forbidden = result.Strings("ForbiddenVideoIds", "VideoId").ToList();
            return history.AfterUnansweredAttempt
                ? new DeletedMedia(Array.Empty<string>(), forbidden, missing)
                : new DeletedMedia(missing, forbidden, Array.Empty<string>());
        }

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

        private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
    }
}
