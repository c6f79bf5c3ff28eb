using System.Net;
using System.Text.Json;
using Reporting.Development.Emulator;
using Reporting.Functions.Functions;
using Reporting.TestSupport;
using Xunit;

namespace Reporting.EndToEnd.Tests;

/// <summary>GET /api/health over HTTP, anonymous: what storage, the poison queues and the timers look like; 503 without storage.</summary>
[Collection(LocalHostCollection.Name)]
public sealed class HealthTests(LocalHostFixture app)
{
    private static readonly string[] Fields = ["status", "storage", "poisonQueues", "timers", "checkedAt"];

    private static async Task<(HttpStatusCode Status, JsonElement Body, HttpResponseMessage Response)> GetHealthAsync(HttpClient client)
    {
        var response = await client.GetAsync("api/health");
        var text = await response.Content.ReadAsStringAsync();
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        return (response.StatusCode, JsonDocument.Parse(text).RootElement.Clone(), response);
    }

    private async Task<int> PoisonCountAsync(string queue) =>
        (await app.Storage.Queues.GetQueueClient(queue).GetPropertiesAsync()).Value.ApproximateMessagesCount;

    [Fact]
    public async Task Health_answers_anonymously_with_storage_the_poison_queues_and_each_timer_s_last_run()
    {
        // The sweep runs every 2 s in these tests: its last run shows up.
        JsonElement body = default;
        await Eventually.HoldsAsync(async () =>
        {
            var (status, answer, response) = await GetHealthAsync(app.Anonymous);
            using (response) Assert.Equal(HttpStatusCode.OK, status);
            body = answer;
            return answer.GetProperty("timers").GetProperty(NotificationSweepFunction.Name).ValueKind == JsonValueKind.String;
        }, LocalHostFixture.DefaultWait, () => $"the notification sweep's last run in the health answer: {body}");

        Assert.Equal(Fields, body.EnumerateObject().Select(p => p.Name));
        Assert.Equal("reachable", body.GetProperty("storage").GetString());
        Assert.Equal(HealthFunction.Timers, body.GetProperty("timers").EnumerateObject().Select(p => p.Name));
        var sweep = body.GetProperty("timers").GetProperty(NotificationSweepFunction.Name).GetDateTimeOffset();
        var now = DateTimeOffset.UtcNow;
        Assert.True(sweep > now - TimeSpan.FromMinutes(5) && sweep <= now + TimeSpan.FromSeconds(5), $"sweep last ran {sweep:o}");
        var poison = body.GetProperty("poisonQueues");
        Assert.Equal(["report-assembly-poison", "report-notifications-poison", "report-year-end-poison"], poison.EnumerateObject().Select(p => p.Name));
        foreach (var queue in poison.EnumerateObject())
            Assert.True(queue.Value.GetInt32() >= 0, $"{queue.Name}: {queue.Value}");
    }

    [Fact]
    public async Task A_message_in_a_poison_queue_is_counted_and_makes_the_app_degraded_but_still_answering_200()
    {
        const string queue = "report-notifications-poison";
        var poison = app.Storage.Queues.GetQueueClient(queue);
        var before = await PoisonCountAsync(queue);
        var sent = (await poison.SendMessageAsync("{\"year\":2014,\"department\":\"health-test\",\"version\":1}")).Value;
        try
        {
            var (status, body, response) = await GetHealthAsync(app.Anonymous);
            using (response)
            {
                Assert.Equal(HttpStatusCode.OK, status);
                Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
            }
            Assert.Equal("degraded", body.GetProperty("status").GetString());
            Assert.Equal(before + 1, body.GetProperty("poisonQueues").GetProperty(queue).GetInt32());
        }
        finally
        {
            await poison.DeleteMessageAsync(sent.MessageId, sent.PopReceipt);
        }
    }

    /// <summary>
    /// Its own Azurite and host, since Azurite is killed: the health check says 503 within seconds, and the host's log
    /// holds a stack trace once per poller (the three queues, the 2-second sweep), not one per failed poll.
    /// </summary>
    [Fact]
    public async Task With_storage_gone_health_answers_503_and_the_host_logs_each_poller_s_stack_trace_once()
    {
        var env = new LocalHostFixture { LogName = $"{nameof(HealthTests)}.storage-gone" };
        try
        {
            await env.InitializeAsync();
            var logLines = ReadLog(env).Length;
            Assert.True(PosixSignal.Send(env.Azurite.ProcessId, PosixSignal.Kill), "could not kill Azurite");

            var clock = System.Diagnostics.Stopwatch.StartNew();
            var (status, body, response) = await GetHealthAsync(env.Anonymous);
            response.Dispose();
            Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(15), $"health took {clock.Elapsed.TotalSeconds:F1} s without storage");
            Assert.Equal("unhealthy", body.GetProperty("status").GetString());
            Assert.Equal("unreachable", body.GetProperty("storage").GetString());
            Assert.Equal(JsonValueKind.Null, body.GetProperty("poisonQueues").ValueKind);

            // Several failed polls on each queue: each a line of its own.
            string[] queues = ["report-assembly", "report-notifications", "report-year-end"];
            bool EachFailedThrice() => queues.All(q => Since(env, logLines).Count(l => l.Contains($"Polling queue {q} failed again:")) >= 3);
            await Eventually.HoldsAsync(() => Task.FromResult(EachFailedThrice()),
                LocalHostFixture.DefaultWait, () => env.HostLog.Tail(l => l.Contains("Polling queue", StringComparison.Ordinal)));

            var lines = Since(env, logLines);
            // An entry with a stack trace is a timestamped line followed by the exception's indented lines.
            var withStack = lines.Where((line, i) => !line.StartsWith(' ') && i + 1 < lines.Count && lines[i + 1].StartsWith("    ", StringComparison.Ordinal))
                .ToList();
            Assert.True(withStack.Count <= 6, $"{withStack.Count} log entries with a stack trace after storage went:\n  " + string.Join("\n  ", withStack));
            foreach (var queue in queues)
                Assert.Single(withStack, l => l.Contains($"Polling queue {queue} failed:", StringComparison.Ordinal));
        }
        finally
        {
            await env.DisposeAsync();
        }
    }

    private static string[] ReadLog(LocalHostFixture env)
    {
        using var stream = new FileStream(env.HostLog.Path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd().Split('\n');
    }

    private static List<string> Since(LocalHostFixture env, int from) => ReadLog(env).Skip(Math.Max(0, from - 1)).ToList();
}
