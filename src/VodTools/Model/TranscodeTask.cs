using System.Collections.Generic;
using System.Linq;
using System;

namespace VodTools.Model
{
    /// <summary>One SubmitTranscodeJobs call's task: all the jobs (one per template) for one media.</summary>
    public sealed class TranscodeTask
    {
        public string TaskId { get; set; } = string.Empty;
        public string MediaId { get; set; } = string.Empty;
        /// <summary>The media's title, when the task came from a VodMedia (Start-VodTranscode, Get-VodTranscodeTask) or a task that had it; VOD's task does not carry it.</summary>
        public string? Title { get; set; }
        /// <summary><c>Processing</c>, <c>Partial</c>, <c>CompleteAllSucc</c>, <c>CompletePartialSucc</c>, <c>CompleteAllFail</c>.</summary>
        public string? Status { get; set; }
        public string? TemplateGroupId { get; set; }
        /// <summary><c>Auto</c> or <c>Manual</c>.</summary>
        public string? Trigger { get; set; }
        public DateTime? CreationTime { get; set; }
        public DateTime? CompleteTime { get; set; }
        public IReadOnlyList<TranscodeJob> Jobs { get; set; } = Array.Empty<TranscodeJob>();

        /// <summary>The jobs' mean progress, 0–100.</summary>
        public int Progress => Jobs.Count == 0 ? (IsComplete ? 100 : 0) : (int)Math.Round(Jobs.Average(j => j.Progress));

        public bool IsComplete => Status != null && Status.StartsWith("Complete", StringComparison.Ordinal);

        public override string ToString() => TaskId;
    }
}
