using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Threading.Tasks;
using System;
using VodTools.Api.Http;
using VodTools.Commands.Common;
using VodTools.Commands.Pipeline;
using VodTools.Model;
using VodTools.Services.Transcode;

namespace VodTools.Commands
{
    /// <summary>
    /// <para type="synopsis">Waits for VOD transcode tasks to finish and emits each one as it completes.</para>
    /// <para type="description">Takes TranscodeTask objects (from Start-VodTranscode or Get-VodTranscodeTask) or task ids from
    /// the pipeline and polls each: first after 1 second (after about as long as the quickest finished task took, once one
    /// has finished), then about when its progress says it will be done, backing off when it reports none, never more than
    /// 10 seconds apart (sooner with a short -TimeoutSec). A task whose media is known (a TranscodeTask piped in, or -MediaId)
    /// is looked at ten media a call with GetTranscodeSummary, and read in full only once its media's latest task has
    /// finished: ten jobs a call when its job ids are known (as Start-VodTranscode emits them), else with GetTranscodeTask;
    /// a bare task id is polled with GetTranscodeTask. These calls have a quota of 15 per second each, so a large pipeline
    /// waits at the pace of its transcodes rather than of its polls. Tasks are
    /// emitted in the order they complete, not in input order, while one
    /// progress bar shows how many are done and their mean progress. A task that ends CompleteAllFail or
    /// CompletePartialSucc is a non-terminating error (VodTranscodeFailed) naming each failed job and its ErrorCode, with
    /// the task as its target object; a task still running after -TimeoutSec is a VodTranscodeTimeout error. Ctrl+C stops
    /// waiting at once; the tasks go on in VOD.</para>
    /// </summary>
    [Cmdlet(VerbsLifecycle.Wait, "VodTranscode")]
    [OutputType(typeof(TranscodeTask))]
    public sealed class WaitVodTranscodeCommand : VodCmdletBase
    {
        private TranscodeWaitScheduler? _scheduler;
        /// <summary>The polls' calls in flight, kept across rounds as it learns the round trip.</summary>
        private InFlightLimit? _polls;
        /// <summary>What the pipeline told of each task beyond its id.</summary>
        private readonly Dictionary<string, TranscodePoll> _known = new Dictionary<string, TranscodePoll>(StringComparer.Ordinal);
        private readonly Dictionary<string, string> _titles = new Dictionary<string, string>(StringComparer.Ordinal);
        private readonly ProgressThrottle _progress = new ProgressThrottle();

        /// <summary>The transcode task to wait for. Binds from TranscodeTask.TaskId.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("TranscodeTaskId")]
        [ValidateNotNullOrEmpty]
        public string[] TaskId { get; set; } = Array.Empty<string>();

        /// <summary>The task's media, bound from TranscodeTask.MediaId: with it the task is polled ten media a call.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("VideoId")]
        public string? MediaId { get; set; }

        /// <summary>The task's template group, bound from TranscodeTask.TemplateGroupId: shown on the task when it is read by its jobs.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public string? TemplateGroupId { get; set; }

        /// <summary>The task's jobs, bound from TranscodeTask.Jobs (as Start-VodTranscode emits them): with their ids a finished task is read ten jobs a call.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("Jobs")]
        public TranscodeJob[]? Job { get; set; }

        /// <summary>The media's title, bound from a piped VodMedia or TranscodeTask: carried onto the tasks emitted, so they show which film they are.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true, DontShow = true)]
        public string? Title { get; set; }

        /// <summary>Seconds each task may take from when it reaches this cmdlet; then it is reported as timed out. Default: no limit.</summary>
        [Parameter]
        [ValidateRange(1, int.MaxValue)]
        [Alias("Timeout")]
        public int? TimeoutSec { get; set; }

        /// <summary>The most polling calls in flight at once, 1 to 256. Default 64. As many run as reach GetTranscodeSummary's quota over the round trip measured as they go: a few near the region, more from far away.</summary>
        [Parameter]
        [ValidateRange(1, InFlightLimit.MaxCeiling)]
        public int ThrottleLimit { get; set; } = InFlightLimit.DefaultCeiling;

        private TranscodeWaitScheduler Scheduler => _scheduler ??= new TranscodeWaitScheduler(TimeoutSec == null ? (TimeSpan?)null : TimeSpan.FromSeconds(TimeoutSec.Value));

        protected override void ProcessRecord()
        {
            foreach (var id in TaskId)
            {
                Scheduler.Add(id);
                if (Title != null && TaskId.Length == 1) _titles[id] = Title;
                if (TaskId.Length == 1 && MediaId != null)
                    _known[id] = new TranscodePoll(id, MediaId, TemplateGroupId, Job?.Select(j => j.JobId).Where(j => !string.IsNullOrEmpty(j)).ToList());
            }
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
            _polls?.Dispose();
        }

        /// <summary>Polls every task that is due, concurrently, then settles each on the pipeline thread.</summary>
        private void PollDue()
        {
            var due = Scheduler.Due();
            if (due.Count == 0) return;
            var polls = due.Select(id => _known.TryGetValue(id, out var known) ? known : new TranscodePoll(id)).ToList();
            foreach (var result in Await(new TranscodePoller(Session.Vod).PollAsync(polls, _polls ??= Session.Vod.CallsInFlight("GetTranscodeSummary", ThrottleLimit), Cancellation)))
            {
                var (taskId, task, error) = (result.TaskId, result.Task, result.Error);
                var outcome = error == null ? Scheduler.Answered(taskId, task!) : Scheduler.PollFailed(taskId, error);
                if (outcome.Task != null && _titles.TryGetValue(taskId, out var title)) outcome.Task.Title ??= title;
                if (outcome.Verdict != TranscodeWaitVerdict.Running && outcome.Verdict != TranscodeWaitVerdict.PollFailed)
                {
                    _known.Remove(taskId);
                    _titles.Remove(taskId);
                }
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
            if (!_progress.Due(completed)) return;
            var scheduler = Scheduler;
            var total = scheduler.Succeeded + scheduler.Failed + scheduler.Running;
            var record = new ProgressRecord(3, "Waiting for VOD transcodes", $"{scheduler.Succeeded} done, {scheduler.Failed} failed, {scheduler.Running} running of {total}");
            if (total > 0) record.PercentComplete = scheduler.PercentComplete;
            if (completed) record.RecordType = ProgressRecordType.Completed;
            WriteProgress(record);
        }
    }
}
