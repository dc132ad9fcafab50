namespace VodTools.Services.Vod
{
    /// <summary>The changes of one media for UpdateVideoInfos (already validated); null fields are left as they are.</summary>
    public sealed class MediaUpdate
    {
        public string MediaId { get; set; } = string.Empty;
        public string? Title { get; set; }
        public string? Description { get; set; }
        /// <summary>The whole new tag list, comma separated ("" for none).</summary>
        public string? Tags { get; set; }
        public long? CateId { get; set; }
        public string? CoverUrl { get; set; }

        /// <summary>These changes, for the media given.</summary>
        public MediaUpdate For(string mediaId)
        {
            var update = (MediaUpdate)MemberwiseClone();
            update.MediaId = mediaId;
            return update;
        }
    }
}
