using System.Collections.Generic;

namespace VodTools.Model
{
    /// <summary>Where and how VOD sends an app's event notifications (GetMessageCallback). The authentication key is never held here.</summary>
    public sealed class VodMessageCallback
    {
        public string AppId { get; set; } = string.Empty;
        /// <summary>HTTP or MNS; empty when none is set.</summary>
        public string? CallbackType { get; set; }
        public string? CallbackUrl { get; set; }
        /// <summary>The events sent; ALL for every event, none when notifications are off.</summary>
        public IReadOnlyList<string> EventTypes { get; set; } = new string[0];
        /// <summary>True when VOD signs its HTTP callbacks (X-VOD-TIMESTAMP, X-VOD-SIGNATURE).</summary>
        public bool AuthEnabled { get; set; }
        /// <summary>"********" when a key is set, else empty: the key itself is not shown.</summary>
        public string AuthKey { get; set; } = string.Empty;
        public string? MnsEndpoint { get; set; }
        public string? MnsQueueName { get; set; }

        public override string ToString() => string.IsNullOrEmpty(CallbackUrl) ? AppId : CallbackUrl!;
    }
}
