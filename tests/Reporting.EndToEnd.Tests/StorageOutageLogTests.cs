using Azure;
using Microsoft.Extensions.Logging;
using Reporting.LocalHost;
using Reporting.TestSupport;
using Xunit;

namespace Reporting.EndToEnd.Tests;

/// <summary>
/// What a local poller says while storage is gone: the stack trace once per outage, a line per failed poll for a
/// minute, then a summary a minute, and a line when storage answers again. The clock is a test's.
/// </summary>
public sealed class StorageOutageLogTests
{
    private sealed class RecordingLogger : ILogger
    {
        public List<(LogLevel Level, string Text, Exception? Error)> Lines { get; } = [];

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Lines.Add((logLevel, formatter(state, exception), exception));
    }

    private const string ConnectionRefused = "Connection refused (127.0.0.1:10001)";

    private static Exception Refused() =>
        new AggregateException("Retry failed after 4 tries.",
            new RequestFailedException(ConnectionRefused, new System.Net.Http.HttpRequestException(ConnectionRefused)));

    [Fact]
    public void An_outage_shows_its_stack_trace_once_a_line_per_poll_for_a_minute_then_a_summary_a_minute_and_the_recovery()
    {
        var clock = new ManualClock(new DateTimeOffset(2026, 12, 7, 10, 0, 0, TimeSpan.Zero));
        var logger = new RecordingLogger();
        var log = new StorageOutageLog("Polling queue report-assembly", logger, clock);

        // Three minutes of polls every 250 ms: 720 failures.
        for (var i = 0; i < 720; i++)
        {
            log.Failed(Refused());
            clock.Advance(TimeSpan.FromMilliseconds(250));
        }
        Assert.True(log.InOutage);
        log.Succeeded();
        log.Succeeded();

        var lines = logger.Lines;
        Assert.Single(lines, l => l.Error is not null);
        Assert.NotNull(lines[0].Error);
        Assert.Contains("Connection refused (127.0.0.1:10001)", lines[0].Text);
        // The first minute: the first failure and one line for each of the 239 after it.
        Assert.Equal(240, lines.Count(l => l.Text.Contains("failed:", StringComparison.Ordinal) || l.Text.Contains("failed again:", StringComparison.Ordinal)));
        var summaries = lines.Where(l => l.Text.Contains("still failing", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, summaries.Count);
        Assert.Contains("240 failed polls in the last 1 min", summaries[0].Text);
        Assert.All(summaries, s => Assert.Contains("Connection refused (127.0.0.1:10001) (HttpRequestException)", s.Text));
        var recovered = Assert.Single(lines, l => l.Text.Contains("works again", StringComparison.Ordinal));
        Assert.Equal(LogLevel.Information, recovered.Level);
        Assert.Contains("after 180 s (720 failed polls)", recovered.Text);
        Assert.False(log.InOutage);
        Assert.Equal(240 + 2 + 1, lines.Count);
    }

    [Fact]
    public void A_second_outage_shows_its_stack_trace_again()
    {
        var clock = new ManualClock(new DateTimeOffset(2026, 12, 7, 10, 0, 0, TimeSpan.Zero));
        var logger = new RecordingLogger();
        var log = new StorageOutageLog("Timer function NotificationSweep", logger, clock);

        log.Failed(Refused());
        log.Succeeded();
        clock.Advance(TimeSpan.FromMinutes(5));
        log.Failed(new InvalidOperationException("second"));

        Assert.Equal(2, logger.Lines.Count(l => l.Error is not null));
        Assert.Contains("second", logger.Lines[^1].Text);
    }

    [Fact]
    public void Polls_that_succeed_say_nothing()
    {
        var logger = new RecordingLogger();
        var log = new StorageOutageLog("Polling queue report-notifications", logger, TimeProvider.System);

        log.Succeeded();

        Assert.Empty(logger.Lines);
    }
}
