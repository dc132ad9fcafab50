using System;
using VodTools.Model;

namespace VodTools.Services.Transcode
{
    /// <summary>What one poll found: the task as now seen, or the error of the call that should have seen it.</summary>
    public sealed class TranscodePollResult
    {
        public TranscodePollResult(string taskId, TranscodeTask? task, Exception? error)
        {
            TaskId = taskId;
            Task = task;
            Error = error;
        }

        public string TaskId { get; }
        public TranscodeTask? Task { get; }
        public Exception? Error { get; }
    }
}
