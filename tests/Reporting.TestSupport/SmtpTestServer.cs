using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using MimeKit;
using SmtpServer;
using SmtpServer.Protocol;
using SmtpServer.Storage;
using Xunit;

namespace Reporting.TestSupport;

/// <summary>A real SMTP server (the SmtpServer package) on 127.0.0.1 that keeps what it receives.</summary>
public sealed class SmtpTestServer : IAsyncLifetime
{
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentQueue<MimeMessage> _messages = new();
    private Task? _running;

    public int Port { get; } = LoopbackPort.Free();
    public IReadOnlyCollection<MimeMessage> Messages => _messages.ToArray();

    public Task InitializeAsync()
    {
        var options = new SmtpServerOptionsBuilder().ServerName("127.0.0.1")
            .Endpoint(e => e.Endpoint(new IPEndPoint(IPAddress.Loopback, Port)))
            .Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(new Store(_messages));
        var server = new SmtpServer.SmtpServer(options, services);
        _running = server.StartAsync(_stop.Token);
        return Task.CompletedTask;
    }

    /// <summary>Waits (bounded) until a message matching <paramref name="match"/> has arrived.</summary>
    public async Task<MimeMessage> WaitForAsync(Func<MimeMessage, bool> match, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            var found = _messages.FirstOrDefault(match);
            if (found is not null) return found;
            await Task.Delay(50);
        }
        throw new TimeoutException($"No matching e-mail within {timeout}; received: {string.Join(" | ", _messages.Select(m => m.Subject))}");
    }

    public async Task DisposeAsync()
    {
        await _stop.CancelAsync();
        if (_running is not null) try { await _running; } catch (OperationCanceledException) { }
    }

    private sealed class Store(ConcurrentQueue<MimeMessage> messages) : MessageStore
    {
        public override async Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            using var stream = new MemoryStream(buffer.ToArray());
            messages.Enqueue(await MimeMessage.LoadAsync(stream, cancellationToken));
            return SmtpResponse.Ok;
        }
    }
}
