using System.Net.Http;
using System.Net;
using System.Threading.Tasks;
using System.Threading;
using System;

namespace VodTools.Api.Credentials
{
    /// <summary>
    /// Sends one request of a credential source with its own time limit and returns the status and body.
    /// Transport failures and timeouts become <see cref="CredentialsException"/> with the caller's ErrorId;
    /// cancellation by the caller stays an <see cref="OperationCanceledException"/>.
    /// </summary>
    internal static class CredentialHttp
    {
        public static async Task<(HttpStatusCode Status, string Body)> SendAsync(
            HttpClient httpClient, HttpRequestMessage request, TimeSpan timeout, string errorId, string what, CancellationToken cancellationToken)
        {
            using (request)
            using (var timeoutSource = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
            {
                timeoutSource.CancelAfter(timeout);
                try
                {
                    using (var response = await httpClient.SendAsync(request, timeoutSource.Token).ConfigureAwait(false))
                    {
                        var body = await response.Content.ReadAsStringAsync().ConfigureAwait(false);
                        return (response.StatusCode, body);
                    }
                }
                catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                {
                    throw new CredentialsException(errorId, $"{what} did not answer within {timeout.TotalSeconds:0.###} s.");
                }
                catch (HttpRequestException e)
                {
                    throw new CredentialsException(errorId, $"{what} failed: {e.Message}", e);
                }
            }
        }
    }
}
