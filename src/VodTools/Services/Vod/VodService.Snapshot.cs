using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading.Tasks;
using System.Threading;
using System;
using VodTools.Model;
using VodTools.Services.Formats;

namespace VodTools.Services.Vod
{
    /// <summary>Snapshots: submitting once, a media's snapshot jobs and images (alibabacloud-go/vod-20170321 models).</summary>
    public sealed partial class VodService
    {
        /// <summary>ListSnapshots pages at most 100 images.</summary>
        public const int MaxSnapshotPage = 100;

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
    }
}
