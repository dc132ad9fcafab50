using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using System.Threading;
using System;
using VodTools.Model;
using VodTools.Services.Formats;

namespace VodTools.Services.Vod
{
    /// <summary>Event notifications: SetMessageCallback and GetMessageCallback.</summary>
    public sealed partial class VodService
    {
        /// <summary>"The callback URL can be up to 256 bytes in length" (SetMessageCallback reference).</summary>
        public const int MaxCallbackUrlBytes = 256;
        public const int MaxAuthKeyLength = 32;

        /// <summary>Sets where and how VOD notifies the app's events; setting the same again changes nothing, so it is retried freely.</summary>
        public async Task SetMessageCallbackAsync(MessageCallbackSettings settings, CancellationToken cancellationToken)
        {
            var parameters = new List<KeyValuePair<string, string>> { P("CallbackType", settings.CallbackType) };
            Add(parameters, "CallbackURL", settings.CallbackUrl);
            Add(parameters, "EventTypeList", string.Join(",", settings.EventTypes));
            Add(parameters, "AuthSwitch", settings.AuthEnabled == null ? null : settings.AuthEnabled.Value ? "on" : "off");
            Add(parameters, "AuthKey", settings.AuthKey);
            Add(parameters, "MnsEndpoint", settings.MnsEndpoint);
            Add(parameters, "MnsQueueName", settings.MnsQueueName);
            Add(parameters, "AppId", settings.AppId);
            await _client.CallAsync("SetMessageCallback", parameters, cancellationToken).ConfigureAwait(false);
        }

        /// <summary>The app's settings, with the authentication key masked: it never leaves this method.</summary>
        public async Task<VodMessageCallback> GetMessageCallbackAsync(string? appId, CancellationToken cancellationToken)
        {
            var parameters = new List<KeyValuePair<string, string>>();
            Add(parameters, "AppId", appId);
            var result = await _client.CallAsync("GetMessageCallback", parameters, cancellationToken).ConfigureAwait(false);
            var c = result.Prop("MessageCallback") ?? default;
            return new VodMessageCallback
            {
                AppId = NullIfEmpty(c.Str("AppId")) ?? appId ?? "app-1000000",
                CallbackType = NullIfEmpty(c.Str("CallbackType")),
                CallbackUrl = NullIfEmpty(c.Str("CallbackURL")),
                EventTypes = (c.Str("EventTypeList") ?? string.Empty).Split(new[] { ',' }, StringSplitOptions.RemoveEmptyEntries).Select(t => t.Trim()).ToList(),
                AuthEnabled = string.Equals(c.Str("AuthSwitch"), "on", StringComparison.OrdinalIgnoreCase),
                AuthKey = string.IsNullOrEmpty(c.Str("AuthKey")) ? string.Empty : "********",
                MnsEndpoint = NullIfEmpty(c.Str("MnsEndpoint")),
                MnsQueueName = NullIfEmpty(c.Str("MnsQueueName")),
            };
        }
    }
}
