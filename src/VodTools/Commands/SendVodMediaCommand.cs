using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System;
using VodTools.Api.Http;
using VodTools.Commands.Common;
using VodTools.Commands.Pipeline;
using VodTools.Model;
using VodTools.Services.Pacing;
using VodTools.Services.Upload;
using VodTools.Services.Vod;
using VodTools.Services;

namespace VodTools.Commands
{
    /// <summary>
    /// <para type="synopsis">Uploads local media files to VOD (CreateUploadVideo, then OSS) and emits the new media.</para>
    /// <para type="description">For each file VOD creates a media and names an OSS location with temporary credentials
    /// (UploadAddress, UploadAuth); the cmdlet then uploads the file there with one PutObject, or as a multipart upload
    /// of several parts at a time (more the longer the round trip, at most -ThrottleLimit) when it is larger than -PartSize, -FileThrottleLimit files at a time, asking VOD
    /// for fresh credentials (RefreshUploadVideo) when they expire. A checkpoint beside each file (or in -CheckpointPath),
    /// written as each part completes, lets a rerun resume an interrupted upload: it keeps every part OSS holds that
    /// matches the file, so a kill costs at most the parts that were in flight. A file uploaded before is not sent twice. Emits one VodMedia per
    /// file in input order; a file that fails is a non-terminating error and the others go on.</para>
    /// </summary>
    [Cmdlet(VerbsCommunications.Send, "VodMedia", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = FilePaths.PathSet)]
    [OutputType(typeof(VodMedia))]
    public sealed class SendVodMediaCommand : VodCmdletBase
    {
        private readonly List<FileInFlight> _inFlight = new List<FileInFlight>();
        private readonly RateWindow _rate = new RateWindow(TimeSpan.FromSeconds(20));
        private OrderedWork? _work;
        private string? _checkpointFolder;
        private long _accepted;
        private long _acceptedBytes;
        private long _finished;
        private long _finishedBytes;
        private long _finishedHeld;
        private readonly ProgressThrottle _progress = new ProgressThrottle();

        /// <summary>The files to upload; wildcards allowed. Takes file names piped as strings.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true, ParameterSetName = FilePaths.PathSet)]
        [ValidateNotNullOrEmpty]
        [SupportsWildcards]
        public string[] Path { get; set; } = Array.Empty<string>();

        /// <summary>The files to upload, each taken as written (no wildcards: clip[1].mp4 is that file). Binds from the files Get-ChildItem emits.</summary>
        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true, ParameterSetName = FilePaths.LiteralPathSet)]
        [Alias("PSPath", "LP", "FullName")]
        [ValidateNotNullOrEmpty]
        public string[] LiteralPath { get; set; } = Array.Empty<string>();

        /// <summary>The media title (at most 128 bytes, no emoji). Default: the file name without its extension.</summary>
        [Parameter]
        public string? Title { get; set; }

        /// <summary>At most 1024 bytes, no emoji.</summary>
        [Parameter]
        public string? Description { get; set; }

        /// <summary>At most 16 tags of at most 32 bytes each.</summary>
        [Parameter]
        [Alias("Tags")]
        public string[]? Tag { get; set; }

        /// <summary>The VOD category id.</summary>
        [Parameter]
        [Alias("CateId")]
        public long? CategoryId { get; set; }

        /// <summary>The cover image URL.</summary>
        [Parameter]
        public string? CoverUrl { get; set; }

        /// <summary>Transcode with this template group once uploaded. Default: the app's default group; VOD_NO_TRANSCODE for none.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(Completion.CloudNameCompleter))]
        public string? TemplateGroupId { get; set; }

        /// <summary>A workflow to run instead of a template group.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? WorkflowId { get; set; }

        /// <summary>The storage to upload to: a bucket name (in the session's region) or a host such as media-archive.oss-cn-shanghai.aliyuncs.com. Default: the app's.</summary>
        [Parameter]
        [Alias("Bucket")]
        [ValidateNotNullOrEmpty]
        public string? StorageLocation { get; set; }

        /// <summary>The VOD application. Default: app-1000000.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? AppId { get; set; }

        /// <summary>Custom JSON object stored with the media and passed back in callbacks.</summary>
        [Parameter]
        public string? UserData { get; set; }

        /// <summary>Bytes per part of a multipart upload, 100 KB to 5 GB; larger files are sent in parts. Default 8 MB.</summary>
        [Parameter]
        [ValidateRange(OssUploadService.MinPartSize, OssUploadService.MaxPartSize)]
        public long PartSize { get; set; } = 8 * 1024 * 1024;

        /// <summary>The most parts of one file sent at once, 1 to 64. Default 16. Four parts in flight fill a good link near the region, where one TCP stream cannot (the OSS SDK for .NET uploads with 3 threads by default); from far away each part also waits a round trip, so more are sent, enough to keep four parts' worth of bytes moving (measured as parts complete).</summary>
        [Parameter]
        [ValidateRange(1, 64)]
        public int ThrottleLimit { get; set; } = 16;

        /// <summary>Files sent at once, 1 to 16, each with -ThrottleLimit parts in flight. Default 2: one file keeps the link busy while the other waits for VOD. Raise it for many small files.</summary>
        [Parameter]
        [ValidateRange(1, 16)]
        public int FileThrottleLimit { get; set; } = 2;

        /// <summary>The folder for the checkpoints of uploads in progress, taken as written (no wildcards; created if missing), each named after its file and a hash of the file's full path. Default: beside each file (clip.mp4.vodupload).</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? CheckpointPath { get; set; }

        /// <summary>A file being sent and its progress bar.</summary>
        private sealed class FileInFlight
        {
            public FileInFlight(string file, int activityId, TransferProgress progress)
            {
                File = file;
                ActivityId = activityId;
                Progress = progress;
            }

            public string File { get; }
            public int ActivityId { get; }
            public TransferProgress Progress { get; }
            public RateWindow Rate { get; } = new RateWindow(TimeSpan.FromSeconds(20));
            public bool Done { get; set; }
        }

        protected override void BeginProcessing()
        {
            this.CheckParameters(() => UserData = VodLimits.JsonObject(UserData, nameof(UserData)));
            if (CheckpointPath != null)
            {
                _checkpointFolder = GetUnresolvedProviderPathFromPSPath(CheckpointPath);
                if (File.Exists(_checkpointFolder))
                    this.ThrowParameterError(new ValidationException("VodCheckpointPathNotFolder", $"-CheckpointPath '{CheckpointPath}' is a file; give a folder.", "CheckpointPath"), CheckpointPath);
                Directory.CreateDirectory(_checkpointFolder);
            }
            _work = new OrderedWork(InFlightLimit.Fixed(FileThrottleLimit));
        }

        protected override void ProcessRecord()
        {
            var literal = ParameterSetName == FilePaths.LiteralPathSet;
            foreach (var pattern in literal ? LiteralPath : Path)
            {
                IReadOnlyList<string> files;
                try
                {
                    files = this.Resolve(pattern, literal);
                }
                catch (Exception e) when (e is ItemNotFoundException || e is ProviderNotFoundException || e is System.Management.Automation.DriveNotFoundException)
                {
                    WriteError(new ErrorRecord(e, "VodUploadFileNotFound", ErrorCategory.ObjectNotFound, pattern));
                    continue;
                }
                foreach (var file in files) Upload(file);
            }
        }

        protected override void EndProcessing()
        {
            var work = _work!;
            work.Finish(WaitDraining, () => ReportProgress(completed: false), Cancellation);
            ReportProgress(completed: true);
            work.Dispose();
        }

        private void Upload(string file)
        {
            if (UploadCheckpoint.IsCheckpoint(file))
            {
                WriteVerbose($"'{file}' is the checkpoint of an upload in progress, not a media file: passed over.");
                return;
            }
            if (!CheckItem(() => Describe(file), file, out var request)) return;
            if (!ShouldProcess(file, "Upload to VOD")) return;

            var work = _work!;
            var slot = work.Reserve();
            var options = new UploadOptions { PartSize = PartSize, PartsInFlight = ThrottleLimit, CheckpointFolder = _checkpointFolder };
            var (service, cancellation) = (new MediaUploadService(Session), Cancellation);
            _accepted++;
            _acceptedBytes += request.FileSize;
            work.Start(async () =>
            {
                var flight = new FileInFlight(file, 2 + (int)(slot % 1000), new TransferProgress(request.FileSize));
                lock (_inFlight) _inFlight.Add(flight);
                try
                {
                    var outcome = await service.UploadAsync(file, request, options, flight.Progress, cancellation).ConfigureAwait(false);
                    work.Complete(slot, () =>
                    {
                        foreach (var note in outcome.Notes) WriteVerbose(note);
                        foreach (var warning in outcome.Warnings) WriteWarning(warning);
                        WriteObject(outcome.Media);
                    });
                }
                catch (Exception e) when (!(e is OperationCanceledException && cancellation.IsCancellationRequested))
                {
                    work.Complete(slot, () => WriteItemError(e, "VodUploadFailed", file, RecommendationFor(e)));
                }
                finally
                {
                    lock (_inFlight) flight.Done = true;
                }
            }, cancellation);
            work.Throttle(task => { WaitDraining(task); ReportProgress(completed: false); }, Cancellation);
            ReportProgress(completed: false);
        }

        /// <summary>Why running the command again is the way on after a failure: its checkpoint resumes it.</summary>
        private static string? RecommendationFor(Exception error) =>
            error is ValidationException ? null : "Run the same command again: the upload resumes where it stopped, sending only the parts OSS does not hold.";

        /// <summary>One bar for the whole run (bytes, rate, time left) and one per file in flight, at most twice a second.</summary>
        private void ReportProgress(bool completed)
        {
            if (!_progress.Due(completed)) return;
            var now = _progress.Last;
            FileInFlight[] ended, running;
            lock (_inFlight)
            {
                ended = _inFlight.Where(f => f.Done).ToArray();
                running = _inFlight.Where(f => !f.Done).ToArray();
                _inFlight.RemoveAll(f => f.Done);
            }
            foreach (var done in ended)
            {
                _finished++;
                _finishedBytes += done.Progress.Total;
                _finishedHeld += done.Progress.Held;
            }
            var sent = _finishedBytes + running.Sum(f => f.Progress.Sent);
            var rate = _rate.Sample(now, sent - _finishedHeld - running.Sum(f => f.Progress.Held));
            var overall = new ProgressRecord(1, "Uploading to VOD", $"{_finished} of {_accepted} files, {Bytes(sent)} of {Bytes(_acceptedBytes)}, {Bytes((long)rate)}/s")
            {
                PercentComplete = _acceptedBytes == 0 ? 100 : (int)Math.Min(100, sent * 100 / _acceptedBytes),
                SecondsRemaining = RateWindow.SecondsLeft(rate, _acceptedBytes - sent),
            };
            foreach (var flight in ended.Concat(running))
            {
                var record = new ProgressRecord(flight.ActivityId, System.IO.Path.GetFileName(flight.File), "Done") { ParentActivityId = 1 };
                if (ended.Contains(flight) || completed)
                {
                    record.RecordType = ProgressRecordType.Completed;
                }
                else
                {
                    var (fileSent, total) = (flight.Progress.Sent, flight.Progress.Total);
                    var fileRate = flight.Rate.Sample(now, fileSent - flight.Progress.Held);
                    record.StatusDescription = $"{Bytes(fileSent)} of {Bytes(total)}, {Bytes((long)fileRate)}/s";
                    record.PercentComplete = total == 0 ? 100 : (int)Math.Min(100, fileSent * 100 / total);
                    record.SecondsRemaining = RateWindow.SecondsLeft(fileRate, total - fileSent);
                }
                WriteProgress(record);
            }
            if (completed) overall.RecordType = ProgressRecordType.Completed;
            WriteProgress(overall);
        }

        private static string Bytes(long bytes) =>
            bytes >= 1L << 30 ? $"{bytes / (double)(1L << 30):0.0} GB" : bytes >= 1L << 20 ? $"{bytes / (double)(1L << 20):0.0} MB" : $"{bytes / 1024.0:0.0} KB";

        /// <summary>Validates a file and the media fields before any call.</summary>
        private UploadRequest Describe(string file)
        {
            var info = new FileInfo(file);
            if (!info.Exists) throw new ValidationException("VodUploadFileNotFound", $"'{file}' is not a file.", "Path");
            if (string.IsNullOrEmpty(info.Extension))
                throw new ValidationException("VodFileExtensionMissing", $"'{info.Name}' has no file extension; VOD takes only files with a media extension.", "Path");
            return new UploadRequest
            {
                Title = VodLimits.Title(Title ?? VodLimits.DefaultTitle(info.Name)),
                FileName = info.Name,
                FileSize = info.Length,
                Description = VodLimits.Description(Description),
                Tags = VodLimits.Tags(Tag),
                CoverUrl = VodLimits.CoverUrl(CoverUrl),
                CateId = CategoryId,
                TemplateGroupId = TemplateGroupId,
                WorkflowId = WorkflowId,
                StorageLocation = StorageLocation == null ? null : MediaQuery.StorageLocationOf(StorageLocation, Session.Region.RegionId),
                AppId = AppId,
                UserData = UserData,
            };
        }
    }
}
