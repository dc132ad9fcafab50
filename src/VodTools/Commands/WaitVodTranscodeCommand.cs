using System.Linq;
using System.Management.Automation;
using System.Threading.Tasks;
using System.Threading;
using System;
using VodTools.Commands.Common;
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
        private TranscodeWaitScheduler? _scheduler;
        private DateTime _lastProgress = DateTime.MinValue;

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

        private TranscodeWaitScheduler Scheduler => _scheduler ??= new TranscodeWaitScheduler(Timeout == null ? (TimeSpan?)null : TimeSpan.FromSeconds(Timeout.Value));

        protected override void ProcessRecord()
        {
            foreach (var id in TaskId) Scheduler.Add(id);
            PollDue();
            ReportProgress(completed: false);
        }

        protected override void EndProcessing()
        {
            while (Scheduler.UntilNext() is TimeSpan next)
            {
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
            var due = Scheduler.Due();
            if (due.Count == 0) return;
            var vod = Session.Vod;
            var cancellation = Cancellation;
            using var slots = new SemaphoreSlim(ThrottleLimit);
            var polls = due.Select(async taskId =>
            {
                await slots.WaitAsync(cancellation).ConfigureAwait(false);
                try
                {
                    return (taskId, task: await vod.GetTranscodeTaskAsync(taskId, cancellation).ConfigureAwait(false), error: (Exception?)null);
                }
                catch (Exception e) when (!(e is OperationCanceledException && cancellation.IsCancellationRequested))
                {
                    return (taskId, task: (TranscodeTask?)null, error: e);
                }
                finally
                {
                    slots.Release();
                }
            }).ToList();
            foreach (var (taskId, task, error) in Await(Task.WhenAll(polls)))
            {
                var outcome = error == null ? Scheduler.Answered(taskId, task!) : Scheduler.PollFailed(taskId, error);
                switch (outcome.Verdict)
                {
                    case TranscodeWaitVerdict.Succeeded:
                        WriteObject(outcome.Task);
                        break;
                    case TranscodeWaitVerdict.Failed:
                        WriteError(new ErrorRecord(new InvalidOperationException(outcome.Message), "VodTranscodeFailed", ErrorCategory.InvalidResult, outcome.Task));
                        break;
                    case TranscodeWaitVerdict.TimedOut:
                        WriteError(new ErrorRecord(new TimeoutException(outcome.Message), "VodTranscodeTimeout", ErrorCategory.OperationTimeout, outcome.Task));
                        break;
                    case TranscodeWaitVerdict.PollFailed:
                        WriteVerbose(outcome.Message);
                        break;
                    case TranscodeWaitVerdict.Unavailable:
                        WriteItemError(error!, "VodTranscodeTaskUnavailable", taskId);
                        break;
                }
            }
        }

        private void ReportProgress(bool completed)
        {
            if (!completed && (DateTime.UtcNow - _lastProgress).TotalMilliseconds < 500) return;
            _lastProgress = DateTime.UtcNow;
            var scheduler = Scheduler;
            var total = scheduler.Succeeded + scheduler.Failed + scheduler.Running;
            var record = new ProgressRecord(3, "Waiting for VOD transcodes", $"{scheduler.Succeeded} done, {scheduler.Failed} failed, {scheduler.Running} running of {total}");
            if (total > 0) record.PercentComplete = scheduler.PercentComplete;
            if (completed) record.RecordType = ProgressRecordType.Completed;
            WriteProgress(record);
        }
    }
}
