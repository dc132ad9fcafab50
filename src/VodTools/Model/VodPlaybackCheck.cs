namespace VodTools.Model
{
    /// <summary>Whether one play URL of a media answers a ranged GET as a player needs (Test-VodPlayback).</summary>
    public sealed class VodPlaybackCheck
    {
        public string MediaId { get; set; } = string.Empty;
        public string? Definition { get; set; }
        public string? Format { get; set; }
        /// <summary>True when the URL answered 206 (or 200) with the size GetPlayInfo gave.</summary>
        public bool Playable { get; set; }
        /// <summary>The HTTP status of the GET; null when no answer came.</summary>
        public int? StatusCode { get; set; }
        /// <summary>The stream's size in bytes as GetPlayInfo gave it.</summary>
        public long? ExpectedSize { get; set; }
        /// <summary>The size the play URL answered with (Content-Range total, or Content-Length of a whole answer).</summary>
        public long? ServedSize { get; set; }
        public string? PlayUrl { get; set; }
        /// <summary>What was found, in a sentence.</summary>
        public string Detail { get; set; } = string.Empty;

        public override string ToString() => $"{MediaId} {Definition} {Format}: {(Playable ? "plays" : "does not play")}";
    }
}
