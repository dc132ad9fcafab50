namespace VodTools.Services.Vod
{
    /// <summary>One URL for VOD to pull, with the fields of its UploadMetadata (already validated).</summary>
    public sealed class UrlUploadRequest
    {
        public string Url { get; set; } = string.Empty;
        public string? Title { get; set; }
        public string? Description { get; set; }
        public string? Tags { get; set; }
        public string? CoverUrl { get; set; }
        public long? CateId { get; set; }
        public string? TemplateGroupId { get; set; }
        public string? FileExtension { get; set; }
    }
}
