using Reporting.LocalHost;
using Xunit;

namespace Reporting.EndToEnd.Tests;

/// <summary>
/// The local host's timers (the notification sweep every 2 s in these tests) keep firing however late their thread
/// runs. The clock is scripted reading by reading: the first reading says the time is not yet due, the next one (the
/// thread held up in between, as on a busy machine) that it passed a moment ago.
/// </summary>
public sealed class TimerTriggerSchedulerTests
{
    private static readonly DateTimeOffset Due = new(2026, 11, 27, 17, 3, 24, TimeSpan.Zero);

    /// <summary>Answers its readings in turn, then the last one for good; its timers are the system's.</summary>
    private sealed class ScriptedClock(params DateTimeOffset[] readings) : TimeProvider
    {
        private readonly Queue<DateTimeOffset> _readings = new(readings);

        public int Reads { get; private set; }

        public override DateTimeOffset GetUtcNow()
        {
            Reads++;
            return _readings.Count > 1 ? _readings.Dequeue() : _readings.Peek();
        }
    }

    [Theory]
    [InlineData(0.5)]
    [InlineData(1.5)] // a step of −1.5 ms was Task.Delay's −1: "forever", and the sweep never ran again
    [InlineData(2.5)] // below that Task.Delay threw, and the timer's loop ended
    [InlineData(1000)]
    public async Task A_wait_whose_time_passes_between_two_readings_of_the_clock_ends_at_once(double lateByMilliseconds)
    {
        var clock = new ScriptedClock(Due - TimeSpan.FromMilliseconds(0.3), Due + TimeSpan.FromMilliseconds(lateByMilliseconds));

        var fired = await TimerTriggerScheduler.WaitUntilAsync(Due, clock).WaitAsync(TimeSpan.FromSeconds(10));

        Assert.True(fired);
        Assert.Equal(2, clock.Reads);
    }

    [Fact]
    public async Task A_wait_not_yet_due_ends_no_earlier_than_its_time()
    {
        var start = DateTimeOffset.UtcNow;
        var due = start + TimeSpan.FromMilliseconds(300);

        Assert.True(await TimerTriggerScheduler.WaitUntilAsync(due, TimeProvider.System).WaitAsync(TimeSpan.FromSeconds(10)));

        Assert.True(DateTimeOffset.UtcNow >= due, $"woke {(due - DateTimeOffset.UtcNow).TotalMilliseconds:F2} ms early");
    }

    [Fact]
    public async Task A_wait_cancelled_by_shutdown_says_so_at_once()
    {
        using var stopping = new CancellationTokenSource();
        var waiting = TimerTriggerScheduler.WaitUntilAsync(DateTimeOffset.UtcNow + TimeSpan.FromHours(5), TimeProvider.System, stopping.Token);

        await stopping.CancelAsync();

        Assert.False(await waiting.WaitAsync(TimeSpan.FromSeconds(10)));
    }
}
