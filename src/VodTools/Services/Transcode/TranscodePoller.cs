using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using System.Threading;
using System;
using VodTools.Api.Http;
using VodTools.Model;
using VodTools.Services.Vod;

namespace VodTools.Services.Transcode
{
    /// <summary>
    /// Polls transcode tasks cheaply. Tasks whose media is known are looked at ten media a call (GetTranscodeSummary, which
    /// shows each media's latest task); a task whose media's latest task has finished is then read in full: ten jobs a
    /// call by its job ids when they are known (GetTranscodeTask with JobIds), else alone (GetTranscodeTask by task id), as
    /// is a task the summary does not show. A summary never settles a task by itself, as the latest task of a media need
    /// not be the one waited for: "still running" only schedules the next look, and the jobs read decide the end. All
    /// these calls have a quota of 15 per second, so 600 tasks cost about 60 calls a round instead of 600.
    /// </summary>
    public sealed class TranscodePoller
    {
        private readonly VodService _vod;

        public TranscodePoller(VodService vod) => _vod = vod;

        /// <summary>Reads the due tasks; <paramref name="slots"/> (kept from round to round, as it learns the round trip) decides how many calls run at once.</summary>
        public async Task<IReadOnlyList<TranscodePollResult>> PollAsync(IReadOnlyList<TranscodePoll> due, InFlightLimit slots, CancellationToken cancellationToken)
        {
            var summaries = await ReadInBatchesAsync(due.Where(p => p.MediaId != null).Select(p => p.MediaId!), slots,
                async ids => (await _vod.GetTranscodeSummariesAsync(ids, cancellationToken).ConfigureAwait(false)).Latest, cancellationToken).ConfigureAwait(false);
            var latest = summaries.SelectMany(b => b.Items).GroupBy(t => t.MediaId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
            var failed = ErrorsById(summaries);

            var results = new List<TranscodePollResult>();
            var byJobs = new List<TranscodePoll>();
            var fetch = new List<string>();
            foreach (var poll in due)
            {
                if (poll.MediaId != null && failed.TryGetValue(poll.MediaId, out var error)) results.Add(new TranscodePollResult(poll.TaskId, null, error));
                else if (poll.MediaId != null && latest.TryGetValue(poll.MediaId, out var summary) && !summary.IsComplete) results.Add(new TranscodePollResult(poll.TaskId, Running(poll, summary), null));
                else if (poll.JobIds.Count > 0) byJobs.Add(poll);
                else fetch.Add(poll.TaskId);
            }
            var jobReads = await ReadInBatchesAsync(byJobs.SelectMany(p => p.JobIds), slots, ids => _vod.GetTranscodeJobsAsync(ids, cancellationToken), cancellationToken).ConfigureAwait(false);
            var jobs = jobReads.SelectMany(b => b.Items).GroupBy(j => j.JobId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
            var jobErrors = ErrorsById(jobReads);
            foreach (var poll in byJobs)
            {
                var error = poll.JobIds.Select(id => jobErrors.TryGetValue(id, out var e) ? e : null).FirstOrDefault(e => e != null);
                if (error != null) results.Add(new TranscodePollResult(poll.TaskId, null, error));
                else if (poll.JobIds.All(jobs.ContainsKey)) results.Add(new TranscodePollResult(poll.TaskId, FromJobs(poll, poll.JobIds.Select(id => jobs[id]).ToList()), null));
                else fetch.Add(poll.TaskId);
            }
            results.AddRange(await Task.WhenAll(fetch.Select(id => slots.RunAsync(async () =>
            {
                try
                {
                    return new TranscodePollResult(id, await _vod.GetTranscodeTaskAsync(id, cancellationToken).ConfigureAwait(false), null);
                }
                catch (Exception e) when (!(e is OperationCanceledException && cancellationToken.IsCancellationRequested))
                {
                    return new TranscodePollResult(id, null, e);
                }
            }, cancellationToken))).ConfigureAwait(false));
            return results;
        }

        /// <summary>
        /// The task as its jobs show it: finished when every job is (all succeeded, all failed, or some of each, as VOD
        /// names a task's end), else still running; its times span its jobs'.
        /// </summary>
        internal static TranscodeTask FromJobs(TranscodePoll poll, IReadOnlyList<TranscodeJob> jobs)
        {
            var status = TranscodeRules.StatusOfJobs(jobs);
            return new TranscodeTask
            {
                TaskId = poll.TaskId,
                MediaId = poll.MediaId ?? string.Empty,
                TemplateGroupId = poll.TemplateGroupId,
                Status = status,
                Trigger = "Manual",
                CreationTime = jobs.Min(j => j.CreationTime),
                CompleteTime = status == "Processing" ? null : jobs.Max(j => j.CompleteTime),
                Jobs = jobs,
            };
        }

        /// <summary>The task as the summary shows it: running, with its jobs' progress.</summary>
        private static TranscodeTask Running(TranscodePoll poll, TranscodeTask summary) => new TranscodeTask
        {
            TaskId = poll.TaskId,
            MediaId = summary.MediaId,
            Status = summary.Status,
            TemplateGroupId = summary.TemplateGroupId,
            CreationTime = summary.CreationTime,
            Jobs = summary.Jobs,
        };

        /// <summary>What one batched read answered for its ids, or the error that answered them all.</summary>
        private sealed class Batch<T>
        {
            public Batch(IReadOnlyList<string> ids, IReadOnlyList<T> items, Exception? error)
            {
                Ids = ids;
                Items = items;
                Error = error;
            }

            public IReadOnlyList<string> Ids { get; }
            public IReadOnlyList<T> Items { get; }
            public Exception? Error { get; }
        }

        /// <summary>Reads the ids ten a call, as many calls at a time as the slots allow; a failed call fails its ids only.</summary>
        private static async Task<Batch<T>[]> ReadInBatchesAsync<T>(IEnumerable<string> ids, InFlightLimit slots, Func<IReadOnlyList<string>, Task<IReadOnlyList<T>>> read, CancellationToken cancellationToken) =>
            await Task.WhenAll(ids.Distinct(StringComparer.Ordinal).Select((id, i) => (id, i)).GroupBy(x => x.i / VodService.MaxJobBatch, x => x.id)
                .Select(chunk => slots.RunAsync(async () =>
                {
                    var batch = chunk.ToList();
                    try
                    {
                        return new Batch<T>(batch, await read(batch).ConfigureAwait(false), null);
                    }
                    catch (Exception e) when (!(e is OperationCanceledException && cancellationToken.IsCancellationRequested))
                    {
                        return new Batch<T>(batch, Array.Empty<T>(), e);
                    }
                }, cancellationToken))).ConfigureAwait(false);

        private static Dictionary<string, Exception> ErrorsById<T>(IEnumerable<Batch<T>> batches) =>
            batches.Where(b => b.Error != null).SelectMany(b => b.Ids.Select(id => (id, b.Error!))).ToDictionary(x => x.id, x => x.Item2, StringComparer.Ordinal);
    }
}
