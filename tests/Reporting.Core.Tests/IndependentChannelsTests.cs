using System.Diagnostics;
using Reporting.Core.Notices;
using Reporting.Core.Queues;
using Reporting.TestSupport;
using Xunit;

namespace Reporting.Core.Tests;

/// <summary>
/// Notices never wait on each other: a notice's channels go out side by side, and a channel that hangs is cut off
/// within its claim, recorded as failed and retried on the schedule — while the other channel has long gone out.
/// </summary>
public sealed class IndependentChannelsTests
{
    private readonly TestWorld _world = new TestWorld().WithWebhook();
    private static readonly NotificationMessage.ReportReady Message = new(2023, "kgj", 1);

    private async Task AssembleAsync()
    {
        await _world.CompleteReportAsync();
        await _world.Assembler.AssembleAsync(new AssemblyMessage(2023, "kgj", 1));
    }

    [Fact]
    public async Task A_hanging_email_never_delays_the_webhook_and_is_cut_off_within_its_claim_recorded_and_scheduled()
    {
        _world.Options.NotificationClaimLifetime = TimeSpan.FromSeconds(10);
        await AssembleAsync();
        _world.Sender.Hangs = true;
        var clock = Stopwatch.StartNew();

        var delivering = _world.Notifier.NotifyAsync(Message);
        await Eventually.HoldsAsync(() => Task.FromResult(!_world.Webhook.Sent.IsEmpty),
            TimeSpan.FromSeconds(30), "the webhook did not go out while the e-mail hung");
        Assert.False(delivering.IsCompleted); // the e-mail is still hanging: the webhook did not wait for it
        var result = await delivering;
        var took = clock.Elapsed;

        Assert.Equal(["webhook"], result.SentNow);
        Assert.True(took < _world.Options.NotificationClaimLifetime,
            $"the hanging attempt took {took.TotalSeconds:F1} s, past its {_world.Options.NotificationClaimLifetime} claim");
        var email = (await _world.Outbox.FindAsync(Message.OutboxKey)).Single(e => e.Channel == "email");
        Assert.Equal((1, null, false), (email.Attempts, email.ClaimedAt, email.IsSent));
        Assert.Contains("Cancel", email.LastError);
        Assert.Equal(_world.Clock.Now + TimeSpan.FromSeconds(10), email.NextAttemptAt);
        Assert.Equal((Message, TimeSpan.FromSeconds(10)), Assert.Single(_world.Queue.Scheduled));

        // The retry, once the server answers again, sends the e-mail only.
        _world.Sender.Hangs = false;
        _world.Clock.Advance(TimeSpan.FromSeconds(10));
        var retried = await _world.Notifier.NotifyAsync(Message);
        Assert.Equal(["email"], retried.SentNow);
        Assert.True(retried.Delivered);
        Assert.Single(_world.Webhook.Sent);
        Assert.Single(_world.Sender.Sent);
    }

    [Fact]
    public void An_attempt_is_given_half_the_claims_lifetime_so_it_ends_before_another_worker_may_take_over()
    {
        _world.Options.NotificationClaimLifetime = TimeSpan.FromMinutes(2);
        Assert.Equal(TimeSpan.FromMinutes(1), _world.Delivery.AttemptBudget);
    }
}
