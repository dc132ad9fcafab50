using System;

namespace VodTools.Api.Http
{
    /// <summary>
    /// Any failure of a call to the cloud: an error the service answered (RPC JSON/XML or OSS XML,
    /// including OSS's x-oss-err header on HEAD) or a transport failure (no answer at all).
    /// </summary>
    public sealed class CloudException : Exception
    {
        public CloudException(
            string service, string operation, string code, string message, int httpStatus,
            string? requestId = null, string? hostId = null, string? recommend = null, Exception? inner = null)
            : base(Format(service, operation, code, message, httpStatus, requestId), inner)
        {
            Service = service;
            Operation = operation;
            Code = code;
            ServiceMessage = message;
            HttpStatus = httpStatus;
            RequestId = requestId;
            HostId = hostId;
            Recommend = recommend;
        }

        /// <summary>VOD, RAM, STS or OSS.</summary>
        public string Service { get; }
        /// <summary>The RPC action or OSS operation that failed.</summary>
        public string Operation { get; }
        /// <summary>The cloud's error code, e.g. <c>Throttling.User</c>; for transport failures <see cref="TransportCodes"/>.</summary>
        public string Code { get; }
        public string ServiceMessage { get; }
        /// <summary>0 when no HTTP answer arrived.</summary>
        public int HttpStatus { get; }
        public string? RequestId { get; }
        public string? HostId { get; }
        public string? Recommend { get; }

        public bool IsTransportFailure => HttpStatus == 0;

        /// <summary>No answer came, and not because a connection was dropped: the endpoint itself cannot be reached.</summary>
        public bool IsEndpointUnreachable => IsTransportFailure && !ConnectionClosed;

        /// <summary>The cloud refused the caller's key or signature (an unknown key id, a wrong secret, a bad token): no call with this key can succeed.</summary>
        public bool IsAuthenticationFailure =>
            Code.StartsWith("InvalidAccessKeyId", StringComparison.Ordinal) || Code == "SignatureDoesNotMatch" || Code.StartsWith("InvalidSecurityToken", StringComparison.Ordinal)
            || Code == "AccessKeyIdAndSecurityTokenNotMatch" || Code == "IncompleteSignature";

        /// <summary>
        /// A transport failure on a connection that was made and then closed or reset before the answer (a dropped
        /// connection): the endpoint is reachable, only this call failed. False when the endpoint could not be reached.
        /// </summary>
        public bool ConnectionClosed { get; internal set; }

        /// <summary>
        /// The call may have acted although it failed: its answer was lost (timeout, connection closed after sending) or
        /// a 5xx said nothing of what was done. A write in this state is read back, never repeated blindly.
        /// </summary>
        public bool OutcomeUnknown { get; internal set; }

        /// <summary>
        /// An earlier attempt of this call may have acted (its answer was lost before it was retried): an "already exists"
        /// or "not found" answer may then be the result of our own earlier attempt.
        /// </summary>
        public bool AfterUnansweredAttempt { get; internal set; }

        /// <summary>How many attempts the call made before it failed (1 when it was not retried).</summary>
        public int Attempts { get; internal set; } = 1;

        /// <summary>How long the server asked us to wait before retrying (throttling), when it said.</summary>
        public TimeSpan? RetryAfter { get; internal set; }

        /// <summary>What RAM refused, when the error says (its AccessDeniedDetail).</summary>
        public AccessDenial? Denial { get; internal set; }

        /// <summary>The server's clock (its Date header), used to correct a skewed local clock.</summary>
        public DateTimeOffset? ServerDate { get; internal set; }

        private static string Format(string service, string operation, string code, string message, int status, string? requestId) =>
            $"{service} {operation} failed: {code}: {message}" +
            (status > 0 ? $" (HTTP {status}" + (requestId != null ? $", RequestId {requestId})" : ")") : string.Empty);
    }
}
