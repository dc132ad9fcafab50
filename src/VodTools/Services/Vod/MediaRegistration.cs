namespace VodTools.Services.Vod
{
    /// <summary>One file to register: the fields of a RegisterMetadatas item (already validated).</summary>
    public sealed class MediaRegistration
    {
        public string FileUrl { get; set; } = string.Empty;
        public string Title { get; set; } = string.Empty;
        public string? Description { get; set; }
        public string? Tags { get; set; }
        public string? CoverUrl { get; set; }
        public long? CateId { get; set; }
    }
}
