namespace VodTools.Services.Vod
{
    /// <summary>The parameters of one SubmitTranscodeJobs call (JSON parameters already validated).</summary>
    public sealed class TranscodeSubmission
    {
        public string MediaId { get; set; } = string.Empty;
        public string TemplateGroupId { get; set; } = string.Empty;
        public int? Priority { get; set; }
        public string? PipelineId { get; set; }
        public string? OverrideParams { get; set; }
        public string? EncryptConfig { get; set; }
        public string? UserData { get; set; }
        /// <summary>VOD accepts a SessionId once in 7 days and answers a repeat with an error (not the first task).</summary>
        public string? SessionId { get; set; }
    }
}
