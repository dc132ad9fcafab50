namespace VodTools.Services.Vod
{
    /// <summary>The parameters of one CreateUploadVideo call (already validated).</summary>
    public sealed class UploadRequest
    {
        public string Title { get; set; } = string.Empty;
        public string FileName { get; set; } = string.Empty;
        public long FileSize { get; set; }
        public string? Description { get; set; }
        public string? Tags { get; set; }
        public string? CoverUrl { get; set; }
        public long? CateId { get; set; }
        public string? TemplateGroupId { get; set; }
        public string? WorkflowId { get; set; }
        public string? StorageLocation { get; set; }
        public string? AppId { get; set; }
        public string? UserData { get; set; }
    }
}
