using System.Collections.Generic;

namespace VodTools.Services.Vod
{
    /// <summary>What GetPlayInfo is asked for: filters on the streams and the kind of URL (all optional; VOD's defaults apply).</summary>
    public sealed class PlayInfoRequest
    {
        /// <summary>e.g. mp4, m3u8, mp3; empty = every format.</summary>
        public IReadOnlyList<string> Formats { get; set; } = new string[0];
        /// <summary>e.g. SD, HD; empty = every definition.</summary>
        public IReadOnlyList<string> Definitions { get; set; } = new string[0];
        /// <summary>video and/or audio; empty = both.</summary>
        public IReadOnlyList<string> StreamTypes { get; set; } = new string[0];
        /// <summary><c>oss</c> or <c>cdn</c>; null = VOD's default.</summary>
        public string? OutputType { get; set; }
        /// <summary>Seconds a signed URL stays valid; null = VOD's default.</summary>
        public long? AuthTimeout { get; set; }
    }
}
