using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using VodTools.Api.Http;
using VodTools.Model;
using VodTools.Services;

namespace VodTools.Commands
{
    /// <summary>
    /// <para type="synopsis">Waits for VOD transcode tasks to finish and emits each one as it completes.</para>
    /// <para type="description">Takes TranscodeTask objects (from Start-VodTranscode or Get-VodTranscodeTask) or task ids from
    /// the pipeline and polls GetTranscodeTask for each: first after 1 second (after about as long as the quickest finished
    /// task took, once one has finished), then about when its progress says it will be done, backing off when it reports
    /// none, never more than 10 seconds apart (sooner with a short -Timeout). Polls share VOD's 30 calls/s group with
    /// SubmitTranscodeJobs, so fewer polls leave more room for Start-VodTranscode earlier in the pipeline. Tasks are
    /// emitted in the order they complete, not in input order, while one
    /// progress bar shows how many are done and their mean progress. A task that ends CompleteAllFail or
    /// CompletePartialSucc is a non-terminating error (VodTranscodeFailed) naming each failed job and its ErrorCode, with
    /// the task as its target object; a task still running after -Timeout is a VodTranscodeTimeout error. Ctrl+C stops
    /// waiting at once; the tasks go on in VOD.</para>
    /// </summary>
    [Cmdlet(VerbsLifecycle.Wait, "VodTranscode")]
    [OutputType(typeof(TranscodeTask))]
    public sealed class WaitVodTranscodeCommand : VodCmdletBase
    {
        /// <summary>Tasks due this soon are polled with the ones due now, so staggered arrivals share wake-ups.</summary>
        private static readonly TimeSpan Coalesce = TimeSpan.FromMilliseconds(250);

        private readonly Dictionary<string, Watch> _watches = new Dictionary<string, Watch>(StringComparer.Ordinal);
        private int _succeeded;
        private int _failed;
        private DateTime _lastProgress = DateTime.MinValue;
        /// <summary>The shortest time a task took to finish from when it reached this cmdlet; the first look at later tasks waits about that long.</summary>
        private TimeSpan? _shortestRun;

        /// <summary>The transcode task to wait for. Binds from TranscodeTask.TaskId.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("TranscodeTaskId")]
        [ValidateNotNullOrEmpty]
        public string[] TaskId { get; set; } = Array.Empty<string>();

        /// <summary>Seconds each task may take from when it reaches this cmdlet; then it is reported as timed out. Default: no limit.</summary>
        [Parameter]
        [ValidateRange(1, int.MaxValue)]
        public int? Timeout { get; set; }

        /// <summary>How many GetTranscodeTask calls run at once. Default 8.</summary>
        [Parameter]
        [ValidateRange(1, 64)]
        public int ThrottleLimit { get; set; } = 8;

        private sealed class Watch
        {
            public Watch(string taskId, DateTime now, DateTime? deadline, TimeSpan firstLook)
            {
                TaskId = taskId;
                Deadline = deadline;
                Started = now;
                NextPoll = deadline < now + firstLook ? deadline.Value : now + firstLook;
                Interval = PollBackoff.First;
            }

            public string TaskId { get; }
            public DateTime Started { get; }
            public DateTime? Deadline { get; }
            public DateTime NextPoll { get; set; }
            public TimeSpan Interval { get; set; }
            public TranscodeTask? Last { get; set; }
            /// <summary>Polls in a row that failed after all their attempts with a retryable error.</summary>
            public int FailedPolls { get; set; }
        }

        /// <summary>
        /// Polls in a row that may fail after all their attempts (5xx, throttling, dropped connection) before the task
        /// is reported: the task goes on in VOD, so a bad minute of the API is waited out rather than reported.
        /// </summary>
        internal const int MaxFailedPolls = 3;

        private TimeSpan? Limit => Timeout == null ? (TimeSpan?)null : TimeSpan.FromSeconds(Timeout.Value);

        protected override void ProcessRecord()
        {
            var now = DateTime.UtcNow;
            // Every poll spends the group quota SubmitTranscodeJobs needs too (30/s): once a task has finished, later
            // ones are first looked at after about as long, not after 1 s and a series of early looks.
            var firstLook = _shortestRun == null ? PollBackoff.First : PollBackoff.Clamp(TimeSpan.FromTicks(_shortestRun.Value.Ticks * 9 / 10), Limit);
            foreach (var id in TaskId.Where(id => !_watches.ContainsKey(id)))
                _watches[id] = new Watch(id, now, now + Limit, firstLook);
            PollDue();
            ReportProgress(completed: false);
        }

        protected override void EndProcessing()
        {
            while (_watches.Count > 0)
            {
                var next = _watches.Values.Min(w => w.NextPoll) - DateTime.UtcNow;
                if (next > TimeSpan.Zero) WaitDraining(Task.Delay(next, Cancellation));
                if (Cancellation.IsCancellationRequested) throw new PipelineStoppedException();
                PollDue();
                ReportProgress(completed: false);
            }
            ReportProgress(completed: true);
        }

        /// <summary>Polls every task that is due, concurrently, then settles each on the pipeline thread.</summary>
        private void PollDue()
        {
            var now = DateTime.UtcNow;
            var due = _watches.Values.Where(w => w.NextPoll <= now + Coalesce).ToList();
            if (due.Count == 0) return;
            var vod = Session.Vod;
            var cancellation = Cancellation;
            using var slots = new SemaphoreSlim(ThrottleLimit);
            var polls = due.Select(async watch =>
            {
                await slots.WaitAsync(cancellation).ConfigureAwait(false);
                try
                {
                    return (watch, task: await vod.GetTranscodeTaskAsync(watch.TaskId, cancellation).ConfigureAwait(false), error: (Exception?)null);
                }
                catch (Exception e) when (!(e is OperationCanceledException && cancellation.IsCancellationRequested))
                {
                    return (watch, task: (TranscodeTask?)null, error: e);
                }
                finally
                {
                    slots.Release();
                }
            }).ToList();
            foreach (var (watch, task, error) in Await(Task.WhenAll(polls)))
            {
                if (error is CloudException cloud && IsPassing(cloud) && ++watch.FailedPolls < MaxFailedPolls && !(watch.Deadline <= DateTime.UtcNow))
                {
                    watch.Interval = PollBackoff.Next(watch.Interval, Limit);
                    watch.NextPoll = DateTime.UtcNow + watch.Interval;
                    WriteVerbose($"Task {watch.TaskId}: {cloud.Code} after every attempt ({watch.FailedPolls} of {MaxFailedPolls} polls in a row); polling again in {watch.Interval.TotalSeconds:0.#} s.");
                }
                else if (error != null)
                {
                    _watches.Remove(watch.TaskId);
                    _failed++;
                    WriteItemError(error, "VodTranscodeTaskUnavailable", watch.TaskId);
                }
                else
                {
                    watch.FailedPolls = 0;
                    Settle(watch, task!);
                }
            }
        }

        /// <summary>Worth another poll later: a retryable answer (5xx, throttling) or a dropped connection, not an unreachable endpoint.</summary>
        private static bool IsPassing(CloudException error) => RetryPolicy.IsRetryable(error) && (!error.IsTransportFailure || error.ConnectionClosed);

        private void Settle(Watch watch, TranscodeTask task)
        {
            watch.Last = task;
            var now = DateTime.UtcNow;
            if (task.IsComplete)
            {
                _watches.Remove(watch.TaskId);
                var run = now - watch.Started;
                if (_shortestRun == null || run < _shortestRun) _shortestRun = run;
                if (task.Status == "CompleteAllSucc")
                {
                    _succeeded++;
                    WriteObject(task);
                }
                else
                {
                    _failed++;
                    var error = new InvalidOperationException(TranscodeRules.FailureMessage(task));
                    WriteError(new ErrorRecord(error, "VodTranscodeFailed", ErrorCategory.InvalidResult, task));
                }
            }
            else if (watch.Deadline <= now)
            {
                _watches.Remove(watch.TaskId);
                _failed++;
                var error = new TimeoutException($"Transcode task {task.TaskId} of media {task.MediaId} is still {task.Status} ({task.Progress}%) after {Timeout} s; it goes on in VOD.");
                WriteError(new ErrorRecord(error, "VodTranscodeTimeout", ErrorCategory.OperationTimeout, task));
            }
            else
            {
                watch.Interval = PollBackoff.Next(watch.Interval, Limit);
                // With progress to go by, look again about when it should reach 100 % (linear), within the same bounds.
                var progress = task.Progress;
                var next = now + (progress > 0 && progress < 100
                    ? PollBackoff.Clamp(TimeSpan.FromTicks((now - watch.Started).Ticks * (100 - progress) / progress), Limit)
                    : watch.Interval);
                watch.NextPoll = watch.Deadline < next ? watch.Deadline.Value : next;
            }
        }


        private void ReportProgress(bool completed)
        {
            if (!completed && (DateTime.UtcNow - _lastProgress).TotalMilliseconds < 500) return;
            _lastProgress = DateTime.UtcNow;
            var running = _watches.Values.ToList();
            var total = _succeeded + _failed + running.Count;
            var record = new ProgressRecord(3, "Waiting for VOD transcodes", $"{_succeeded} done, {_failed} failed, {running.Count} running of {total}");
            if (total > 0) record.PercentComplete = (int)((_succeeded + _failed) * 100.0 + running.Sum(w => w.Last?.Progress ?? 0)) / total;
            if (completed) record.RecordType = ProgressRecordType.Completed;
            WriteProgress(record);
        }
    }
}
