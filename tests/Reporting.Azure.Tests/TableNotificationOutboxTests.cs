using Reporting.Azure.Tables;
using Reporting.Core.Abstractions;
using Reporting.TestSupport;
using Xunit;

namespace Reporting.Azure.Tests;

[Collection(AzuriteCollection.Name)]
public class TableNotificationOutboxTests(AzuriteFixture azurite)
{
    private const string Key = "2023-kgj-v1";
    private static readonly TimeSpan Live = TimeSpan.FromMinutes(2);

    private async Task<TableNotificationOutbox> OutboxAsync(TimeProvider? clock = null) =>
        new(await azurite.CreateIsolatedClientsAsync(), clock ?? TimeProvider.System);

    [Fact]
    public async Task Of_concurrent_claims_exactly_one_wins()
    {
        var outbox = await OutboxAsync();

        var claims = await Together.RunAsync(8, _ => outbox.TryClaimAsync(Key, Live));

        Assert.Equal(Key, Assert.Single(claims.OfType<OutboxClaim>()).Key);
    }

    [Fact]
    public async Task A_live_claim_cannot_be_taken()
    {
        var outbox = await OutboxAsync();
        Assert.NotNull(await outbox.TryClaimAsync(Key, Live));

        Assert.Null(await outbox.TryClaimAsync(Key, Live));
        Assert.Null((await outbox.FindAsync(Key))!.SentAt);
    }

    [Fact]
    public async Task After_it_is_marked_sent_no_claim_succeeds_even_a_lapsed_one()
    {
        var outbox = await OutboxAsync();
        var claim = await outbox.TryClaimAsync(Key, Live);

        await outbox.MarkSentAsync(claim!, "email,webhook");

        Assert.Null(await outbox.TryClaimAsync(Key, Live));
        Assert.Null(await outbox.TryClaimAsync(Key, TimeSpan.Zero));
        var record = await outbox.FindAsync(Key);
        Assert.Equal("email,webhook", record!.Channels);
        Assert.NotNull(record.SentAt);
    }

    [Fact]
    public async Task A_lapsed_claim_can_be_taken_over()
    {
        var outbox = await OutboxAsync();
        var first = await outbox.TryClaimAsync(Key, TimeSpan.Zero);

        var taken = await outbox.TryClaimAsync(Key, TimeSpan.Zero);

        Assert.NotNull(taken);
        Assert.NotEqual(first!.ETag, taken.ETag);
        Assert.True(taken.ClaimedAt >= first.ClaimedAt);
    }

    [Fact]
    public async Task Of_several_takers_of_a_lapsed_claim_exactly_one_wins()
    {
        var clock = new ManualClock(DateTimeOffset.UtcNow);
        var outbox = await OutboxAsync(clock);
        Assert.NotNull(await outbox.TryClaimAsync(Key, Live));
        clock.Advance(Live + TimeSpan.FromSeconds(1));

        var takeovers = await Together.RunAsync(6, _ => outbox.TryClaimAsync(Key, Live));

        Assert.Equal(clock.Now, Assert.Single(takeovers.OfType<OutboxClaim>()).ClaimedAt);
    }

    [Fact]
    public async Task A_claim_lapses_after_its_lifetime_by_the_outboxes_clock()
    {
        var clock = new ManualClock(DateTimeOffset.UtcNow);
        var outbox = await OutboxAsync(clock);
        Assert.NotNull(await outbox.TryClaimAsync(Key, Live));

        clock.Advance(Live - TimeSpan.FromSeconds(1));
        Assert.Null(await outbox.TryClaimAsync(Key, Live));
        clock.Advance(TimeSpan.FromSeconds(2));
        Assert.NotNull(await outbox.TryClaimAsync(Key, Live));
    }

    [Fact]
    public async Task Claims_on_different_keys_do_not_interfere_and_an_unknown_key_has_no_record()
    {
        var outbox = await OutboxAsync();

        Assert.NotNull(await outbox.TryClaimAsync("2023-kgj-v1", Live));
        Assert.NotNull(await outbox.TryClaimAsync("2023-kgj-v2", Live));
        Assert.Null(await outbox.FindAsync("2023-sfj-v1"));
    }
}
