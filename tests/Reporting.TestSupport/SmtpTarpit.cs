using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Xunit;

namespace Reporting.TestSupport;

/// <summary>
/// An SMTP "tarpit" on 127.0.0.1: it accepts every connection and never says a word (not even the 220 greeting), as a
/// mail server that hangs does. A client without a timeout of its own waits on it for as long as it lets itself.
/// Connections are held open until disposal; <see cref="Accepted"/> counts them, so a test can see the client came.
/// </summary>
public sealed class SmtpTarpit : IAsyncLifetime
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, LoopbackPort.Free());
    private readonly ConcurrentBag<TcpClient> _held = [];
    private Task? _accepting;
    private int _accepted;

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>How many connections it has accepted (and is holding silent).</summary>
    public int Accepted => Volatile.Read(ref _accepted);

    public Task InitializeAsync()
    {
        _listener.Start();
        _accepting = Task.Run(AcceptAsync);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        _listener.Stop();
        if (_accepting is not null) await _accepting;
        foreach (var client in _held) client.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (true)
        {
            try
            {
                _held.Add(await _listener.AcceptTcpClientAsync());
                Interlocked.Increment(ref _accepted);
            }
            catch (Exception e) when (e is SocketException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }
        }
    }
}
