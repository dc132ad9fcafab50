using System;

namespace VodTools.Model
{
    /// <summary>The source file of a media in VOD (GetMezzanineInfo). Complete only once a stream is transcoded.</summary>
    public sealed class VodMezzanine
    {
        public string MediaId { get; set; } = string.Empty;
        public string? FileName { get; set; }
        public string? FileUrl { get; set; }
        public long? Size { get; set; }
        /// <summary><c>Uploading</c>, <c>Normal</c>, <c>UploadFail</c> or <c>Deleted</c>.</summary>
        public string? Status { get; set; }
        /// <summary>Seconds.</summary>
        public double? Duration { get; set; }
        /// <summary>Kbit/s, as VOD reports it.</summary>
        public string? Bitrate { get; set; }
        public string? Fps { get; set; }
        public long? Width { get; set; }
        public long? Height { get; set; }
        public string? FileMD5 { get; set; }
        public string? StorageClass { get; set; }
        public DateTime? CreationTime { get; set; }

        public override string ToString() => MediaId;
    }
}
