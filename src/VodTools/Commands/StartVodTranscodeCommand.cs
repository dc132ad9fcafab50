using System.Management.Automation;
using System;
using VodTools.Api.Http;
using VodTools.Commands.Common;
using VodTools.Commands.Pipeline;
using VodTools.Model;
using VodTools.Services.Transcode;
using VodTools.Services.Vod;
using VodTools.Services;

namespace VodTools.Commands
{
    /// <summary>
    /// <para type="synopsis">Transcodes media in VOD with a template group (SubmitTranscodeJobs), once per media and group.</para>
    /// <para type="description">Takes media ids or VodMedia objects from the pipeline and emits one TranscodeTask per media in
    /// input order. Calls run concurrently within the account's QPS quota, as many as reach it over the measured round trip (at most -ThrottleLimit).</para>
    /// <para type="description">The template group is -TemplateGroupId, else the one a piped VodMedia carries, else the app's
    /// default group (read once per run), so Get-OssObject | Register-VodMedia | Start-VodTranscode | Wait-VodTranscode needs
    /// no group at all. A piped media that carries VOD_NO_TRANSCODE (Register-VodMedia's default: registered without
    /// transcoding) is transcoded with the default group too, as asking this cmdlet means asking for a transcode; with no
    /// default group (Set-VodDefaultTranscodeTemplateGroup sets one) such a media is a VodTemplateGroupMissing error.</para>
    /// <para type="description">It does not transcode twice. Before submitting, it looks the media's tasks up
    /// (ListTranscodeTask) and emits the newest task of the group if there is one; only media that Register-VodMedia has
    /// just created without a template group skip the look-up (they cannot have a task yet). VOD transcodes some media by
    /// itself (Trigger Auto): those just registered with a group, and those just uploaded (Send-VodMedia) or pulled
    /// (Import-VodMediaFromUrl, then Get-VodUrlUploadJob -Wait) with a group or, when none was named, with the account's
    /// default group. When that is the group asked for, it waits up to 15 seconds for VOD's own task to appear.
    /// Each submission also carries a SessionId derived from the media and the group, which VOD refuses to accept twice
    /// within 7 days; when a submission fails in a way that may mean it was done (its answer lost on the way, or that
    /// refusal), the task is looked up again and emitted, so a rerun or a retry never shows an error for a task that
    /// exists. -Resubmit submits a new task anyway, without either look-up.</para>
    /// </summary>
    [Cmdlet(VerbsLifecycle.Start, "VodTranscode", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(TranscodeTask))]
    public sealed class StartVodTranscodeCommand : VodCmdletBase
    {
        /// <summary>How long to wait for the task VOD starts itself for freshly registered media.</summary>
        internal static readonly TimeSpan AutoTaskWait = TimeSpan.FromSeconds(15);

        private readonly string _resubmitSalt = Guid.NewGuid().ToString("N");
        /// <summary>The account's default template group once read (VOD_NO_TRANSCODE when it has none, empty when it could not be read).</summary>
        private string? _defaultGroup;
        /// <summary>Why the default template group could not be read, if it could not.</summary>
        private string? _defaultGroupUnread;
        private OrderedWork? _work;
        private int _started;
        private int _failed;
        private readonly ProgressThrottle _progress = new ProgressThrottle();

        /// <summary>The media (video or audio) to transcode. Binds from VodMedia.MediaId and TranscodeTask.MediaId.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("VideoId")]
        [ValidateNotNullOrEmpty]
        public string MediaId { get; set; } = string.Empty;

        /// <summary>The transcode template group. Binds from VodMedia.TemplateGroupId when not given. Default: the app's default group, also for media that carry VOD_NO_TRANSCODE (registered without transcoding).</summary>
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
        public SwitchParameter Resubmit { get; set; }

        /// <summary>The most media looked up and submitted in flight at once, 1 to 256. Default 64. As many run as reach SubmitTranscodeJobs's quota over the round trip measured as they go: a few near the region, more from far away.</summary>
        [Parameter]
        [ValidateRange(1, InFlightLimit.MaxCeiling)]
        public int ThrottleLimit { get; set; } = InFlightLimit.DefaultCeiling;

        /// <summary>The piped object itself: a VodMedia tells whether VOD may already transcode it; also the target of its error record.</summary>
        [Parameter(ValueFromPipeline = true, DontShow = true)]
        public PSObject? InputObject { get; set; }

        protected override void BeginProcessing()
        {
            this.CheckParameters(() =>
            {
                // only a group given here (the pipeline binds later) can be refused for all: VOD_NO_TRANSCODE transcodes nothing
                if (TemplateGroupId == VodService.NoTranscode)
                    throw new ValidationException("VodTemplateGroupMissing",
                        $"-TemplateGroupId {VodService.NoTranscode} means no transcoding: give the group to transcode with, or leave it out for the app's default group.", nameof(TemplateGroupId));
                OverrideParams = VodLimits.JsonObject(OverrideParams, nameof(OverrideParams));
                EncryptConfig = VodLimits.JsonObject(EncryptConfig, nameof(EncryptConfig));
                UserData = VodLimits.JsonObject(UserData, nameof(UserData));
            });
            _work = new OrderedWork(Session.Vod.CallsInFlight("SubmitTranscodeJobs", ThrottleLimit));
        }

        protected override void ProcessRecord()
        {
            var work = _work!;
            var input = (object?)InputObject ?? MediaId;
            var group = string.IsNullOrEmpty(TemplateGroupId) || TemplateGroupId == VodService.NoTranscode ? DefaultGroup() : TemplateGroupId;
            if (group == null || group == VodService.NoTranscode)
            {
                var e = TranscodeRules.NoTemplateGroup(_defaultGroupUnread);
                WriteItemError(e, e.ErrorId, input);
                _failed++;
                return;
            }
            if (!ShouldProcess(MediaId, $"Transcode with template group {group}")) return;

            // Only a media VOD has just created with VOD_NO_TRANSCODE surely has no task yet; any other is looked up
            // first, and one VOD has just created with this group is given time for the task VOD starts itself.
            var media = InputObject?.BaseObject as VodMedia;
            var pulled = InputObject?.BaseObject as VodUrlUploadJob;
            var title = media?.Title ?? pulled?.Title;
            var fresh = (media != null && media.MediaId == MediaId && media.NewRegister == true)
                || (pulled != null && pulled.MediaId == MediaId && pulled.Succeeded);
            var resubmit = Resubmit.IsPresent;
            var ownGroup = fresh && !resubmit ? OwnGroupOf(media) : null;
            var lookFirst = !(fresh && ownGroup == VodService.NoTranscode);
            var waitForAuto = lookFirst && fresh && ownGroup == group ? AutoTaskWait : TimeSpan.Zero;
            var submission = new TranscodeSubmission
            {
                MediaId = MediaId,
                TemplateGroupId = group!,
                Priority = Priority,
                PipelineId = PipelineId,
                OverrideParams = OverrideParams,
                EncryptConfig = EncryptConfig,
                UserData = UserData,
                SessionId = TranscodeRules.SessionId(MediaId, group!, resubmit ? _resubmitSalt : null),
            };
            var slot = work.Reserve();
            var vod = Session.Vod;
            var cancellation = Cancellation;
            work.Start(async () =>
            {
                try
                {
                    // -Resubmit asks for a new task: no look-up before or after (an old task would pass for the new one)
                    var task = resubmit
                        ? await vod.SubmitTranscodeJobsAsync(submission, cancellation).ConfigureAwait(false)
                        : await vod.TranscodeOnceAsync(submission, lookFirst, waitForAuto, cancellation).ConfigureAwait(false);
                    task.Title ??= title;
                    work.Complete(slot, () => { _started++; ReportProgress(completed: false); WriteObject(task); });
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

        /// <summary>
        /// The group VOD transcodes a media it has just created with: the one it was created with, else (an upload or a
        /// pull that named none) the account's default group; null when that cannot be read.
        /// </summary>
        private string? OwnGroupOf(VodMedia? media) => media?.TemplateGroupId ?? DefaultGroup();

        /// <summary>The account's default template group (VOD_NO_TRANSCODE when it has none), read once per run; null when it could not be read.</summary>
        private string? DefaultGroup()
        {
            if (_defaultGroup == null)
            {
                try
                {
                    _defaultGroup = Await(Session.Vod.DefaultTemplateGroupIdAsync(Cancellation));
                }
                catch (Api.Http.CloudException e)
                {
                    WriteVerbose($"The default template group could not be read ({e.Code}): VOD's own transcode of new media is looked for once, not waited for.");
                    _defaultGroupUnread = e.Code;
                    _defaultGroup = string.Empty;
                }
            }
            return _defaultGroup.Length == 0 ? null : _defaultGroup;
        }

        protected override void EndProcessing()
        {
            var work = _work!;
            work.Finish(WaitDraining, () => ReportProgress(completed: false), Cancellation);
            ReportProgress(completed: true);
            work.Dispose();
        }

        private void ReportProgress(bool completed)
        {
            if (!_progress.Due(completed)) return;
            var record = new ProgressRecord(2, "Starting VOD transcodes", $"{_started} started, {_failed} failed, {_work!.Pending} in progress");
            if (completed) record.RecordType = ProgressRecordType.Completed;
            WriteProgress(record);
        }
    }
}
