using VodTools.Api.Http;
using VodTools.Tests.Support;
using Xunit;

namespace VodTools.Tests.Api.Http;

/// <summary>
/// A connection closed before the answer (the cloud's load balancer dropping one request) is told apart from an
/// endpoint that cannot be reached: only the second ends a cmdlet (EndpointUnreachable); the first fails one call.
/// </summary>
public class TransportFailureTests
{
    private static readonly HttpTransport Transport = new(new HttpClientHandler { UseProxy = false });

    private static Task<CloudException> SendAsync(Uri uri) =>
        Assert.ThrowsAsync<CloudException>(() => Transport.SendAsync(new HttpRequestMessage(HttpMethod.Get, uri), HttpCompletionOption.ResponseContentRead,
            TimeSpan.FromSeconds(10), "VOD", "GetVideoInfo", CancellationToken.None));

    [Fact]
    public async Task A_connection_dropped_by_the_server_is_closed_not_unreachable()
    {
        using var server = new LoopbackServer(ScriptedAnswer.Dropped());
        var error = await SendAsync(server.BaseUri);
        Assert.True(error.IsTransportFailure);
        Assert.Equal(TransportCodes.ConnectionFailed, error.Code);
        Assert.True(error.ConnectionClosed);
        Assert.Contains("closed before the answer", error.Message);
    }

    [Fact]
    public async Task A_refused_connection_is_unreachable()
    {
        var error = await SendAsync(new Uri($"http://127.0.0.1:{LoopbackServer.FreePort()}/")); // nothing listens there
        Assert.True(error.IsTransportFailure);
        Assert.False(error.ConnectionClosed);
        Assert.Contains("Could not reach", error.Message);
    }
}
