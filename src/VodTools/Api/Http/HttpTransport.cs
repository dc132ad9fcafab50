using System.Collections.Concurrent;
using System.Net.Http;
using System.Net;
using System.Threading.Tasks;
using System.Threading;
using System;

namespace VodTools.Api.Http
{
    /// <summary>
    /// The one HttpClient of the process (pooled connections, shared by every runspace), with a
    /// per-attempt timeout that is told apart from the caller's cancellation. A request with a body times out on
    /// inactivity, not on its total time: the clock restarts whenever a chunk of the body has been sent, so a large
    /// upload on a slow link goes on as long as it moves (as the OSS SDKs' read/write timeouts do).
    /// </summary>
    public sealed class HttpTransport
    {
        /// <summary>Connections per host: as many as the calls the fan-out cmdlets may keep in flight (-ThrottleLimit).</summary>
        public const int ConnectionsPerServer = InFlightLimit.MaxCeiling;

        private static readonly Lazy<HttpTransport> SharedInstance = new Lazy<HttpTransport>(() => new HttpTransport(CreateHandler()));
        private static readonly ConcurrentDictionary<string, bool> RaisedHosts = new ConcurrentDictionary<string, bool>(StringComparer.OrdinalIgnoreCase);

        private readonly HttpClient _client;

        public HttpTransport(HttpMessageHandler handler)
        {
            _client = new HttpClient(handler, disposeHandler: true) { Timeout = Timeout.InfiniteTimeSpan };
        }

        public static HttpTransport Shared => SharedInstance.Value;

        /// <summary>The client itself, for the few callers that speak plain HTTP (ECS metadata, credentials URIs).</summary>
        public HttpClient HttpClient => _client;

        /// <summary>
        /// Sends once. A timeout or a connection failure becomes a transport <see cref="CloudException"/>;
        /// the caller's cancellation stays an <see cref="OperationCanceledException"/>. The timeout is how long the
        /// attempt may wait with nothing moving: without a body, for the whole answer; with one, since the last chunk
        /// of it was sent.
        /// </summary>
        public async Task<HttpResponseMessage> SendAsync(
            HttpRequestMessage request, HttpCompletionOption completion, TimeSpan timeout,
            string service, string operation, CancellationToken cancellationToken)
        {
            AllowConnections(request.RequestUri!);
            using var attempt = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            if (request.Content != null) request.Content = new ObservedContent(request.Content, (_, _, _) => Restart(attempt, timeout));
            attempt.CancelAfter(timeout);
            try
            {
                return await _client.SendAsync(request, completion, attempt.Token).ConfigureAwait(false);
            }
            catch (Exception e) when ((e is OperationCanceledException || e is HttpRequestException) && attempt.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
            {
                var authority = request.RequestUri!.GetLeftPart(UriPartial.Authority);
                throw new CloudException(service, operation, TransportCodes.Timeout, request.Content == null
                    ? $"No answer from {authority} within {timeout.TotalSeconds:0.#} s."
                    : $"Nothing moved between this computer and {authority} for {timeout.TotalSeconds:0.#} s.", 0);
            }
            catch (HttpRequestException e) when (!cancellationToken.IsCancellationRequested)
            {
                var closed = ClosedAfterConnecting(e);
                var authority = request.RequestUri!.GetLeftPart(UriPartial.Authority);
                throw new CloudException(service, operation, TransportCodes.ConnectionFailed,
                    (closed ? $"The connection to {authority} closed before the answer: " : $"Could not reach {authority}: ") + Innermost(e).Message, 0, inner: e)
                {
                    ConnectionClosed = closed,
                };
            }
        }

        private static void Restart(CancellationTokenSource attempt, TimeSpan timeout)
        {
            try
            {
                attempt.CancelAfter(timeout);
            }
            catch (ObjectDisposedException)
            {
                // the attempt is over (a chunk the handler wrote after giving up): there is no clock left to restart
            }
        }

        private static Exception Innermost(Exception e) => e.InnerException == null ? e : Innermost(e.InnerException);

        /// <summary>
        /// True when the failure came from a connection that was open (reset, aborted, or the answer ended early: an
        /// IOException on .NET, a receive or closed-connection WebException on .NET Framework); false when connecting
        /// failed (refused, no route, name not resolved), TLS failed, or the cause is unknown.
        /// </summary>
        private static bool ClosedAfterConnecting(Exception e)
        {
            var closed = false;
            for (var inner = (Exception?)e; inner != null; inner = inner.InnerException)
            {
                switch (inner)
                {
                    case System.Net.Sockets.SocketException socket:
                        var code = socket.SocketErrorCode;
                        if (code != System.Net.Sockets.SocketError.ConnectionReset && code != System.Net.Sockets.SocketError.ConnectionAborted
                            && code != System.Net.Sockets.SocketError.Shutdown) return false;
                        closed = true;
                        break;
                    case WebException web:
                        if (web.Status != WebExceptionStatus.ReceiveFailure && web.Status != WebExceptionStatus.ConnectionClosed
                            && web.Status != WebExceptionStatus.KeepAliveFailure) return false;
                        closed = true;
                        break;
                    case System.Security.Authentication.AuthenticationException _:
                        return false;
                    case System.IO.IOException _:
                        closed = true;
                        break;
                }
            }
            return closed;
        }

        private static HttpClientHandler CreateHandler()
        {
            var handler = new HttpClientHandler
            {
                AllowAutoRedirect = false,
                AutomaticDecompression = DecompressionMethods.None,
                UseCookies = false,
            };
            var proxy = EnvironmentProxy.FromEnvironment(Environment.GetEnvironmentVariable);
            if (proxy != null)
            {
                handler.Proxy = proxy;
                handler.UseProxy = true;
            }
            try
            {
                handler.MaxConnectionsPerServer = ConnectionsPerServer;
            }
            catch (NotSupportedException)
            {
                // .NET Framework before 4.7.1 keeps the limit on ServicePointManager (below).
            }
            // Windows PowerShell 5.1 (.NET Framework) and Mono allow 2 connections per host unless told otherwise:
            // the calls in flight, not the stack, should decide.
            if (ServicePointManager.DefaultConnectionLimit < ConnectionsPerServer) ServicePointManager.DefaultConnectionLimit = ConnectionsPerServer;
            return handler;
        }

        /// <summary>
        /// Raises the connection limit of the host's ServicePoint, once per host: the default above reaches only those made
        /// after it, and another command of the session (Invoke-WebRequest in Windows PowerShell) may have made this one
        /// with 2, as Azure.Core's ServicePointHelpers also finds. Without effect where HttpClient does not use ServicePoints (.NET).
        /// </summary>
        private static void AllowConnections(Uri uri)
        {
            if (!RaisedHosts.TryAdd(uri.GetLeftPart(UriPartial.Authority), true)) return;
            try
            {
                var point = ServicePointManager.FindServicePoint(uri);
                if (point.ConnectionLimit < ConnectionsPerServer) point.ConnectionLimit = ConnectionsPerServer;
            }
            catch (NotSupportedException)
            {
                // a runtime without ServicePoints: nothing to raise
            }
        }
    }
}
