using System;

namespace VodTools.Model
{
    /// <summary>One transcode job: one output definition of a task.</summary>
    public sealed class TranscodeJob
    {
        public string JobId { get; set; } = string.Empty;
        public string? TemplateId { get; set; }
        /// <summary><c>Transcoding</c>, <c>TranscodeSuccess</c> or <c>TranscodeFail</c>.</summary>
        public string? Status { get; set; }
        public int Progress { get; set; }
        public string? Definition { get; set; }
        public string? ErrorCode { get; set; }
        public string? ErrorMessage { get; set; }
        public string? OutputUrl { get; set; }
        public DateTime? CreationTime { get; set; }
        public DateTime? CompleteTime { get; set; }

        public override string ToString() => JobId;
    }
}
