using System.Diagnostics;
using System.Net;
using VodTools.Api;
using VodTools.Api.Credentials;
using VodTools.Api.Http;

namespace VodTools.Bench;

/// <summary>
/// Scenario 5: how many signed RPC requests per second the emulator serves. C workers on loopback send requests the
/// module builds (RpcClient.BuildRequest: V3 signature, fresh nonce each) until N were sent or S seconds passed.
/// A mix of STS GetCallerIdentity (signature check only) and VOD ListTranscodeTemplateGroup (a signed read of SQLite).
/// </summary>
internal static class LoadGenerator
{
    public static async Task<int> RunAsync(Uri url, int requests, double seconds, int concurrency)
    {
        var credentials = new CloudCredentials("VODEMULATORKEYID", "VodEmulatorSecretKey");
        var provider = new StaticCredentialProvider(credentials, "bench");
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = concurrency, UseProxy = false };
        using var http = new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(30) };
        var transport = new HttpTransport(new SocketsHttpHandler());
        var options = new ClientOptions();
        var clients = new[]
        {
            (Client: new RpcClient(RpcService.Sts, url, provider, transport, options, RpcSignatureVersion.V3), Action: "GetCallerIdentity"),
            (Client: new RpcClient(RpcService.Vod, url, provider, transport, options, RpcSignatureVersion.V3), Action: "ListTranscodeTemplateGroup"),
        };
        var none = Array.Empty<KeyValuePair<string, string>>();

        int sent = 0, ok = 0, failed = 0;
        var deadline = TimeSpan.FromSeconds(seconds);
        var watch = Stopwatch.StartNew();
        async Task Worker()
        {
            while (watch.Elapsed < deadline)
            {
                int n = Interlocked.Increment(ref sent);
                if (n > requests) { Interlocked.Decrement(ref sent); return; }
                var (client, action) = clients[n % clients.Length];
                using var request = client.BuildRequest(action, none, credentials, DateTimeOffset.UtcNow);
                try
                {
                    using var response = await http.SendAsync(request).ConfigureAwait(false);
                    await response.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
                    if (response.StatusCode == HttpStatusCode.OK) Interlocked.Increment(ref ok); else Interlocked.Increment(ref failed);
                }
                catch (HttpRequestException) { Interlocked.Increment(ref failed); }
            }
        }
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(_ => Task.Run(Worker)));
        var elapsed = watch.Elapsed.TotalSeconds;
        Console.WriteLine($"{{\"requests\":{sent},\"ok\":{ok},\"failed\":{failed},\"seconds\":{elapsed:0.00},\"perSecond\":{ok / elapsed:0},\"concurrency\":{concurrency}}}");
        return failed == 0 ? 0 : 1;
    }
}
