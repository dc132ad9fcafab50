using System.Collections.Generic;
using System.Linq;
using System;
using VodTools.Api.Http;
using VodTools.Model;
using VodTools.Services.Pacing;

namespace VodTools.Services.Transcode
{
    /// <summary>
    /// When to poll each transcode task, and what its answers mean. Each task is first looked at after 1 second (after
    /// about as long as the quickest finished task took, once one has finished), then about when its progress says it
    /// will be done, backing off when it reports none, never more than 10 seconds apart (sooner with a short timeout):
    /// every poll spends the quota SubmitTranscodeJobs needs too. The caller polls; the clock is injected.
    /// </summary>
    public sealed class TranscodeWaitScheduler
    {
        /// <summary>
        /// Polls in a row that may fail after all their attempts (5xx, throttling, dropped connection) before the task
        /// is reported: the task goes on in VOD, so a bad minute of the API is waited out rather than reported.
        /// </summary>
        public const int MaxFailedPolls = 3;

        /// <summary>Tasks due this soon are polled with the ones due now, so staggered arrivals share wake-ups.</summary>
        private static readonly TimeSpan Coalesce = TimeSpan.FromMilliseconds(250);

        private readonly Dictionary<string, Watch> _watches = new Dictionary<string, Watch>(StringComparer.Ordinal);
        private readonly TimeSpan? _timeout;
        private readonly Func<DateTime> _utcNow;
        /// <summary>The shortest time a task took to finish from when it was added; the first look at later tasks waits about that long.</summary>
        private TimeSpan? _shortestRun;

        public TranscodeWaitScheduler(TimeSpan? timeout, Func<DateTime>? utcNow = null)
        {
            _timeout = timeout;
            _utcNow = utcNow ?? (() => DateTime.UtcNow);
        }

        public int Succeeded { get; private set; }
        public int Failed { get; private set; }
        public int Running => _watches.Count;

        /// <summary>Mean progress of all tasks seen, finished ones at 100 %.</summary>
        public int PercentComplete
        {
            get
            {
                var total = Succeeded + Failed + _watches.Count;
                return total == 0 ? 0 : (int)(((Succeeded + Failed) * 100.0 + _watches.Values.Sum(w => w.Last?.Progress ?? 0)) / total);
            }
        }

        /// <summary>Starts watching a task; one already watched is left as it is.</summary>
        public void Add(string taskId)
        {
            if (_watches.ContainsKey(taskId)) return;
            var now = _utcNow();
            var firstLook = _shortestRun == null ? PollBackoff.First : PollBackoff.Clamp(TimeSpan.FromTicks(_shortestRun.Value.Ticks * 9 / 10), _timeout);
            _watches[taskId] = new Watch(taskId, now, now + _timeout, firstLook);
        }

        /// <summary>The tasks to poll now.</summary>
        public IReadOnlyList<string> Due()
        {
            var now = _utcNow();
            return _watches.Values.Where(w => w.NextPoll <= now + Coalesce).Select(w => w.TaskId).ToList();
        }

        /// <summary>How long until the next task is due (zero when one is); null when nothing is watched.</summary>
        public TimeSpan? UntilNext()
        {
            if (_watches.Count == 0) return null;
            var wait = _watches.Values.Min(w => w.NextPoll) - _utcNow();
            return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
        }

        /// <summary>Settles a task's answer: finished, out of time, or when to look again.</summary>
        public TranscodeWaitOutcome Answered(string taskId, TranscodeTask task)
        {
            var watch = _watches[taskId];
            watch.Last = task;
            watch.FailedPolls = 0;
            var now = _utcNow();
            if (task.IsComplete)
            {
                _watches.Remove(taskId);
                var run = now - watch.Started;
                if (_shortestRun == null || run < _shortestRun) _shortestRun = run;
                if (task.Status == "CompleteAllSucc")
                {
                    Succeeded++;
                    return new TranscodeWaitOutcome(taskId, TranscodeWaitVerdict.Succeeded, task, null);
                }
                Failed++;
                return new TranscodeWaitOutcome(taskId, TranscodeWaitVerdict.Failed, task, TranscodeRules.FailureMessage(task));
            }
            if (watch.Deadline <= now)
            {
                _watches.Remove(taskId);
                Failed++;
                return new TranscodeWaitOutcome(taskId, TranscodeWaitVerdict.TimedOut, task,
                    $"Transcode task {task.TaskId} of media {task.MediaId} is still {task.Status} ({task.Progress}%) after {_timeout!.Value.TotalSeconds:0} s; it goes on in VOD.");
            }
            watch.Interval = PollBackoff.Next(watch.Interval, _timeout);
            // With progress to go by, look again about when it should reach 100 % (linear), within the same bounds.
            var progress = task.Progress;
            var next = now + (progress > 0 && progress < 100
                ? PollBackoff.Clamp(TimeSpan.FromTicks((now - watch.Started).Ticks * (100 - progress) / progress), _timeout)
                : watch.Interval);
            watch.NextPoll = watch.Deadline < next ? watch.Deadline.Value : next;
            return new TranscodeWaitOutcome(taskId, TranscodeWaitVerdict.Running, task, null);
        }

        /// <summary>Settles a poll that failed after all its attempts: waited out when it may pass, else the task is unavailable.</summary>
        public TranscodeWaitOutcome PollFailed(string taskId, Exception error)
        {
            var watch = _watches[taskId];
            if (error is CloudException cloud && MayPass(cloud) && ++watch.FailedPolls < MaxFailedPolls && !(watch.Deadline <= _utcNow()))
            {
                watch.Interval = PollBackoff.Next(watch.Interval, _timeout);
                watch.NextPoll = _utcNow() + watch.Interval;
                return new TranscodeWaitOutcome(taskId, TranscodeWaitVerdict.PollFailed, watch.Last,
                    $"Task {taskId}: {cloud.Code} after every attempt ({watch.FailedPolls} of {MaxFailedPolls} polls in a row); polling again in {watch.Interval.TotalSeconds:0.#} s.");
            }
            _watches.Remove(taskId);
            Failed++;
            return new TranscodeWaitOutcome(taskId, TranscodeWaitVerdict.Unavailable, watch.Last, error.Message);
        }

        /// <summary>Worth another poll later: a retryable answer (5xx, throttling) or a dropped connection, not an unreachable endpoint.</summary>
        private static bool MayPass(CloudException error) => RetryPolicy.IsRetryable(error) && (!error.IsTransportFailure || error.ConnectionClosed);

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
            public int FailedPolls { get; set; }
        }
    }
}
