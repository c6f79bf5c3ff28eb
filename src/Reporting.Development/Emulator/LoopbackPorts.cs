using System.Net;
using System.Net.Sockets;

namespace Reporting.Development.Emulator;

/// <summary>
/// Free ports on 127.0.0.1, never the same one twice in a process. A port is free only until someone binds it: tests
/// start several emulators, SMTP servers and listeners at once, and a port handed to one (Azurite binds it seconds
/// later) could otherwise be handed to another in between, which then talks to the wrong server.
/// </summary>
public static class LoopbackPorts
{
    private static readonly HashSet<int> HandedOut = [];

    public static int Next()
    {
        lock (HandedOut)
            for (var attempt = 0; attempt < 100; attempt++)
            {
                using var listener = new TcpListener(IPAddress.Loopback, 0);
                listener.Start();
                var port = ((IPEndPoint)listener.LocalEndpoint).Port;
                if (HandedOut.Add(port)) return port;
            }
        throw new InvalidOperationException("No loopback port that was not handed out before was found in 100 attempts.");
    }

    /// <summary>Whether something accepts connections on 127.0.0.1:<paramref name="port"/>.</summary>
    public static bool IsListenedOn(int port)
    {
        try
        {
            using var client = new TcpClient();
            client.Connect(IPAddress.Loopback, port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
