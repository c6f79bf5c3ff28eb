using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using Xunit;

namespace Reporting.TestSupport;

/// <summary>
/// A webhook receiver on 127.0.0.1 (HttpListener) that keeps the JSON bodies it accepted and fails on command:
/// while <see cref="FailWith"/> is set it answers that status and keeps nothing.
/// </summary>
public sealed class WebhookTestListener : IAsyncLifetime
{
    private readonly HttpListener _listener = new();
    private readonly ConcurrentQueue<JsonElement> _accepted = new();
    private Task? _serving;
    private int _refused;

    public Uri Url { get; } = new($"http://127.0.0.1:{LoopbackPort.Free()}/hook/");

    /// <summary>Answer every request with this status (e.g. 500) instead of 204; null to accept again.</summary>
    public HttpStatusCode? FailWith { get; set; }

    public IReadOnlyCollection<JsonElement> Accepted => _accepted.ToArray();
    public int Refused => Volatile.Read(ref _refused);

    public int Count(string key) => _accepted.Count(e => e.GetProperty("key").GetString() == key);

    public Task InitializeAsync()
    {
        _listener.Prefixes.Add(Url.ToString());
        _listener.Start();
        _serving = Task.Run(ServeAsync);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        // Close alone: on Linux, Stop then Close unregisters the prefix twice, and the second time binds the port again
        // to look it up, which fails with "Address already in use" once another test has taken the freed port.
        _listener.Close();
        if (_serving is not null) await _serving;
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try { context = await _listener.GetContextAsync(); }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException) { return; }
            using var reader = new StreamReader(context.Request.InputStream);
            var body = await reader.ReadToEndAsync();
            if (FailWith is { } status)
            {
                Interlocked.Increment(ref _refused);
                context.Response.StatusCode = (int)status;
            }
            else
            {
                _accepted.Enqueue(JsonDocument.Parse(body).RootElement.Clone());
                context.Response.StatusCode = (int)HttpStatusCode.NoContent;
            }
            context.Response.Close();
        }
    }
}
