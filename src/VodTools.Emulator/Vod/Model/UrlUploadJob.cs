namespace VodTools.Emulator.Vod;

/// <summary>One URL to pull (UploadMediaByURL), with the metadata its video gets.</summary>
internal sealed class UrlUploadJob
{
    public const string Kind = "vod-url-job";

    public string JobId { get; set; } = "";
    public string SourceUrl { get; set; } = "";
    public string Title { get; set; } = "";
    public string Description { get; set; } = "";
    public string Tags { get; set; } = "";
    public string CoverURL { get; set; } = "";
    public long CateId { get; set; } = -1;
    public string FileExtension { get; set; } = "";
    public string TemplateGroupId { get; set; } = "";
    public string AppId { get; set; } = "";
    public string Bucket { get; set; } = "";
    public string Region { get; set; } = "";
    public string UserData { get; set; } = "";
    /// <summary>PENDING, PROCESSING, DOWNLOADING, DOWNLOAD_SUCCESS, UPLOADING, UPLOAD_SUCCESS, then SUCCESS, DOWNLOAD_FAIL or
    /// UPLOAD_FAIL (VOD's "Basic structures": status of a URL-based upload job).</summary>
    public string Status { get; set; } = "";
    public string MediaId { get; set; } = "";
    public long FileSize { get; set; }
    public string ErrorCode { get; set; } = "";
    public string ErrorMessage { get; set; } = "";
    public DateTimeOffset CreationTime { get; set; }
    public DateTimeOffset? CompleteTime { get; set; }

    /// <summary>Not yet SUCCESS, DOWNLOAD_FAIL or UPLOAD_FAIL.</summary>
    public bool Unfinished => CompleteTime == null;
}
