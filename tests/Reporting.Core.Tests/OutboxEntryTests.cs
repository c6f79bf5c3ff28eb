using Reporting.Core.Notices;
using Xunit;

namespace Reporting.Core.Tests;

public class OutboxEntryTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 27, 10, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Claim = TimeSpan.FromMinutes(2);
    private static readonly NotificationMessage.ReportReady Notice = new(2023, "kgj", 1);

    private static OutboxEntry FailedAt(DateTimeOffset at, TimeSpan backoff) =>
        new(Notice, "email", Attempts: 1, LastAttemptAt: at, NextAttemptAt: at + backoff);

    [Theory]
    [InlineData(30, 27.9, false)] // a long backoff: due up to 2 s early (queue and app clocks differ)
    [InlineData(30, 28.0, true)]
    [InlineData(1, 0.5, false)]   // a short backoff: at most a quarter early, so a duplicate just after the failure is dropped
    [InlineData(1, 0.75, true)]
    public void A_failed_channel_is_due_only_near_the_end_of_its_backoff(double backoffSeconds, double afterSeconds, bool due)
    {
        var entry = FailedAt(T0, TimeSpan.FromSeconds(backoffSeconds));

        Assert.Equal(due, entry.IsDueAt(T0 + TimeSpan.FromSeconds(afterSeconds), Claim));
    }

    [Fact]
    public void A_never_tried_channel_is_due_at_once_a_live_claim_is_not_and_a_sent_one_never_is()
    {
        var registered = new OutboxEntry(Notice, "email", NextAttemptAt: T0 + Claim);
        Assert.True(registered.IsDueAt(T0, Claim));
        Assert.Equal("pending", registered.StateAt(T0, Claim));

        var claimed = registered with { ClaimedAt = T0 };
        Assert.False(claimed.IsDueAt(T0 + Claim - TimeSpan.FromSeconds(1), Claim));
        Assert.Equal("sending", claimed.StateAt(T0, Claim));
        Assert.True(claimed.IsDueAt(T0 + Claim, Claim));

        var sent = claimed with { SentAt = T0 };
        Assert.False(sent.IsDueAt(T0 + TimeSpan.FromDays(30), Claim));
        Assert.Equal("sent", sent.StateAt(T0, Claim));
        Assert.Equal("retrying", FailedAt(T0, TimeSpan.FromSeconds(30)).StateAt(T0, Claim));
    }
}
