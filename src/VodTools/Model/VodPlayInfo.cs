using System;

namespace VodTools.Model
{
    /// <summary>One playable stream of a media: a definition in a format, with its play URL (GetPlayInfo).</summary>
    public sealed class VodPlayInfo
    {
        public string MediaId { get; set; } = string.Empty;
        public string? Title { get; set; }
        /// <summary>e.g. <c>FD</c>, <c>LD</c>, <c>SD</c>, <c>HD</c>, <c>OD</c>, <c>2K</c>, <c>4K</c>, <c>AUTO</c>.</summary>
        public string? Definition { get; set; }
        /// <summary>e.g. <c>mp4</c>, <c>m3u8</c>, <c>mp3</c>.</summary>
        public string? Format { get; set; }
        /// <summary><c>video</c> or <c>audio</c>.</summary>
        public string? StreamType { get; set; }
        /// <summary>Kbit/s.</summary>
        public double? Bitrate { get; set; }
        public long? Width { get; set; }
        public long? Height { get; set; }
        /// <summary>Bytes.</summary>
        public long? Size { get; set; }
        /// <summary>Seconds.</summary>
        public double? Duration { get; set; }
        public string? PlayUrl { get; set; }
        /// <summary><c>Normal</c>, or <c>Invisible</c> when the stream is blocked.</summary>
        public string? Status { get; set; }
        /// <summary>The transcode job that made the stream.</summary>
        public string? JobId { get; set; }
        public bool Encrypted { get; set; }
        public DateTime? CreationTime { get; set; }

        public override string ToString() => PlayUrl ?? MediaId;
    }
}
