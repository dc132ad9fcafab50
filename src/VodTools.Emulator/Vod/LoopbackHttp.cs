using System.Net;
using System.Net.Sockets;

namespace VodTools.Emulator.Vod;

/// <summary>The HTTP client VOD reaches out with (URL pulls, event callbacks): it connects to loopback addresses only,
/// whatever a name resolves to or a redirect points at, so the emulator never reaches the network.</summary>
internal static class LoopbackHttp
{
    public static readonly HttpClient Client = new(Handler()) { Timeout = TimeSpan.FromMinutes(10) };

    private static SocketsHttpHandler Handler() => new()
    {
        UseProxy = false,
        ConnectTimeout = TimeSpan.FromSeconds(10),
        ConnectCallback = async (context, token) =>
        {
            var addresses = await Dns.GetHostAddressesAsync(context.DnsEndPoint.Host, token);
            var loopback = addresses.FirstOrDefault(IPAddress.IsLoopback)
                ?? throw new HttpRequestException($"{context.DnsEndPoint.Host} is not a loopback address.");
            var socket = new Socket(loopback.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(new IPEndPoint(loopback, context.DnsEndPoint.Port), token);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        },
    };
}
