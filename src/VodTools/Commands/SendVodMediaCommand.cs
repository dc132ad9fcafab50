using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Threading.Tasks;
using System;
using VodTools.Commands.Common;
using VodTools.Model;
using VodTools.Services;

namespace VodTools.Commands
{
    /// <summary>
    /// <para type="synopsis">Uploads local media files to VOD (CreateUploadVideo, then OSS) and emits the new media.</para>
    /// <para type="description">For each file VOD creates a media and names an OSS location with temporary credentials
    /// (UploadAddress, UploadAuth); the cmdlet then uploads the file there with one PutObject, or as a multipart upload
    /// when it is larger than -PartSize, asking VOD for fresh credentials (RefreshUploadVideo) when they are about to
    /// expire. A progress bar follows each file. Emits one VodMedia per file; a file that fails is a non-terminating
    /// error and the next one goes on.</para>
    /// </summary>
    [Cmdlet(VerbsCommunications.Send, "VodMedia", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(VodMedia))]
    public sealed class SendVodMediaCommand : VodCmdletBase
    {
        /// <summary>The files to upload; wildcards allowed. Binds from FileInfo.FullName (Get-ChildItem).</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("FullName")]
        [ValidateNotNullOrEmpty]
        public string[] Path { get; set; } = Array.Empty<string>();

        /// <summary>The media title (at most 128 bytes, no emoji). Default: the file name without its extension.</summary>
        [Parameter]
        public string? Title { get; set; }

        /// <summary>At most 1024 bytes, no emoji.</summary>
        [Parameter]
        public string? Description { get; set; }

        /// <summary>At most 16 tags of at most 32 bytes each.</summary>
        [Parameter]
        public string[]? Tags { get; set; }

        /// <summary>The VOD category id.</summary>
        [Parameter]
        public long? CateId { get; set; }

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

        /// <summary>The storage to upload to, e.g. <c>media-archive.oss-cn-shanghai.aliyuncs.com</c>. Default: the app's.</summary>
        [Parameter]
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

        protected override void BeginProcessing()
        {
            try
            {
                UserData = VodLimits.JsonObject(UserData, nameof(UserData));
            }
            catch (ValidationException e)
            {
                ThrowTerminatingError(new ErrorRecord(e, e.ErrorId, ErrorCategory.InvalidArgument, null));
            }
        }

        protected override void ProcessRecord()
        {
            foreach (var pattern in Path)
            {
                string[] files;
                try
                {
                    files = GetResolvedProviderPathFromPSPath(pattern, out _).ToArray();
                    if (files.Length == 0) throw new ItemNotFoundException($"No file matches '{pattern}'.");
                }
                catch (Exception e) when (e is ItemNotFoundException || e is ProviderNotFoundException || e is System.Management.Automation.DriveNotFoundException)
                {
                    WriteError(new ErrorRecord(e, "VodUploadFileNotFound", ErrorCategory.ObjectNotFound, pattern));
                    continue;
                }
                foreach (var file in files) Upload(file);
            }
        }

        private void Upload(string file)
        {
            UploadRequest request;
            try
            {
                request = Describe(file);
            }
            catch (ValidationException e)
            {
                WriteItemError(e, e.ErrorId, file);
                return;
            }
            if (!ShouldProcess(file, "Upload to VOD")) return;

            try
            {
                var progress = new TransferProgress(request.FileSize);
                var upload = new MediaUploadService(Session).UploadAsync(file, request, PartSize, progress, Cancellation);
                var activity = $"Uploading {System.IO.Path.GetFileName(file)} to VOD";
                while (!upload.IsCompleted)
                {
                    WaitDraining(Task.WhenAny(upload, Task.Delay(500)));
                    WriteProgress(new ProgressRecord(4, activity, $"{progress.Sent:N0} of {progress.Total:N0} bytes")
                    {
                        PercentComplete = progress.Total == 0 ? 100 : (int)(progress.Sent * 100 / progress.Total),
                    });
                }
                WriteProgress(new ProgressRecord(4, activity, "Done") { RecordType = ProgressRecordType.Completed });
                var media = Await(upload);
                WriteObject(new VodMedia
                {
                    MediaId = media.MediaId,
                    Title = request.Title,
                    FileUrl = media.FileUrl,
                    NewRegister = true,
                    Status = "UploadSucc",
                    Size = request.FileSize,
                    TemplateGroupId = TemplateGroupId,
                    Description = request.Description,
                    Tags = request.Tags,
                    CateId = request.CateId,
                    CoverUrl = request.CoverUrl,
                    AppId = AppId,
                });
            }
            catch (Exception e) when (!(e is PipelineStoppedException))
            {
                WriteItemError(e, "VodUploadFailed", file);
            }
        }

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
                Tags = VodLimits.Tags(Tags),
                CoverUrl = VodLimits.CoverUrl(CoverUrl),
                CateId = CateId,
                TemplateGroupId = TemplateGroupId,
                WorkflowId = WorkflowId,
                StorageLocation = StorageLocation,
                AppId = AppId,
                UserData = UserData,
            };
        }
    }
}
