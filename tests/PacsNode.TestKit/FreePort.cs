using System.Net;
using System.Net.Sockets;

namespace PacsNode.TestKit;

/// <summary>Free TCP ports on the loopback interface, chosen by the operating system rather than a counter.</summary>
public static class FreePort
{
    /// <summary>Binds port 0 on 127.0.0.1, reads back the port the system chose, and releases it.</summary>
    public static int Get()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    /// <summary>Waits until something accepts connections on 127.0.0.1:<paramref name="port"/> (a peer just started
    /// needs a moment to listen): up to 200 tries 50 ms apart, then the last connection error is thrown.</summary>
    public static async Task WaitUntilListeningAsync(int port, CancellationToken cancellationToken)
    {
        for (int attempt = 0; ; attempt++)
        {
            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync("127.0.0.1", port, cancellationToken);
                return;
            }
            catch (SocketException) when (attempt < 200)
            {
                await Task.Delay(50, cancellationToken);
            }
        }
    }
}
