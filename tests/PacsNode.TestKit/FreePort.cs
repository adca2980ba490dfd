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
}
