using System.Net.Sockets;

namespace VodTools.Tests.Support;

/// <summary>.NET 6's cancellable accept, which the linked loopback server uses, for .NET Framework: stopping the
/// listener (its Dispose) ends a pending accept, so cancellation stops it.</summary>
internal static class TcpListenerExtensions
{
    public static async Task<Socket> AcceptSocketAsync(this TcpListener listener, CancellationToken cancellationToken)
    {
        using (cancellationToken.Register(listener.Stop))
            return await listener.AcceptSocketAsync().ConfigureAwait(false);
    }
}
