using System;

namespace VodTools.Model
{
    /// <summary>
    /// A media asset in VOD (a video or audio). <see cref="MediaId"/> binds to the MediaId/VideoId parameters
    /// of Start-VodTranscode, Start-VodSnapshot, Get-VodMedia, Set-VodMedia and Remove-VodMedia.
    /// </summary>
    public sealed class VodMedia
    {
        public string MediaId { get; set; } = string.Empty;
        public string? Title { get; set; }
        /// <summary>The source file's OSS URL, when known.</summary>
        public string? FileUrl { get; set; }
        /// <summary>False when RegisterMedia found the file already registered and returned its existing MediaId.</summary>
        public bool? NewRegister { get; set; }
        /// <summary><c>Uploading</c>, <c>UploadSucc</c>, <c>Transcoding</c>, <c>TranscodeFail</c>, <c>Normal</c>, …</summary>
        public string? Status { get; set; }
        public string? Description { get; set; }
        public string? Tags { get; set; }
        public long? CateId { get; set; }
        public string? CateName { get; set; }
        public string? CoverUrl { get; set; }
        public double? Duration { get; set; }
        public long? Size { get; set; }
        public string? TemplateGroupId { get; set; }
        public string? StorageLocation { get; set; }
        public string? AppId { get; set; }
        public DateTime? CreationTime { get; set; }
        public DateTime? ModificationTime { get; set; }

        public override string ToString() => MediaId;
    }
}
