using VodTools.Model;

namespace VodTools.Services.Transcode
{
    /// <summary>A verdict with the task as last seen and the words for it.</summary>
    public sealed class TranscodeWaitOutcome
    {
        public TranscodeWaitOutcome(string taskId, TranscodeWaitVerdict verdict, TranscodeTask? task, string? message)
        {
            TaskId = taskId;
            Verdict = verdict;
            Task = task;
            Message = message;
        }

        public string TaskId { get; }
        public TranscodeWaitVerdict Verdict { get; }
        public TranscodeTask? Task { get; }
        public string? Message { get; }
    }
}
