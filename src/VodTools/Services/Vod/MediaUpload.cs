namespace VodTools.Services.Vod
{
    /// <summary>A media created by CreateUploadVideo, as GetVideoInfo shows it.</summary>
    public sealed class MediaUpload
    {
        public MediaUpload(string mediaId, string? status)
        {
            MediaId = mediaId;
            Status = status;
        }

        public string MediaId { get; }
        public string? Status { get; }

        /// <summary>
        /// True once VOD holds the file (any status but Uploading and UploadFail, the two in which RefreshUploadVideo is for
        /// sending it: API reference, RefreshUploadVideo "after a file failed to be uploaded").
        /// </summary>
        public bool HasFile => Status != "Uploading" && Status != "UploadFail";
    }
}
