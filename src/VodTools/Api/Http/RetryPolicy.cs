using System.Globalization;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System;

namespace VodTools.Api.Http
{
    /// <summary>How many times and how patiently a call is tried (exponential backoff with full jitter).</summary>
    public sealed class RetryPolicy
    {
        /// <summary>The policy every client uses unless told otherwise: 5 attempts, 200 ms base, 20 s cap.</summary>
        public static RetryPolicy Default { get; } = new RetryPolicy(5, TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(20));

        private static readonly ThreadLocal<Random> Jitter = new ThreadLocal<Random>(() => new Random(Guid.NewGuid().GetHashCode()));

        public RetryPolicy(int maxAttempts, TimeSpan baseDelay, TimeSpan maxDelay)
        {
            if (maxAttempts < 1) throw new ArgumentOutOfRangeException(nameof(maxAttempts), "At least one attempt.");
            MaxAttempts = maxAttempts;
            BaseDelay = baseDelay;
            MaxDelay = maxDelay;
        }

        /// <summary>Total attempts, the first included.</summary>
        public int MaxAttempts { get; }
        public TimeSpan BaseDelay { get; }
        public TimeSpan MaxDelay { get; }

        /// <summary>
        /// The pause before attempt <paramref name="nextAttempt"/> (2, 3, …): random in [0, min(base·2^(n-1), max)),
        /// but never shorter than the server's retry-after hint.
        /// </summary>
        public TimeSpan DelayBefore(int nextAttempt, TimeSpan? serverHint)
        {
            var ceiling = Math.Min(BaseDelay.TotalMilliseconds * Math.Pow(2, nextAttempt - 1), MaxDelay.TotalMilliseconds);
            var delay = TimeSpan.FromMilliseconds(Jitter.Value!.NextDouble() * ceiling);
            return serverHint.HasValue && serverHint.Value > delay ? serverHint.Value : delay;
        }

        /// <summary>
        /// Throttling, server-side and transport failures (a body damaged on the way included) are worth another try;
        /// validation, auth, not-found and conflict errors never are (darabonba-openapi's throttling retry options;
        /// alibabacloud-oss-go-sdk-v2 oss/retry; aliyun-oss-csharp-sdk RetryableServiceClient).
        /// </summary>
        public static bool IsRetryable(CloudException error)
        {
            if (error.IsTransportFailure || error.Code == TransportCodes.CrcMismatch) return true;
            if (error.HttpStatus >= 500 || error.HttpStatus == 408 || error.HttpStatus == 429) return true;
            var code = error.Code;
            return IsThrottling(code)
                || string.Equals(code, "ServiceUnavailable", StringComparison.OrdinalIgnoreCase)
                || code == "InternalError"
                // .NET resends a request by itself when a pooled connection dies before answering; the cloud then
                // sees our nonce twice. Our next attempt is re-signed with a fresh one, so it is safe and needed.
                || code == "SignatureNonceUsed";
        }

        /// <summary>
        /// Failures that prove the service did not act, so even a write that is not safe to repeat may be tried again:
        /// a connection that could not be made, a throttling answer, a 503 (the cloud's "did nothing, try later").
        /// </summary>
        public static bool ProvesNothingDone(CloudException error) =>
            error.IsTransportFailure
                ? error.Code == TransportCodes.ConnectionFailed && !error.ConnectionClosed
                : error.HttpStatus == 503 || error.HttpStatus == 429 || IsThrottling(error.Code) || IsClockSkew(error);

        /// <summary>
        /// Failures after which the service may have acted: an answer lost once the request was sent (timeout, closed
        /// connection), a 5xx other than 503, or a nonce the service had already seen (.NET resent the request itself).
        /// Any other answer is a refusal: nothing was done.
        /// </summary>
        public static bool LeavesOutcomeUnknown(CloudException error) =>
            !ProvesNothingDone(error) && (error.IsTransportFailure || error.HttpStatus >= 500 || error.HttpStatus == 408 || error.Code == "SignatureNonceUsed");

        private static bool IsThrottling(string code) =>
            code.StartsWith("Throttling", StringComparison.Ordinal) || code.EndsWith(".Throttling", StringComparison.Ordinal)
            || code.IndexOf("QpsLimitExceeded", StringComparison.Ordinal) >= 0;

        /// <summary>The clock-skew answers: worth one more try once the clock offset is corrected from the server's Date.</summary>
        public static bool IsClockSkew(CloudException error) =>
            error.Code == "RequestTimeTooSkewed" || error.Code == "InvalidTimeStamp.Expired";

        /// <summary>The server's throttling hint: x-acs-retry-after (ms), the larger TimeLeft of x-ratelimit-user(-api), or Retry-After (s).</summary>
        public static TimeSpan? ServerHint(HttpResponseMessage response)
        {
            if (long.TryParse(Header(response, "x-acs-retry-after"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var ms) && ms > 0)
                return TimeSpan.FromMilliseconds(ms);
            var timeLeft = new[] { "x-ratelimit-user-api", "x-ratelimit-user" }
                .Select(name => Header(response, name))
                .Where(v => v != null)
                .SelectMany(v => v!.Split(','))
                .Select(part => part.Split(':'))
                .Where(kv => kv.Length == 2 && kv[0].Trim() == "TimeLeft" && long.TryParse(kv[1], out _))
                .Select(kv => long.Parse(kv[1], CultureInfo.InvariantCulture))
                .DefaultIfEmpty(0)
                .Max();
            if (timeLeft > 0) return TimeSpan.FromMilliseconds(timeLeft);
            return response.Headers.RetryAfter?.Delta;
        }

        private static string? Header(HttpResponseMessage response, string name) =>
            response.Headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;
    }
}
