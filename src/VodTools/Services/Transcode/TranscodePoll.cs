using System.Collections.Generic;
using System;

namespace VodTools.Services.Transcode
{
    /// <summary>
    /// One task to poll: its id, and what is known of it: its media (then it can be looked at in a summary), its template
    /// group and its job ids (then, once finished, it can be read ten jobs a call).
    /// </summary>
    public sealed class TranscodePoll
    {
        public TranscodePoll(string taskId, string? mediaId = null, string? templateGroupId = null, IReadOnlyList<string>? jobIds = null)
        {
            TaskId = taskId;
            MediaId = mediaId;
            TemplateGroupId = templateGroupId;
            JobIds = jobIds ?? Array.Empty<string>();
        }

        public string TaskId { get; }
        public string? MediaId { get; }
        public string? TemplateGroupId { get; }
        public IReadOnlyList<string> JobIds { get; }
    }
}
