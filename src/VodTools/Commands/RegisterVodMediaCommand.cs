using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System;
using VodTools.Api.Http;
using VodTools.Commands.Common;
using VodTools.Commands.Pipeline;
using VodTools.Model;
using VodTools.Services.Oss;
using VodTools.Services.Vod;
using VodTools.Services;

namespace VodTools.Commands
{
    /// <summary>
    /// <para type="synopsis">Registers media files that are already in OSS with ApsaraVideo VOD (RegisterMedia).</para>
    /// <para type="description">Takes OSS objects from Get-OssObject (or -FileUrl, or -Bucket and -Key), checks VOD's limits
    /// locally, groups the files into calls of up to 10 from the same bucket, runs the calls concurrently within the
    /// account's QPS quota (as many at once as reach it over the round trip measured as they go, at most -ThrottleLimit) and emits one VodMedia per file in input order. A file VOD refuses is a non-terminating
    /// error; the others go on.</para>
    /// </summary>
    [Cmdlet(VerbsLifecycle.Register, "VodMedia", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(VodMedia))]
    public sealed class RegisterVodMediaCommand : VodCmdletBase
    {
        private const string OssObjectUri = "oss://";

        /// <summary>One batch per bucket: a RegisterMedia call registers files of one bucket.</summary>
        private readonly Dictionary<string, Batch<PendingFile>> _batches = new Dictionary<string, Batch<PendingFile>>(StringComparer.Ordinal);
        private OrderedWork? _work;
        private int _registered;
        private int _failed;
        private readonly ProgressThrottle _progress = new ProgressThrottle();

        /// <summary>The file's OSS URL, https://&lt;bucket&gt;.oss-&lt;region&gt;.aliyuncs.com/&lt;key&gt;, or oss://&lt;bucket&gt;/&lt;key&gt; (as objects print) for a bucket in the session's region. Binds from OssObject.FileUrl.</summary>
        [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("Url")]
        public string? FileUrl { get; set; }

        /// <summary>The bucket, with -Key, when no -FileUrl is given.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(Completion.CloudNameCompleter))]
        public string? Bucket { get; set; }

        /// <summary>The object key, with -Bucket.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public string? Key { get; set; }

        /// <summary>The media title (at most 128 bytes, no emoji). Default: the file name without its extension.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public string? Title { get; set; }

        /// <summary>At most 1024 bytes, no emoji.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public string? Description { get; set; }

        /// <summary>At most 16 tags of at most 32 bytes each.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("Tags")]
        public string[]? Tag { get; set; }

        /// <summary>The VOD category id (completes from category names).</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(Completion.CloudNameCompleter))]
        [Alias("CateId")]
        public long? CategoryId { get; set; }

        /// <summary>The cover image URL.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public string? CoverUrl { get; set; }

        /// <summary>Transcode with this template group as soon as the file is registered. Default: VOD_NO_TRANSCODE (register only).</summary>
        [Parameter]
        [ArgumentCompleter(typeof(Completion.CloudNameCompleter))]
        public string? TemplateGroupId { get; set; }

        /// <summary>A workflow to run instead of a template group.</summary>
        [Parameter]
        public string? WorkflowId { get; set; }

        /// <summary>Custom JSON (an object) stored with the media, e.g. '{"Extend":{"source":"archive"}}'.</summary>
        [Parameter]
        public string? UserData { get; set; }

        /// <summary>The piped object itself, kept as the target of its error record.</summary>
        [Parameter(ValueFromPipeline = true, DontShow = true)]
        public PSObject? InputObject { get; set; }

        /// <summary>The most RegisterMedia calls (each registers up to 10 files) in flight at once, 1 to 256. Default 64. As many run as reach RegisterMedia's quota over the round trip measured as they go: a few near the region, more from far away.</summary>
        [Parameter]
        [ValidateRange(1, InFlightLimit.MaxCeiling)]
        public int ThrottleLimit { get; set; } = InFlightLimit.DefaultCeiling;

        private sealed class PendingFile
        {
            public PendingFile(long slot, MediaRegistration registration, object? input)
            {
                Slot = slot;
                Registration = registration;
                Input = input;
            }

            public long Slot { get; }
            public MediaRegistration Registration { get; }
            public object? Input { get; }
        }

        protected override void BeginProcessing()
        {
            this.CheckParameters(() => UserData = VodLimits.JsonObject(UserData, nameof(UserData)), UserData);
            CheckTemplateGroup();
            _work = new OrderedWork(Session.Vod.CallsInFlight("RegisterMedia", ThrottleLimit));
        }

        /// <summary>
        /// A template group VOD does not know would fail every batch alike: it is looked up once, before any file is sent, and
        /// its absence ends the cmdlet with one error. A look-up that fails otherwise is left to the registrations.
        /// </summary>
        private void CheckTemplateGroup()
        {
            if (TemplateGroupId == null || TemplateGroupId == VodService.NoTranscode) return;
            try
            {
                Await(Session.Vod.GetTranscodeTemplateGroupAsync(TemplateGroupId, Cancellation));
            }
            catch (CloudException e) when (e.HttpStatus == 404 || e.Code.Contains("NotFound"))
            {
                ThrowTerminatingError(new ErrorRecord(new ItemNotFoundException(
                    $"VOD has no transcode template group '{TemplateGroupId}' ({e.Code}); no file was sent. Get-VodTranscodeTemplateGroup lists the groups.", e),
                    "VodTemplateGroupNotFound", ErrorCategory.ObjectNotFound, TemplateGroupId));
            }
            catch (CloudException)
            {
            }
        }

        protected override void ProcessRecord()
        {
            var work = _work!;
            var input = InputObject ?? (object?)FileUrl ?? Key;
            if (!CheckItem(Describe, input, out var described))
            {
                _failed++;
                return;
            }
            var (registration, bucket) = described;

            if (!ShouldProcess(registration.FileUrl, "Register with VOD")) return;

            if (!_batches.TryGetValue(bucket, out var batch))
                _batches[bucket] = batch = new Batch<PendingFile>(VodService.MaxRegisterBatch, p => p.Registration.FileUrl, Submit, sendRepeats: true);
            batch.Add(new PendingFile(work.Reserve(), registration, input));

            work.Throttle(WaitDraining, Cancellation);
            FlushDiagnostics();
            ReportProgress(completed: false);
        }

        protected override void EndProcessing()
        {
            var work = _work!;
            foreach (var batch in _batches.Values) batch.Flush();
            work.Finish(WaitDraining, () => ReportProgress(completed: false), Cancellation);
            ReportProgress(completed: true);
            _work?.Dispose();
        }

        /// <summary>Validates the current record and builds its RegisterMetadatas item, with the bucket it batches with.</summary>
        private (MediaRegistration Registration, string Bucket) Describe()
        {
            string bucket;
            string fileUrl;
            string key;
            if (!string.IsNullOrEmpty(FileUrl) && FileUrl!.StartsWith(OssObjectUri, StringComparison.Ordinal))
            {
                // oss://bucket/key, as objects print: the bucket is taken to be in the session's region
                var slash = FileUrl.IndexOf('/', OssObjectUri.Length);
                bucket = OssBucketNames.Check(slash < 0 ? FileUrl.Substring(OssObjectUri.Length) : FileUrl.Substring(OssObjectUri.Length, slash - OssObjectUri.Length));
                key = OssObjectKeys.Check(slash < 0 ? string.Empty : FileUrl.Substring(slash + 1));
                fileUrl = VodLimits.FileUrl(OssFileUrl.Build(bucket, Session.Region.RegionId, key));
            }
            else if (!string.IsNullOrEmpty(FileUrl))
            {
                fileUrl = VodLimits.FileUrl(FileUrl!);
                OssFileUrl.TryParse(fileUrl, out bucket, out _, out key);
            }
            else if (!string.IsNullOrEmpty(Bucket) && !string.IsNullOrEmpty(Key))
            {
                bucket = OssBucketNames.Check(Bucket!);
                key = OssObjectKeys.Check(Key!);
                fileUrl = VodLimits.FileUrl(OssFileUrl.Build(bucket, Session.Region.RegionId, key));
            }
            else
            {
                throw new ValidationException("VodFileMissing", "Give -FileUrl, or -Bucket and -Key (or pipe objects from Get-OssObject).", "FileUrl");
            }

            VodLimits.MediaKey(key);
            var registration = new MediaRegistration
            {
                FileUrl = fileUrl,
                Title = VodLimits.Title(Title ?? VodLimits.DefaultTitle(key)),
                Description = VodLimits.Description(Description),
                Tags = VodLimits.Tags(Tag),
                CoverUrl = VodLimits.CoverUrl(CoverUrl),
                CateId = CategoryId,
            };
            return (registration, bucket);
        }

        private void Submit(IReadOnlyList<PendingFile> batch)
        {
            var work = _work!;
            var vod = Session.Vod;
            var templateGroupId = TemplateGroupId ?? (WorkflowId == null ? VodService.NoTranscode : null);
            var (workflowId, userData, cancellation) = (WorkflowId, UserData, Cancellation);
            work.Start(async () =>
            {
                try
                {
                    var result = await vod.RegisterMediaAsync(batch.Select(p => p.Registration).ToList(), templateGroupId, workflowId, userData, cancellation).ConfigureAwait(false);
                    for (var n = 0; n < batch.Count; n++)
                    {
                        var file = batch[n];
                        var media = result.Media[n];
                        if (media != null)
                        {
                            var kept = result.Kept[n];
                            work.Complete(file.Slot, () =>
                            {
                                _registered++;
                                ReportProgress(completed: false); // before the object goes on: the next cmdlets may hold it a while
                                if (kept != null) WriteWarning(kept);
                                WriteObject(Registered(media));
                            });
                        }
                        else
                        {
                            var error = result.Refused[n]!;
                            work.Complete(file.Slot, () => { _failed++; WriteError(new ErrorRecord(error, RegisterMediaResult.RefusedErrorId, ErrorCategory.InvalidData, file.Input)); });
                        }
                    }
                }
                catch (Exception e) when (!(e is OperationCanceledException && cancellation.IsCancellationRequested))
                {
                    foreach (var file in batch) work.Complete(file.Slot, () => { _failed++; WriteItemError(e, "VodRegisterFailed", file.Input); });
                }
            }, cancellation);
        }

        /// <summary>The media as registered: its own view shows what registering tells (new or known, the file), not Get-VodMedia's columns.</summary>
        private static PSObject Registered(VodMedia media)
        {
            var output = PSObject.AsPSObject(media);
            output.TypeNames.Insert(0, RegisteredTypeName);
            return output;
        }

        private const string RegisteredTypeName = "VodTools.Model.VodMedia#Registered";

        private void ReportProgress(bool completed)
        {
            if (!_progress.Due(completed)) return;
            var record = new ProgressRecord(1, "Registering media with VOD", $"{_registered} registered, {_failed} failed, {_work!.Pending} in progress");
            if (completed) record.RecordType = ProgressRecordType.Completed;
            WriteProgress(record);
        }
    }
}
