using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Threading.Tasks;
using System.Threading;
using System;
using VodTools.Api.Credentials;
using VodTools.Api.Endpoints;
using VodTools.Api.Http;
using VodTools.Api;
using VodTools.Services;

namespace VodTools.Commands.Common
{
    /// <summary>
    /// What every VodTools cmdlet shares: where to connect and as whom (parameters over session context over the
    /// credential chain), retries, -Verbose lines per API call written from the pipeline thread, Ctrl+C that
    /// cancels in-flight calls, and ErrorRecords that carry the cloud's code and RequestId.
    /// </summary>
    public abstract class VodCmdletBase : ConnectionCmdletBase, IWorkflowHost, IDisposable
    {
        private readonly CancellationTokenSource _stop = new CancellationTokenSource();
        private readonly ConcurrentQueue<string> _diagnostics = new ConcurrentQueue<string>();
        private CloudSession? _session;

        /// <summary>Attempts per API call, the first included (throttling, 5xx and network failures are retried). Default 5.</summary>
        [Parameter]
        [ValidateRange(1, 20)]
        public int MaxAttempts { get; set; } = RetryPolicy.Default.MaxAttempts;

        /// <summary>Seconds one attempt may wait with nothing moving (no answer, no byte of a body sent) before it counts as a timeout. Default 60.</summary>
        [Parameter]
        [ValidateRange(1, 3600)]
        public int AttemptTimeoutSec { get; set; } = 60;

        /// <summary>Cancelled when the pipeline stops (Ctrl+C, Select-Object -First).</summary>
        protected CancellationToken Cancellation => _stop.Token;

        /// <summary>The services, opened on first use: a missing credential or bad region ends the cmdlet before any call.</summary>
        protected CloudSession Session => _session ??= OpenSession();

        protected override void StopProcessing() => _stop.Cancel();

        public void Dispose()
        {
            _stop.Dispose();
            GC.SuppressFinalize(this);
        }

        private CloudSession OpenSession()
        {
            var options = new ClientOptions
            {
                Retry = new RetryPolicy(MaxAttempts, RetryPolicy.Default.BaseDelay, RetryPolicy.Default.MaxDelay),
                AttemptTimeout = TimeSpan.FromSeconds(AttemptTimeoutSec),
                Log = _diagnostics.Enqueue,
            };
            var context = VodContext.Current;
            var settings = ParameterSettings().Over(context.Settings);
            var gone = SessionTarget.EmulatorGone(settings, context.Emulator);
            if (gone != null)
                ThrowTerminatingError(new ErrorRecord(new InvalidOperationException(gone), ErrorIds.EmulatorNotRunning, ErrorCategory.ResourceUnavailable, context.EmulatorUrl));
            try
            {
                var session = CloudSession.Open(settings, options, HttpTransport.Shared);
                var warning = SessionTarget.Current.SwitchWarning(settings, session.Region.RegionId);
                if (warning != null) WriteWarning(warning);
                WriteDebug($"Credentials: {session.Credentials.Description}");
                WriteDebug($"Region: {session.Region}");
                WriteDebug("Endpoints: " + string.Join(", ", Enum.GetValues(typeof(CloudService)).Cast<CloudService>()
                    .Select(s => s == CloudService.Vod && !session.Endpoints.ServesVod ? "Vod none in this region" : $"{s} {session.Endpoints.GetBaseUri(s)}"))
                    + $", VOD domains {session.Endpoints.GetVodDomainBaseUri()}");
                return session;
            }
            catch (CredentialsException e)
            {
                ThrowTerminatingError(new ErrorRecord(e, e.ErrorId, ErrorCategory.AuthenticationError, null));
                throw;
            }
            catch (ValidationException e)
            {
                this.ThrowParameterError(e);
                throw;
            }
        }

        /// <summary>Writes the queued per-call diagnostic lines; only the pipeline thread may.</summary>
        protected void FlushDiagnostics()
        {
            while (_diagnostics.TryDequeue(out var line))
            {
                if (_diagnosticsMuted) continue;
                try
                {
                    WriteVerbose(line);
                }
                catch (PSInvalidOperationException)
                {
                    // -Debug makes PowerShell ask before each such line; a host that cannot ask (a runbook, pwsh
                    // -NonInteractive) refuses, and a diagnostic line must not fail the call: the rest are dropped.
                    _diagnosticsMuted = true;
                }
            }
        }

        private bool _diagnosticsMuted;

        /// <summary>
        /// Waits on the pipeline thread for async work, writing -Verbose lines as they come; Ctrl+C stops it. A failure no
        /// other call can get past (a refused key, an endpoint that does not answer, no credentials) ends the cmdlet here with
        /// its own ErrorId, whatever the caller would have done with a failure of this one call.
        /// </summary>
        protected T Await<T>(Task<T> task)
        {
            try
            {
                return AwaitResult(task);
            }
            catch (Exception e) when (IsFatal(e))
            {
                WriteItemError(e, ErrorIds.EndpointUnreachable, null);
                throw;
            }
        }

        /// <summary>The workflows (Test-VodBucket's checks, the access steps) judge each failure themselves.</summary>
        T IWorkflowHost.Await<T>(Task<T> task) => AwaitResult(task);

        void IWorkflowHost.Await(Task task) => AwaitResult(Completion(task));

        private T AwaitResult<T>(Task<T> task)
        {
            WaitDraining(task);
            try
            {
                return task.GetAwaiter().GetResult();
            }
            catch (OperationCanceledException) when (_stop.IsCancellationRequested)
            {
                throw new PipelineStoppedException();
            }
        }

        private static Task<bool> Completion(Task task) => task.ContinueWith(t => { t.GetAwaiter().GetResult(); return true; }, TaskScheduler.Default);

        CancellationToken IWorkflowHost.Cancellation => Cancellation;

        bool IWorkflowHost.ShouldProcess(string target, string action) => this.Confirm(target, action, SkipsQuestions);

        bool IWorkflowHost.ShouldProcessHighImpact(string target, string action) => this.Confirm(target, action, SkipsQuestions, highImpact: true);

        bool IWorkflowHost.ShouldContinue(string query, string caption) => this.Continue(query, caption, SkipsQuestions);

        /// <summary>True when the user said not to be asked (a -Force that covers the workflow's questions).</summary>
        protected virtual bool SkipsQuestions => false;

        protected void Await(Task task) => Await(Completion(task));

        /// <summary>Blocks until the task ends, flushing diagnostics every 100 ms.</summary>
        protected void WaitDraining(Task task)
        {
            // Not task.Wait: it would wrap a failure in an AggregateException; the caller unwraps with GetResult.
            while (!((IAsyncResult)task).AsyncWaitHandle.WaitOne(100)) FlushDiagnostics();
            FlushDiagnostics();
        }

        /// <summary>Checks one input item before any call: an item the check refuses is a non-terminating error with the check's ErrorId, and false.</summary>
        protected bool CheckItem<T>(Func<T> check, object? target, out T value)
        {
            try
            {
                value = check();
                return true;
            }
            catch (ValidationException e)
            {
                WriteItemError(e, e.ErrorId, target);
                value = default!;
                return false;
            }
        }

        /// <summary>
        /// Reports a failure about one input item as a non-terminating error, or, when nothing further can succeed
        /// (endpoint unreachable, key refused, credentials unavailable), ends the cmdlet.
        /// </summary>
        protected void WriteItemError(Exception error, string errorId, object? target, string? recommendedAction = null)
        {
            FlushDiagnostics();
            var record = ToErrorRecord(error, errorId, target, recommendedAction);
            if (IsFatal(error)) ThrowTerminatingError(record);
            WriteError(record);
        }

        /// <summary>Writes, in the order asked, the item a batch call answered for each id, or an ObjectNotFound error for an id it did not.</summary>
        protected void WriteFound<T>(IReadOnlyList<string> ids, IReadOnlyList<T> found, Func<T, string> idOf, string what, string notFoundErrorId)
        {
            foreach (var id in ids)
            {
                var item = found.FirstOrDefault(f => idOf(f) == id);
                if (item != null) WriteObject(item);
                else WriteError(new ErrorRecord(new ItemNotFoundException($"VOD has no {what} {id}."), notFoundErrorId, ErrorCategory.ObjectNotFound, id));
            }
        }

        /// <summary>
        /// The error as a record whose message names the item it is about and, for a call that was retried, says so, as a
        /// line on screen shows the message alone.
        /// </summary>
        protected static ErrorRecord ToErrorRecord(Exception error, string errorId, object? target, string? recommendedAction = null)
        {
            var recommended = recommendedAction;
            ErrorRecord record;
            switch (error)
            {
                case CloudException cloud:
                    record = new ErrorRecord(cloud, IsFatal(cloud) ? FatalId(cloud) : errorId, Category(cloud), target);
                    if (cloud.Denial != null)
                        recommended ??= $"Attach a RAM policy that allows {cloud.Denial.Action} to the RAM user or role of these credentials"
                            + (cloud.Denial.ExplicitDeny ? ", and remove the Deny statement that refuses it." : ".");
                    if (cloud.Recommend != null) recommended ??= "See " + cloud.Recommend;
                    break;
                case OutcomeUnknownException unknown:
                    record = new ErrorRecord(unknown, unknown.ErrorId, ErrorCategory.OperationTimeout, target);
                    recommended ??= unknown.Check;
                    break;
                case ValidationException invalid:
                    record = new ErrorRecord(invalid, invalid.ErrorId, ErrorCategory.InvalidArgument, target);
                    break;
                case CredentialsException credentials:
                    record = new ErrorRecord(credentials, credentials.ErrorId, ErrorCategory.AuthenticationError, target);
                    break;
                default:
                    record = new ErrorRecord(error, errorId, ErrorCategory.InvalidOperation, target);
                    break;
            }
            var message = error.Message;
            if (error is CloudException { Attempts: > 1 } retried)
                message += $" It failed all {retried.Attempts} attempts, retried with growing pauses (-MaxAttempts sets how many).";
            var item = ItemName(target);
            if (item != null && message.IndexOf(item, StringComparison.Ordinal) < 0) message = item + ": " + message;
            if (message != error.Message || recommended != null) record.ErrorDetails = new ErrorDetails(message) { RecommendedAction = recommended };
            return record;
        }

        /// <summary>Words that name an input item: a string as it is, an object by its id, key or name.</summary>
        public static string? ItemName(object? target)
        {
            switch (target)
            {
                case null:
                    return null;
                case string text:
                    return text.Length == 0 ? null : text;
                case PSObject wrapped when !(wrapped.BaseObject is PSCustomObject):
                    return ItemName(wrapped.BaseObject);
                case PSObject wrapped:
                    return ItemNameProperties.Select(name => wrapped.Properties[name]?.Value?.ToString()).FirstOrDefault(v => !string.IsNullOrEmpty(v));
                case System.IO.FileSystemInfo file:
                    return file.FullName;
                default:
                    // our objects print as what they are (oss://bucket/key, a media id); others by an id-like property
                    var type = target.GetType();
                    var printed = target.ToString();
                    if (!string.IsNullOrEmpty(printed) && printed != type.FullName) return printed;
                    return ItemNameProperties.Select(name => type.GetProperty(name)?.GetValue(target)?.ToString()).FirstOrDefault(v => !string.IsNullOrEmpty(v));
            }
        }

        private static readonly string[] ItemNameProperties = { "FileUrl", "MediaId", "TaskId", "Key", "Name", "Path" };

        /// <summary>True for a failure no other item can get past (unreachable endpoint, refused key, no credentials).</summary>
        protected static bool IsFatal(Exception error) =>
            error is CredentialsException || error is ValidationException { AffectsEveryItem: true } || (error is CloudException cloud && FatalId(cloud) != null);

        private static string? FatalId(CloudException cloud)
        {
            // a connection closed before the answer (after every retry) fails this call only: the endpoint answered others
            if (cloud.IsTransportFailure) return cloud.IsEndpointUnreachable ? ErrorIds.EndpointUnreachable : null;
            return cloud.IsAuthenticationFailure ? ErrorIds.AuthenticationFailed : null;
        }

        private static ErrorCategory Category(CloudException cloud)
        {
            var code = cloud.Code;
            if (cloud.IsTransportFailure) return code == TransportCodes.Timeout ? ErrorCategory.OperationTimeout : ErrorCategory.ConnectionError;
            if (code == TransportCodes.CrcMismatch) return ErrorCategory.InvalidResult;
            if (FatalId(cloud) == ErrorIds.AuthenticationFailed) return ErrorCategory.AuthenticationError;
            if (code.StartsWith("Throttling", StringComparison.Ordinal)) return ErrorCategory.LimitsExceeded;
            if (cloud.HttpStatus == 404 || code.Contains("NotFound") || code.StartsWith("EntityNotExist", StringComparison.Ordinal) || code.StartsWith("NoSuch", StringComparison.Ordinal))
                return ErrorCategory.ObjectNotFound;
            if (cloud.HttpStatus == 403 || code.StartsWith("Forbidden", StringComparison.Ordinal) || code == "NoPermission" || code == "AccessDenied")
                return ErrorCategory.PermissionDenied;
            if (cloud.HttpStatus == 409 || code.Contains("AlreadyExist")) return ErrorCategory.ResourceExists;
            if (cloud.HttpStatus >= 500) return ErrorCategory.ResourceUnavailable;
            return ErrorCategory.InvalidArgument;
        }
    }
}
