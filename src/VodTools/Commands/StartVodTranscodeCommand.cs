using System.Linq;
using System.Management.Automation;
using System.Threading.Tasks;
using System.Threading;
using System;
using VodTools.Commands.Common;
using VodTools.Commands.Pipeline;
using VodTools.Model;
using VodTools.Services;

namespace VodTools.Commands
{
    /// <summary>
    /// <para type="synopsis">Transcodes media in VOD with a template group (SubmitTranscodeJobs), once per media and group.</para>
    /// <para type="description">Takes media ids or VodMedia objects from the pipeline and emits one TranscodeTask per media in
    /// input order. Calls run concurrently (-ThrottleLimit) within the account's QPS quota.</para>
    /// <para type="description">It does not transcode twice. Each call carries a SessionId derived from the media and the
    /// template group, and VOD answers a SessionId it has seen in the last 7 days with the task it started then. Media that
    /// Register-VodMedia registered with the same template group are transcoded by VOD itself (Trigger Auto): for a
    /// VodMedia whose TemplateGroupId is this group, the cmdlet looks the media's tasks up (ListTranscodeTask) and emits the
    /// newest task of that group instead of submitting; for freshly registered media (NewRegister) it waits up to 15
    /// seconds for VOD's own task to appear. -Force submits a new task anyway.</para>
    /// </summary>
    [Cmdlet(VerbsLifecycle.Start, "VodTranscode", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(TranscodeTask))]
    public sealed class StartVodTranscodeCommand : VodCmdletBase
    {
        /// <summary>How long to wait for the task VOD starts itself for freshly registered media.</summary>
        internal static readonly TimeSpan AutoTaskWait = TimeSpan.FromSeconds(15);

        private readonly string _forceSalt = Guid.NewGuid().ToString("N");
        private OrderedWork? _work;
        private int _started;
        private int _failed;
        private DateTime _lastProgress = DateTime.MinValue;

        /// <summary>The media (video or audio) to transcode. Binds from VodMedia.MediaId and TranscodeTask.MediaId.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("VideoId")]
        [ValidateNotNullOrEmpty]
        public string MediaId { get; set; } = string.Empty;

        /// <summary>The transcode template group. Binds from VodMedia.TemplateGroupId when not given.</summary>
        [Parameter(Position = 1, ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(Completion.CloudNameCompleter))]
        public string? TemplateGroupId { get; set; }

        /// <summary>The jobs' priority in the pipeline, 1 (lowest) to 10. VOD's default is 6.</summary>
        [Parameter]
        [ValidateRange(1, 10)]
        public int? Priority { get; set; }

        /// <summary>The MPS pipeline to run the jobs in. Default: VOD's.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? PipelineId { get; set; }

        /// <summary>JSON object overriding template settings (watermarks, subtitles), e.g. '{"Watermark":[…]}'.</summary>
        [Parameter]
        public string? OverrideParams { get; set; }

        /// <summary>JSON object of HLS encryption settings: CipherText, DecryptKeyUri, KeyServiceType.</summary>
        [Parameter]
        public string? EncryptConfig { get; set; }

        /// <summary>Custom JSON object passed back in callbacks, e.g. '{"Extend":{"run":"migration"}}'.</summary>
        [Parameter]
        public string? UserData { get; set; }

        /// <summary>Submit a new task even when the media already has one for this group (from VOD or an earlier run).</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        /// <summary>How many media are looked up and submitted at once. Default 8.</summary>
        [Parameter]
        [ValidateRange(1, 64)]
        public int ThrottleLimit { get; set; } = 8;

        /// <summary>The piped object itself: a VodMedia tells whether VOD may already transcode it; also the target of its error record.</summary>
        [Parameter(ValueFromPipeline = true, DontShow = true)]
        public PSObject? InputObject { get; set; }

        protected override void BeginProcessing()
        {
            try
            {
                OverrideParams = VodLimits.JsonObject(OverrideParams, nameof(OverrideParams));
                EncryptConfig = VodLimits.JsonObject(EncryptConfig, nameof(EncryptConfig));
                UserData = VodLimits.JsonObject(UserData, nameof(UserData));
            }
            catch (ValidationException e)
            {
                ThrowTerminatingError(new ErrorRecord(e, e.ErrorId, ErrorCategory.InvalidArgument, null));
            }
            _work = new OrderedWork(ThrottleLimit);
        }

        protected override void ProcessRecord()
        {
            var work = _work!;
            var input = (object?)InputObject ?? MediaId;
            var group = TemplateGroupId;
            if (string.IsNullOrEmpty(group) || group == RegisterVodMediaCommand.NoTranscode)
            {
                var e = new ValidationException("VodTemplateGroupMissing",
                    $"Give -TemplateGroupId for {MediaId}: {RegisterVodMediaCommand.NoTranscode} means no transcoding, and SubmitTranscodeJobs needs a template group.", "TemplateGroupId");
                WriteError(new ErrorRecord(e, e.ErrorId, ErrorCategory.InvalidArgument, input));
                _failed++;
                return;
            }
            if (!ShouldProcess(MediaId, $"Transcode with template group {group}")) return;

            var media = InputObject?.BaseObject as VodMedia;
            var lookUp = !Force && media != null && media.MediaId == MediaId && media.TemplateGroupId == group;
            var waitForAuto = lookUp && media!.NewRegister == true;
            var submission = new TranscodeSubmission
            {
                MediaId = MediaId,
                TemplateGroupId = group!,
                Priority = Priority,
                PipelineId = PipelineId,
                OverrideParams = OverrideParams,
                EncryptConfig = EncryptConfig,
                UserData = UserData,
                SessionId = TranscodeRules.SessionId(MediaId, group!, Force ? _forceSalt : null),
            };
            var slot = work.Reserve();
            var vod = Session.Vod;
            var cancellation = Cancellation;
            work.Start(async () =>
            {
                try
                {
                    var task = lookUp ? await FindTaskAsync(vod, submission, waitForAuto, cancellation).ConfigureAwait(false) : null;
                    task ??= await vod.SubmitTranscodeJobsAsync(submission, cancellation).ConfigureAwait(false);
                    work.Complete(slot, () => { _started++; WriteObject(task); });
                }
                catch (Exception e) when (!(e is OperationCanceledException && cancellation.IsCancellationRequested))
                {
                    work.Complete(slot, () => { _failed++; WriteItemError(e, "VodTranscodeNotSubmitted", input); });
                }
            }, cancellation);

            work.Throttle(WaitDraining, Cancellation);
            FlushDiagnostics();
            ReportProgress(completed: false);
        }

        protected override void EndProcessing()
        {
            var work = _work!;
            work.Finish(WaitDraining, () => ReportProgress(completed: false), Cancellation);
            ReportProgress(completed: true);
            work.Dispose();
        }

        /// <summary>The media's newest task of the group; for fresh registrations, waits with backoff for VOD to start it.</summary>
        private static async Task<TranscodeTask?> FindTaskAsync(VodService vod, TranscodeSubmission submission, bool waitForAuto, CancellationToken cancellation)
        {
            var waited = TimeSpan.Zero;
            var delay = PollBackoff.First;
            while (true)
            {
                var task = await vod.FindTranscodeTaskAsync(submission.MediaId, submission.TemplateGroupId, cancellation).ConfigureAwait(false);
                if (task != null || !waitForAuto || waited >= AutoTaskWait) return task;
                await Task.Delay(delay, cancellation).ConfigureAwait(false);
                waited += delay;
                delay = PollBackoff.Next(delay, null);
            }
        }

        private void ReportProgress(bool completed)
        {
            if (!completed && (DateTime.UtcNow - _lastProgress).TotalMilliseconds < 500) return;
            _lastProgress = DateTime.UtcNow;
            var record = new ProgressRecord(2, "Starting VOD transcodes", $"{_started} started, {_failed} failed, {_work!.Pending} in progress");
            if (completed) record.RecordType = ProgressRecordType.Completed;
            WriteProgress(record);
        }
    }
}
