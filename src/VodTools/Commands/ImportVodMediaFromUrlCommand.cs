using System.Collections.Generic;
using System.Management.Automation;
using System.Text;
using System;
using VodTools.Commands.Common;
using VodTools.Commands.Pipeline;
using VodTools.Model;
using VodTools.Services.Vod;
using VodTools.Services;

namespace VodTools.Commands
{
    /// <summary>
    /// <para type="synopsis">Has VOD pull media files from URLs into its storage (UploadMediaByURL), each URL a new media.</para>
    /// <para type="description">Takes URLs as strings or as objects with a Url property, from the pipeline or -Url, and sends
    /// them twenty a call (the most VOD takes), each with its title, description, tags, category, cover and transcode template
    /// group. Emits one VodUrlUploadJob per URL, in input order, with the JobId to follow it by: pipe the jobs into
    /// Get-VodUrlUploadJob -Wait to wait until VOD has pulled them and see each media id. VOD pulls in the background, queued
    /// with everyone's jobs: it may take hours. Each call creates new media even for a URL pulled before, so a call whose
    /// answer is lost is not sent again: the URLs' jobs are read back and those created since the request are emitted; when
    /// they cannot be found the error (VodUrlUploadOutcomeUnknown) says how to check. A URL that is not an absolute http or
    /// https URL, or whose metadata breaks VOD's limits, is an error of its own before any call. The local emulator pulls
    /// only from loopback addresses (127.0.0.1, localhost, [::1]).</para>
    /// </summary>
    [Cmdlet(VerbsData.Import, "VodMediaFromUrl", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(VodUrlUploadJob))]
    public sealed class ImportVodMediaFromUrlCommand : VodCmdletBase
    {
        private readonly Batch<UrlUploadRequest> _batch;

        public ImportVodMediaFromUrlCommand() => _batch = new Batch<UrlUploadRequest>(VodService.MaxUrlUploadBatch, Submit);

        /// <summary>The URL of a media file (audio or video). Binds from strings and from a Url property.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Uri", "SourceUrl")]
        [ValidateNotNullOrEmpty]
        public string[] Url { get; set; } = Array.Empty<string>();

        /// <summary>The media's title, up to 128 bytes. Default: the file name in the URL.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public string? Title { get; set; }

        /// <summary>Up to 1024 bytes.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public string? Description { get; set; }

        /// <summary>Up to 16 tags of 32 bytes each.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("Tags")]
        public string[]? Tag { get; set; }

        /// <summary>The category id (Get-VodCategory).</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("CateId")]
        public long? CategoryId { get; set; }

        /// <summary>The URL of a cover image.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public string? CoverUrl { get; set; }

        /// <summary>The transcode template group VOD applies once the file is pulled; VOD_NO_TRANSCODE keeps the source only.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public string? TemplateGroupId { get; set; }

        /// <summary>The file name extension (mp4, mov, ...) when the URL has none.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public string? FileExtension { get; set; }

        /// <summary>A workflow, which wins over the template group.</summary>
        [Parameter]
        public string? WorkflowId { get; set; }

        /// <summary>The VOD storage to pull into: a bucket name (in the session's region) or a host such as media-archive.oss-cn-shanghai.aliyuncs.com. Default: the app's default storage.</summary>
        [Parameter]
        [Alias("Bucket")]
        [ValidateNotNullOrEmpty]
        public string? StorageLocation { get; set; }

        /// <summary>The VOD app. Default: app-1000000.</summary>
        [Parameter]
        public string? AppId { get; set; }

        /// <summary>Custom JSON object passed back in callbacks.</summary>
        [Parameter]
        public string? UserData { get; set; }

        protected override void BeginProcessing()
        {
            this.CheckParameters(() => UserData = VodLimits.JsonObject(UserData, nameof(UserData)));
        }

        protected override void ProcessRecord()
        {
            foreach (var url in Url)
            {
                if (!CheckItem(() => Validate(url), url, out var request)) continue;
                if (!ShouldProcess(url, "Pull into VOD as a new media")) continue;
                _batch.Add(request);
            }
        }

        protected override void EndProcessing() => _batch.Flush();

        private UrlUploadRequest Validate(string url)
        {
            if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)
                || Encoding.UTF8.GetByteCount(url) > VodLimits.UrlBytes)
                throw new ValidationException("VodUrlInvalid", $"'{url}' is not an absolute http or https URL of at most {VodLimits.UrlBytes} bytes.", "Url");
            var path = Uri.UnescapeDataString(uri.AbsolutePath);
            if (FileExtension == null && string.IsNullOrEmpty(System.IO.Path.GetExtension(path)))
                throw new ValidationException("VodFileExtensionMissing", $"'{url}' names no file extension; give -FileExtension (mp4, mov, ...).", "Url");
            return new UrlUploadRequest
            {
                Url = url,
                Title = VodLimits.Title(Title ?? VodLimits.DefaultTitle(path.Trim('/'))),
                Description = VodLimits.Description(Description),
                Tags = VodLimits.Tags(Tag),
                CoverUrl = VodLimits.CoverUrl(CoverUrl),
                CateId = CategoryId,
                TemplateGroupId = TemplateGroupId,
                FileExtension = FileExtension?.TrimStart('.'),
            };
        }

        private void Submit(IReadOnlyList<UrlUploadRequest> batch)
        {
            try
            {
                foreach (var job in Await(Session.Vod.UploadMediaByUrlOnceAsync(batch, StorageLocation == null ? null : MediaQuery.StorageLocationOf(StorageLocation, Session.Region.RegionId), AppId, WorkflowId, UserData, Cancellation))) WriteObject(job);
            }
            catch (Exception e) when (!(e is PipelineStoppedException))
            {
                foreach (var item in batch) WriteItemError(e, "VodUrlUploadNotSubmitted", item.Url);
            }
        }
    }
}
