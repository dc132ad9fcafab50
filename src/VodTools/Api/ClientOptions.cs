using System;
using VodTools.Api.Http;

namespace VodTools.Api
{
    /// <summary>What every RPC and OSS client shares: retries, timeout, clock and the diagnostics callback.</summary>
    public sealed class ClientOptions
    {
        public RetryPolicy Retry { get; set; } = RetryPolicy.Default;

        /// <summary>How long one attempt may wait with nothing moving before it counts as a timeout: for a request with a body, since the last chunk of it was sent.</summary>
        public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(60);

        /// <summary>Receives one line per attempt (service, operation, attempt, status, RequestId, ms). Thread-safe callers only.</summary>
        public Action<string>? Log { get; set; }

        public Func<DateTimeOffset> Clock { get; set; } = () => DateTimeOffset.UtcNow;

        /// <summary>Queue calls under the account's per-action QPS quota (VodQuota).</summary>
        public bool UseQpsBudget { get; set; } = true;

        public string UserAgent { get; set; } = "VodTools/" + typeof(ClientOptions).Assembly.GetName().Version!.ToString(3);
    }
}
