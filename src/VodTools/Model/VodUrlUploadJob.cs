using System;

namespace VodTools.Model
{
    /// <summary>A job pulling one URL into VOD (UploadMediaByURL), as GetURLUploadInfos shows it.</summary>
    public sealed class VodUrlUploadJob
    {
        public string JobId { get; set; } = string.Empty;
        /// <summary>The URL VOD pulls from.</summary>
        public string SourceUrl { get; set; } = string.Empty;
        /// <summary>The title asked for (known to Import-VodMediaFromUrl only).</summary>
        public string? Title { get; set; }
        /// <summary>
        /// As VOD names it: PENDING, PROCESSING, DOWNLOADING, DOWNLOAD_SUCCESS, UPLOADING, UPLOAD_SUCCESS while it runs, then
        /// SUCCESS, DOWNLOAD_FAIL or UPLOAD_FAIL (VOD's "Basic structures"); empty until the job has been read.
        /// </summary>
        public string? Status { get; set; }
        /// <summary>The media created from the pulled file, once the job succeeded.</summary>
        public string? MediaId { get; set; }
        public string? ErrorCode { get; set; }
        public string? ErrorMessage { get; set; }
        /// <summary>Bytes pulled.</summary>
        public long? FileSize { get; set; }
        public string? UserData { get; set; }
        public DateTime? CreationTime { get; set; }
        public DateTime? CompleteTime { get; set; }

        /// <summary>
        /// True once the job has ended: VOD gave it a completion time, or its status is SUCCESS or a failure (DOWNLOAD_FAIL,
        /// UPLOAD_FAIL: any status that names FAIL, should VOD add another). DOWNLOAD_SUCCESS and UPLOAD_SUCCESS are steps on
        /// the way, not the end.
        /// </summary>
        public bool IsFinished => CompleteTime != null || Succeeded || IsFailure(Status);

        public bool Succeeded => string.Equals(Status, "SUCCESS", StringComparison.OrdinalIgnoreCase);

        private static bool IsFailure(string? status) => status != null && status.IndexOf("FAIL", StringComparison.OrdinalIgnoreCase) >= 0;

        public override string ToString() => SourceUrl;
    }
}
