using System.Diagnostics;
using System.Globalization;
using System.Threading.Tasks;
using System.Threading;
using System;
using VodTools.Api.Credentials;

namespace VodTools.Api.Http
{
    /// <summary>
    /// Runs one logical call as attempts, for the RPC and OSS clients alike: credentials fetched and the request
    /// signed afresh each time, retryable failures retried with backoff, a skewed clock corrected once from the
    /// server's Date, and one diagnostic line per attempt with every secret redacted. Thread-safe.
    /// </summary>
    internal sealed class AttemptRunner
    {
        private readonly string _service;
        private readonly ICredentialProvider? _credentials;
        private readonly ClientOptions _options;
        private long _clockOffsetTicks;

        // credentials: null for anonymous calls (STS AssumeRoleWithOIDC).
        public AttemptRunner(string service, ICredentialProvider? credentials, ClientOptions options)
        {
            _service = service;
            _credentials = credentials;
            _options = options;
        }

        /// <param name="operation">What the log line names, e.g. <c>RegisterMedia</c> or <c>ListObjectsV2 media-archive</c>.</param>
        /// <param name="beforeEach">Runs before each attempt once the credentials are known (the QPS budget waits there).</param>
        /// <param name="attempt">Builds, signs and sends one attempt at the given time; throws <see cref="CloudException"/> on failure.</param>
        /// <param name="cancellationToken">Cancels the attempts and the pauses between them.</param>
        /// <param name="repeatable">
        /// False for a write that is not safe to repeat: it is tried again only after a failure that proves nothing was done;
        /// after any other it fails at once, marked <see cref="CloudException.OutcomeUnknown"/> when it may have acted.
        /// </param>
        /// <param name="history">Filled in on success, when given.</param>
        public async Task<T> RunAsync<T>(
            string operation,
            Func<CloudCredentials?, CancellationToken, Task>? beforeEach,
            Func<CloudCredentials?, DateTimeOffset, CancellationToken, Task<AttemptResult<T>>> attempt,
            CancellationToken cancellationToken,
            bool repeatable = true,
            AttemptHistory? history = null)
        {
            var retry = _options.Retry;
            var clockCorrected = false;
            var unanswered = false;
            for (var number = 1; ; number++)
            {
                var credentials = _credentials == null ? null : await _credentials.GetCredentialsAsync(cancellationToken).ConfigureAwait(false);
                if (beforeEach != null) await beforeEach(credentials, cancellationToken).ConfigureAwait(false);
                var watch = Stopwatch.StartNew();
                try
                {
                    var result = await attempt(credentials, Now(), cancellationToken).ConfigureAwait(false);
                    Log(credentials, operation, number, result.Status, result.RequestId, watch, null);
                    if (history != null) history.AfterUnansweredAttempt = unanswered;
                    return result.Value;
                }
                catch (CloudException e) when (RetryPolicy.IsClockSkew(e) && !clockCorrected && e.ServerDate != null)
                {
                    clockCorrected = true;
                    Interlocked.Exchange(ref _clockOffsetTicks, (e.ServerDate.Value - _options.Clock()).Ticks);
                    Log(credentials, operation, number, e.HttpStatus, e.RequestId, watch, e.Code + "; local clock corrected from the server's Date, retrying");
                    number--; // a corrected clock is not a spent attempt
                }
                catch (CloudException e) when (number < retry.MaxAttempts && RetryPolicy.IsRetryable(e) && (repeatable || RetryPolicy.ProvesNothingDone(e)))
                {
                    unanswered |= RetryPolicy.LeavesOutcomeUnknown(e);
                    var delay = retry.DelayBefore(number + 1, e.RetryAfter);
                    Log(credentials, operation, number, e.HttpStatus, e.RequestId, watch, $"{e.Code}; retrying in {delay.TotalMilliseconds:0} ms");
                    await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
                }
                catch (CloudException e)
                {
                    e.OutcomeUnknown = RetryPolicy.LeavesOutcomeUnknown(e);
                    e.Attempts = number;
                    e.AfterUnansweredAttempt = unanswered;
                    var outcome = !repeatable && e.OutcomeUnknown && RetryPolicy.IsRetryable(e)
                        ? e.Code + "; not repeated: it may have been done, to be checked by reading back" : e.Code;
                    Log(credentials, operation, number, e.HttpStatus, e.RequestId, watch, outcome);
                    throw;
                }
            }
        }

        private DateTimeOffset Now() => _options.Clock() + TimeSpan.FromTicks(Interlocked.Read(ref _clockOffsetTicks));

        private void Log(CloudCredentials? credentials, string operation, int attempt, int status, string? requestId, Stopwatch watch, string? outcome)
        {
            var log = _options.Log;
            if (log == null) return;
            var line = $"{_service} {operation} attempt {attempt}/{_options.Retry.MaxAttempts}: " +
                (status > 0 ? "HTTP " + status.ToString(CultureInfo.InvariantCulture) : "no answer") +
                (outcome != null ? " " + outcome : string.Empty) +
                (requestId != null ? ", RequestId " + requestId : string.Empty) +
                $", {watch.ElapsedMilliseconds} ms";
            log(SecretRedactor.Redact(line, new[] { credentials?.AccessKeySecret, credentials?.SecurityToken }));
        }
    }
}
