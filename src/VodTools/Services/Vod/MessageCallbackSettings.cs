using System.Collections.Generic;
using System;

namespace VodTools.Services.Vod
{
    /// <summary>What SetMessageCallback sets for an app (vod-20170321 SetMessageCallbackRequest). <see cref="AuthKey"/> is a secret.</summary>
    public sealed class MessageCallbackSettings
    {
        public string CallbackType { get; set; } = "HTTP";
        public string? CallbackUrl { get; set; }
        /// <summary>Event types, or ALL; none turns every notification off.</summary>
        public IReadOnlyList<string> EventTypes { get; set; } = Array.Empty<string>();
        public bool? AuthEnabled { get; set; }
        public string? AuthKey { get; set; }
        public string? MnsEndpoint { get; set; }
        public string? MnsQueueName { get; set; }
        public string? AppId { get; set; }
    }
}
