using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using MimeKit;
using SmtpServer;
using SmtpServer.Protocol;
using SmtpServer.Storage;
using Xunit;

namespace Reporting.TestSupport;

/// <summary>
/// A real SMTP server (the SmtpServer package) on 127.0.0.1 that keeps what it receives, and fails on command:
/// <see cref="StopAsync"/> takes it off the network (connections are refused, as with a server that is down) and
/// <see cref="InitializeAsync"/> brings it back on the same port.
/// </summary>
public sealed class SmtpTestServer : IAsyncLifetime
{
    private readonly ConcurrentQueue<MimeMessage> _messages = new();
    private CancellationTokenSource? _stop;
    private Task? _running;

    public int Port { get; } = LoopbackPort.Free();
    public IReadOnlyCollection<MimeMessage> Messages => _messages.ToArray();
    public bool IsUp => _running is { IsCompleted: false };

    public async Task InitializeAsync()
    {
        if (IsUp) return;
        var options = new SmtpServerOptionsBuilder().ServerName("127.0.0.1")
            .Endpoint(e => e.Endpoint(new IPEndPoint(IPAddress.Loopback, Port)))
            .Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(new Store(_messages));
        var server = new SmtpServer.SmtpServer(options, services);
        _stop = new CancellationTokenSource();
        _running = server.StartAsync(_stop.Token);
        // Listening is bound when a connection is accepted; a restart right after a stop may find the port still closing.
        await Eventually.HoldsAsync(() => Task.FromResult(Accepts()), TimeSpan.FromSeconds(10), $"the SMTP test server did not listen on 127.0.0.1:{Port}");
    }

    public async Task StopAsync()
    {
        if (_stop is null || _running is null) return;
        await _stop.CancelAsync();
        try { await _running; } catch (OperationCanceledException) { }
        _running = null;
        await Eventually.HoldsAsync(() => Task.FromResult(!Accepts()), TimeSpan.FromSeconds(10), $"the SMTP test server still accepts on 127.0.0.1:{Port}");
    }

    /// <summary>Waits (bounded) until a message matching <paramref name="match"/> has arrived.</summary>
    public async Task<MimeMessage> WaitForAsync(Func<MimeMessage, bool> match, TimeSpan timeout)
    {
        MimeMessage? found = null;
        await Eventually.HoldsAsync(() => Task.FromResult((found = _messages.FirstOrDefault(match)) is not null), timeout,
            () => $"No matching e-mail within {timeout}; received: {string.Join(" | ", _messages.Select(m => m.Subject))}");
        return found!;
    }

    public int Count(string reportKey) => _messages.Count(m => m.Headers["X-Report-Key"] == reportKey);

    public Task DisposeAsync() => StopAsync();

    private bool Accepts()
    {
        try
        {
            using var client = new System.Net.Sockets.TcpClient();
            client.Connect(IPAddress.Loopback, Port);
            return true;
        }
        catch (System.Net.Sockets.SocketException)
        {
            return false;
        }
    }

    private sealed class Store(ConcurrentQueue<MimeMessage> messages) : MessageStore
    {
        public override async Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer,
            CancellationToken cancellationToken)
        {
            using var stream = new MemoryStream(buffer.ToArray());
            messages.Enqueue(await MimeMessage.LoadAsync(stream, cancellationToken));
            return SmtpResponse.Ok;
        }
    }
}
