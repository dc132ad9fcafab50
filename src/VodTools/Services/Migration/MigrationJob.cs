using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using System.Threading;
using System;
using VodTools.Api.Http;
using VodTools.Model;
using VodTools.Services.Oss;
using VodTools.Services.Transcode;
using VodTools.Services.Vod;

namespace VodTools.Services.Migration
{
    /// <summary>
    /// One run of a migration: list → register → transcode → wait (→ snapshot), the stages running side by side, each
    /// taking its work from the journal (the files in the state it starts from) and recording every file's new state
    /// there before the next stage sees it. So a rerun picks up exactly where the journal stands: registered files are
    /// not registered again, tasks in flight are waited for. Each VOD call goes through the process's per-action QPS
    /// budget; the operations are the retry-safe ones of <see cref="VodService"/>, snapshots and transcodes looked up
    /// before they are submitted. A file's failure is recorded and reported, never fatal; a failure no file can get past
    /// (as <c>isFatal</c> judges) ends the run, and so do many files failing alike (<see cref="MigrationCircuit"/>), which
    /// are then left pending.
    /// </summary>
    public sealed class MigrationJob
    {
        /// <summary>Tasks waited for at once: bounds memory and the scheduler's work however many are in flight.</summary>
        internal const int MaxWatched = 20000;

        private static readonly TimeSpan Idle = TimeSpan.FromMilliseconds(100);

        private readonly MigrationJournal _journal;
        private readonly VodService _vod;
        private readonly OssService _oss;
        private readonly MigrationParameters _parameters;
        private readonly Func<string, bool> _keep;
        private readonly Func<Exception, bool> _isFatal;
        private readonly int _throttleLimit;
        private readonly MigrationRescan _rescan;
        private readonly MigrationCircuit _circuit = new MigrationCircuit();
        private readonly Dictionary<MigrationStage, StageMeter> _meters;
        /// <summary>Files neither done nor failed when the run started.</summary>
        private readonly long _onTheirWay;
        private volatile bool _listed;
        private volatile bool _registered;
        private volatile bool _submitted;
        private volatile bool _waited;

        /// <summary>A run of the journal's job; <paramref name="keep"/> says which listed keys belong to it (the journal's -Include and -Exclude).</summary>
        public MigrationJob(MigrationJournal journal, VodService vod, OssService oss, Func<string, bool> keep, Func<Exception, bool> isFatal, int throttleLimit, MigrationRescan rescan)
        {
            _journal = journal;
            _vod = vod;
            _oss = oss;
            _parameters = journal.Parameters ?? throw new InvalidOperationException("The journal has no parameters.");
            _keep = keep;
            _isFatal = isFatal;
            _throttleLimit = throttleLimit;
            _rescan = rescan;
            var (states, failedAt) = journal.Counts();
            long AtLeast(MigrationState state) => states.Where(s => s.Key >= state && s.Key != MigrationState.Failed).Sum(s => s.Value);
            long FailedAt(MigrationStage stage) => failedAt.TryGetValue(stage, out var n) ? n : 0;
            var failed = states[MigrationState.Failed];
            _onTheirWay = states.Values.Sum() - states[MigrationState.Done] - failed;
            _meters = new Dictionary<MigrationStage, StageMeter>
            {
                [MigrationStage.List] = new StageMeter(MigrationStage.List, states.Values.Sum(), 0),
                [MigrationStage.Register] = new StageMeter(MigrationStage.Register, AtLeast(MigrationState.Registered) + failed - FailedAt(MigrationStage.Register), FailedAt(MigrationStage.Register)),
                [MigrationStage.Transcode] = new StageMeter(MigrationStage.Transcode, AtLeast(MigrationState.Transcoding) + FailedAt(MigrationStage.Wait) + FailedAt(MigrationStage.Snapshot), FailedAt(MigrationStage.Transcode)),
                [MigrationStage.Wait] = new StageMeter(MigrationStage.Wait, AtLeast(MigrationState.Transcoded) + FailedAt(MigrationStage.Snapshot), FailedAt(MigrationStage.Wait)),
            };
            if (_parameters.Snapshot) _meters[MigrationStage.Snapshot] = new StageMeter(MigrationStage.Snapshot, states[MigrationState.Done], FailedAt(MigrationStage.Snapshot));
        }

        /// <summary>Files finished or failed, and -Verbose lines, for the caller to write (from any thread).</summary>
        public ConcurrentQueue<MigrationEvent> Events { get; } = new ConcurrentQueue<MigrationEvent>();

        public IReadOnlyList<StageMeter> Meters => _meters.Values.ToList();

        /// <summary>True once every file listed so far is known (the listing reached its end).</summary>
        public bool ListingComplete => _listed && _journal.ListingComplete;

        /// <summary>Keys this run's listing found that the journal did not have.</summary>
        public long NewFiles => Interlocked.Read(ref _newFiles);

        private long _newFiles;

        /// <summary>Files still to go through a stage: those listed, less those through it or failed at it or before.</summary>
        public long Left(MigrationStage stage) =>
            _meters[MigrationStage.List].Passed - _meters[stage].Passed - _meters.Values.Where(m => m.Stage <= stage).Sum(m => m.Failed);

        public async Task RunAsync(CancellationToken cancellationToken)
        {
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            async Task Stage(Func<CancellationToken, Task> stage, Action done)
            {
                try
                {
                    await stage(stop.Token).ConfigureAwait(false);
                    done();
                }
                catch
                {
                    stop.Cancel();
                    throw;
                }
            }
            var stages = new List<Task>
            {
                Stage(ListAsync, () => _listed = true),
                Stage(token => RunCallsAsync(MigrationState.Listed, () => _listed, VodService.MaxRegisterBatch, RegisterAsync, token), () => _registered = true),
                Stage(token => RunCallsAsync(MigrationState.Registered, () => _registered, 1, TranscodeAsync, token), () => _submitted = true),
                Stage(WaitAsync, () => _waited = true),
            };
            if (_parameters.Snapshot) stages.Add(Stage(token => RunCallsAsync(MigrationState.Transcoded, () => _waited, 1, SnapshotAsync, token), () => { }));
            var all = Task.WhenAll(stages);
            try
            {
                await all.ConfigureAwait(false);
            }
            catch when (all.Exception != null)
            {
                // the error that stopped the run, not the cancellations it caused in the other stages
                throw all.Exception.InnerExceptions.FirstOrDefault(e => !(e is OperationCanceledException)) ?? all.Exception.InnerExceptions[0];
            }
        }

        /// <summary>
        /// Lists the bucket from where the journal's listing stopped, a page per commit; when the last pass finished, starts
        /// another as -Rescan says, so a scheduled run brings in the files added since. A full pass costs a list call per
        /// 1,000 keys, so it waits until the files of the last pass are through (failed ones aside): a long migration run
        /// in time-boxed runs lists its bucket once, not once a run. A listing that fails is reported and taken up by the
        /// next run.
        /// </summary>
        private async Task ListAsync(CancellationToken cancellationToken)
        {
            if (_journal.ListingComplete)
            {
                if (_rescan == MigrationRescan.None) return;
                if (_rescan == MigrationRescan.Full && _onTheirWay > 0)
                {
                    Events.Enqueue(new MigrationEvent(null, null, "Not listing the bucket again yet: files of its last listing are still on their way (a later run lists it, to find new files)."));
                    return;
                }
                _journal.StartListingPass(_rescan == MigrationRescan.Tail ? _journal.LastKey() : null);
            }
            var token = _journal.ListingToken;
            var startAfter = token == null ? _journal.ListingStartAfter : null;
            while (true)
            {
                OssObjectPage page;
                try
                {
                    page = await _oss.ListObjectsAsync(_parameters.Bucket, _parameters.Prefix, null, startAfter, token, 1000, cancellationToken).ConfigureAwait(false);
                }
                catch (Exception e) when (!cancellationToken.IsCancellationRequested && !_isFatal(e))
                {
                    Events.Enqueue(new MigrationEvent(null, e, null));
                    return;
                }
                var next = page.NextContinuationToken == token ? null : page.NextContinuationToken; // a repeated token would loop for ever
                var kept = page.Objects.Where(o => !o.IsPrefix && _keep(o.Key)).ToList();
                var added = await _journal.AddListedAsync(kept, next).ConfigureAwait(false);
                Interlocked.Add(ref _newFiles, added);
                var meter = _meters[MigrationStage.List];
                for (var n = 0; n < added; n++) meter.Pass();
                if (next == null) return;
                token = next;
            }
        }

        /// <summary>
        /// Runs a stage's calls: takes the files waiting in <paramref name="from"/> in listing order, up to
        /// <paramref name="batchSize"/> a call and the throttle limit at once, until the stage before is done and none wait.
        /// </summary>
        private async Task RunCallsAsync(MigrationState from, Func<bool> upstreamDone, int batchSize, Func<IReadOnlyList<MigrationFile>, CancellationToken, Task> call, CancellationToken cancellationToken)
        {
            var inFlight = new HashSet<long>();
            var running = new List<Task>();
            using var slots = _vod.CallsInFlight(from == MigrationState.Listed ? "RegisterMedia" : from == MigrationState.Registered ? "SubmitTranscodeJobs" : "SubmitSnapshotJob", _throttleLimit);
            while (true)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var wasDone = upstreamDone(); // read before the query: what the stage before committed by then is in it
                int busy;
                lock (inFlight) busy = inFlight.Count;
                var waiting = _journal.Next(from, busy + 100 * batchSize);
                List<MigrationFile> todo;
                lock (inFlight) todo = waiting.Where(f => !inFlight.Contains(f.Id)).ToList();
                foreach (var failed in running.Where(t => t.IsFaulted).ToList()) await failed.ConfigureAwait(false); // rethrows what ends the run
                running.RemoveAll(t => t.IsCompleted);
                if (todo.Count == 0)
                {
                    if (wasDone && busy == 0) break;
                    await Task.Delay(Idle, cancellationToken).ConfigureAwait(false);
                    continue;
                }
                for (var start = 0; start < todo.Count; start += batchSize)
                {
                    var batch = todo.Skip(start).Take(batchSize).ToList();
                    await slots.WaitAsync(cancellationToken).ConfigureAwait(false);
                    lock (inFlight) foreach (var file in batch) inFlight.Add(file.Id);
                    running.Add(Task.Run(async () =>
                    {
                        try
                        {
                            await call(batch, cancellationToken).ConfigureAwait(false);
                        }
                        finally
                        {
                            lock (inFlight) foreach (var file in batch) inFlight.Remove(file.Id);
                            slots.Release();
                        }
                    }, cancellationToken));
                }
            }
            await Task.WhenAll(running).ConfigureAwait(false);
        }

        private async Task RegisterAsync(IReadOnlyList<MigrationFile> files, CancellationToken cancellationToken)
        {
            var sent = new List<(MigrationFile File, MediaRegistration Registration)>();
            foreach (var file in files)
            {
                try
                {
                    VodLimits.MediaKey(file.Key);
                    sent.Add((file, new MediaRegistration { FileUrl = VodLimits.FileUrl(file.FileUrl), Title = VodLimits.Title(VodLimits.DefaultTitle(file.Key)) }));
                }
                catch (ValidationException e)
                {
                    Fail(file, MigrationStage.Register, e.ErrorId, e);
                }
            }
            if (sent.Count > 0)
            {
                try
                {
                    var result = await _vod.RegisterMediaAsync(sent.Select(s => s.Registration).ToList(), VodService.NoTranscode, null, null, cancellationToken).ConfigureAwait(false);
                    // VOD says no reason for a refusal. The bucket's storage and the call are the same for every file of the
                    // call, so a refusal beside a registration is the file's own (its extension, say); only a call refused
                    // whole may have a cause that goes away (the bucket not yet VOD storage).
                    var refusedWhole = result.Media.All(m => m == null);
                    for (var n = 0; n < sent.Count; n++)
                    {
                        var file = sent[n].File;
                        var media = result.Media[n];
                        if (media == null)
                        {
                            Fail(file, MigrationStage.Register, RegisterMediaResult.RefusedErrorId, result.Refused[n]!, refusedWhole);
                            continue;
                        }
                        file.Progress = MigrationState.Registered;
                        file.MediaId = media.MediaId;
                        file.NewRegister = media.NewRegister == true;
                        file.RequestId = result.RequestId;
                    }
                }
                catch (Exception e) when (!cancellationToken.IsCancellationRequested && !_isFatal(e))
                {
                    foreach (var (file, _) in sent) Fail(file, MigrationStage.Register, "VodRegisterFailed", e);
                }
            }
            await RecordAsync(files, MigrationStage.Register, MigrationState.Registered).ConfigureAwait(false);
        }

        private async Task TranscodeAsync(IReadOnlyList<MigrationFile> files, CancellationToken cancellationToken)
        {
            var file = files[0];
            var group = _parameters.TemplateGroupId!;
            var submission = new TranscodeSubmission { MediaId = file.MediaId!, TemplateGroupId = group, SessionId = TranscodeRules.SessionId(file.MediaId!, group, file.RetrySalt) };
            // A media RegisterMedia has just created cannot have a task yet; nor can a retry use one found (the failed one).
            var lookFirst = !file.NewRegister && file.RetrySalt == null;
            try
            {
                var task = await _vod.TranscodeOnceAsync(submission, lookFirst, TimeSpan.Zero, cancellationToken).ConfigureAwait(false);
                file.Progress = MigrationState.Transcoding;
                file.TaskId = task.TaskId;
                file.JobIds = task.Jobs.Count == 0 ? null : string.Join(",", task.Jobs.Select(j => j.JobId));
            }
            catch (Exception e) when (!cancellationToken.IsCancellationRequested && !_isFatal(e))
            {
                Fail(file, MigrationStage.Transcode, "VodTranscodeNotSubmitted", e);
            }
            await RecordAsync(files, MigrationStage.Transcode, MigrationState.Transcoding).ConfigureAwait(false);
        }

        private async Task SnapshotAsync(IReadOnlyList<MigrationFile> files, CancellationToken cancellationToken)
        {
            var file = files[0];
            try
            {
                var job = await _vod.SnapshotOnceAsync(new SnapshotSubmission { MediaId = file.MediaId! }, lookFirst: true, cancellationToken).ConfigureAwait(false);
                file.Progress = MigrationState.Done;
                file.SnapshotJobId = job.JobId;
            }
            catch (Exception e) when (!cancellationToken.IsCancellationRequested && !_isFatal(e))
            {
                Fail(file, MigrationStage.Snapshot, "VodSnapshotNotSubmitted", e);
            }
            await RecordAsync(files, MigrationStage.Snapshot, MigrationState.Done).ConfigureAwait(false);
        }

        /// <summary>
        /// Waits for the tasks of the files in Transcoding (at most <see cref="MaxWatched"/> at once), polled as
        /// <see cref="TranscodeWaitScheduler"/> says; tasks whose job ids are known are polled ten jobs to a call.
        /// </summary>
        private async Task WaitAsync(CancellationToken cancellationToken)
        {
            var scheduler = new TranscodeWaitScheduler(null);
            var watched = new Dictionary<string, MigrationFile>(StringComparer.Ordinal);
            using var slots = _vod.CallsInFlight("GetTranscodeTask", _throttleLimit); // kept from round to round, as it learns the round trip
            var lastRefill = DateTime.MinValue;
            while (true)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var wasDone = _submitted;
                if (watched.Count < MaxWatched && (watched.Count == 0 || DateTime.UtcNow - lastRefill > TimeSpan.FromSeconds(1)))
                {
                    lastRefill = DateTime.UtcNow;
                    var added = 0;
                    foreach (var file in _journal.Next(MigrationState.Transcoding, Math.Min(MaxWatched, watched.Count + 1000)))
                    {
                        if (file.TaskId == null || watched.ContainsKey(file.TaskId)) continue;
                        watched[file.TaskId] = file;
                        scheduler.Add(file.TaskId);
                        added++;
                    }
                    if (watched.Count == 0 && added == 0 && wasDone) return;
                }
                var due = scheduler.Due();
                if (due.Count == 0)
                {
                    var next = scheduler.UntilNext() ?? Idle;
                    await Task.Delay(next < Idle ? Idle : next > TimeSpan.FromSeconds(1) ? TimeSpan.FromSeconds(1) : next, cancellationToken).ConfigureAwait(false);
                    continue;
                }
                var answers = await PollAsync(due.Select(id => watched[id]).ToList(), slots, cancellationToken).ConfigureAwait(false);
                var settled = new List<MigrationFile>();
                foreach (var (file, task, error) in answers)
                {
                    var outcome = error == null ? scheduler.Answered(file.TaskId!, task!) : scheduler.PollFailed(file.TaskId!, error);
                    switch (outcome.Verdict)
                    {
                        case TranscodeWaitVerdict.Succeeded:
                            file.Status = task!.Status;
                            file.Progress = _parameters.Snapshot ? MigrationState.Transcoded : MigrationState.Done;
                            break;
                        case TranscodeWaitVerdict.Failed:
                            file.Status = task!.Status;
                            var job = task.Jobs.FirstOrDefault(j => j.ErrorCode != null);
                            Fail(file, MigrationStage.Wait, "VodTranscodeFailed", new InvalidOperationException(outcome.Message), errorCode: job?.ErrorCode);
                            break;
                        case TranscodeWaitVerdict.Unavailable:
                            Fail(file, MigrationStage.Wait, "VodTranscodeTaskUnavailable", error!, retryable: true);
                            break;
                        case TranscodeWaitVerdict.PollFailed:
                            Events.Enqueue(new MigrationEvent(null, null, outcome.Message));
                            continue;
                        default:
                            continue;
                    }
                    watched.Remove(file.TaskId!);
                    settled.Add(file);
                }
                if (settled.Count > 0) await RecordAsync(settled, MigrationStage.Wait, _parameters.Snapshot ? MigrationState.Transcoded : MigrationState.Done).ConfigureAwait(false);
            }
        }

        /// <summary>Polls the due tasks concurrently: those with at most ten known jobs share GetTranscodeTask calls by JobIds, the others are asked for by task id.</summary>
        private async Task<IReadOnlyList<(MigrationFile File, TranscodeTask? Task, Exception? Error)>> PollAsync(IReadOnlyList<MigrationFile> due, InFlightLimit slots, CancellationToken cancellationToken)
        {
            var calls = new List<List<MigrationFile>>();
            var current = new List<MigrationFile>();
            var jobsInCurrent = 0;
            foreach (var file in due)
            {
                var jobs = JobIds(file).Count;
                if (jobs == 0 || jobs > VodService.MaxJobBatch)
                {
                    calls.Add(new List<MigrationFile> { file });
                    continue;
                }
                if (jobsInCurrent + jobs > VodService.MaxJobBatch)
                {
                    calls.Add(current);
                    current = new List<MigrationFile>();
                    jobsInCurrent = 0;
                }
                current.Add(file);
                jobsInCurrent += jobs;
            }
            if (current.Count > 0) calls.Add(current);

            var polls = calls.Select(async files =>
            {
                await slots.WaitAsync(cancellationToken).ConfigureAwait(false);
                try
                {
                    return await PollCallAsync(files, cancellationToken).ConfigureAwait(false);
                }
                finally
                {
                    slots.Release();
                }
            }).ToList();
            return (await Task.WhenAll(polls).ConfigureAwait(false)).SelectMany(r => r).ToList();
        }

        private async Task<IReadOnlyList<(MigrationFile, TranscodeTask?, Exception?)>> PollCallAsync(IReadOnlyList<MigrationFile> files, CancellationToken cancellationToken)
        {
            var results = new List<(MigrationFile, TranscodeTask?, Exception?)>();
            try
            {
                if (JobIds(files[0]).Count == 0 || JobIds(files[0]).Count > VodService.MaxJobBatch)
                {
                    results.Add((files[0], await _vod.GetTranscodeTaskAsync(files[0].TaskId!, cancellationToken).ConfigureAwait(false), null));
                    return results;
                }
                var jobs = await _vod.GetTranscodeJobsAsync(files.SelectMany(JobIds).ToList(), cancellationToken).ConfigureAwait(false);
                foreach (var file in files)
                {
                    var task = FromJobs(file, jobs);
                    // a job VOD did not list: ask for the task itself
                    results.Add(task != null ? (file, task, null) : (file, await _vod.GetTranscodeTaskAsync(file.TaskId!, cancellationToken).ConfigureAwait(false), null));
                }
            }
            catch (Exception e) when (!cancellationToken.IsCancellationRequested && !_isFatal(e))
            {
                foreach (var file in files.Skip(results.Count)) results.Add((file, null, e));
            }
            return results;
        }

        private static IReadOnlyList<string> JobIds(MigrationFile file) =>
            file.JobIds == null ? Array.Empty<string>() : file.JobIds.Split(new[] { ',' }, StringSplitOptions.RemoveEmptyEntries);

        /// <summary>
        /// The task as its jobs show it (<see cref="TranscodeRules.StatusOfJobs"/>); null when a job is missing from the answer.
        /// </summary>
        internal static TranscodeTask? FromJobs(MigrationFile file, IReadOnlyList<TranscodeJob> answered)
        {
            var jobs = JobIds(file).Select(id => answered.FirstOrDefault(j => j.JobId == id)).ToList();
            if (jobs.Any(j => j == null)) return null;
            return new TranscodeTask { TaskId = file.TaskId!, MediaId = file.MediaId ?? string.Empty, Status = TranscodeRules.StatusOfJobs(jobs!), Jobs = jobs! };
        }

        /// <summary>Records a file's failure; whether a plain rerun takes it up is <see cref="MigrationFailures.IsRetryable"/>'s to say unless the caller knows.</summary>
        private static void Fail(MigrationFile file, MigrationStage stage, string errorId, Exception error, bool? retryable = null, string? errorCode = null)
        {
            var cloud = error as CloudException ?? error.InnerException as CloudException;
            file.Progress = MigrationState.Failed;
            file.FailedAt = stage;
            file.ErrorId = error is ValidationException invalid ? invalid.ErrorId : error is OutcomeUnknownException unknown ? unknown.ErrorId : errorId;
            file.ErrorCode = errorCode ?? cloud?.Code;
            file.Retryable = retryable ?? MigrationFailures.IsRetryable(error, file.ErrorCode);
            file.RequestId = cloud?.RequestId ?? file.RequestId;
            file.Message = error.Message;
            file.Error = error;
        }

        /// <summary>
        /// Commits the files' new states, then counts them and reports the finished and the failed. A failure that makes
        /// <see cref="MigrationCircuit.Threshold"/> alike in a row stops the run (<see cref="MigrationCircuitException"/>).
        /// </summary>
        private async Task RecordAsync(IReadOnlyList<MigrationFile> files, MigrationStage stage, MigrationState passed)
        {
            await _journal.UpdateAsync(files).ConfigureAwait(false);
            MigrationCircuitException? broken = null;
            foreach (var file in files)
            {
                if (file.Progress == MigrationState.Failed) _meters[file.FailedAt!.Value].Fail();
                else if (file.Progress == passed) _meters[stage].Pass();
                if (_circuit.Count(file.FailedAt ?? stage, file) && broken == null) broken = new MigrationCircuitException(file, _parameters.Bucket, file.Error!);
                else if (file.Progress == MigrationState.Done || file.Progress == MigrationState.Failed) Events.Enqueue(new MigrationEvent(file, file.Error, null));
                file.Error = null;
            }
            if (broken != null) throw broken;
        }
    }
}
