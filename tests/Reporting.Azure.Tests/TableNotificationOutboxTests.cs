using Reporting.Azure.Tables;
using Reporting.Core.Notices;
using Reporting.TestSupport;
using Xunit;

namespace Reporting.Azure.Tests;

/// <summary>The outbox table's storage rules on Azurite: one row per notice and channel, inserts and ETag-guarded replaces that only one taker wins.</summary>
[Collection(AzuriteCollection.Name)]
public class TableNotificationOutboxTests(AzuriteFixture azurite)
{
    private static readonly NotificationMessage.ReportReady Notice = new(2023, "kgj", 1);
    private static readonly DateTimeOffset T0 = new(2026, 11, 27, 10, 0, 0, TimeSpan.Zero);

    private static NotificationMessage.ReportReady Report(int year, string department, int version) => new(year, department, version);

    private async Task<TableNotificationOutbox> OutboxAsync()
    {
        var clients = await azurite.CreateIsolatedClientsAsync();
        await clients.EnsureCreatedAsync();
        return new TableNotificationOutbox(clients);
    }

    [Fact]
    public async Task One_query_lists_every_pdf_version_s_notice_of_a_report_and_nothing_of_another()
    {
        var outbox = await OutboxAsync();
        NotificationMessage[] ours = [Report(2023, "kgj", 1), Report(2023, "kgj", 2), Report(2023, "kgj", 10)];
        // Neighbours in key order: a department whose code starts with "kgj-v", another year, the year's volume, "kgjx".
        NotificationMessage[] others =
            [Report(2023, "kgj-vx", 1), Report(2024, "kgj", 1), new NotificationMessage.VolumeReady(2023, 1), Report(2023, "kgjx", 1)];
        foreach (var notice in ours.Concat(others))
            foreach (var channel in new[] { "email", "webhook" })
                Assert.NotNull(await outbox.TrySaveAsync(new OutboxEntry(notice, channel, Attempts: 1, NextAttemptAt: T0)));

        var listed = await outbox.ListForReportAsync(2023, "kgj");

        Assert.Equal(ours.SelectMany(n => new[] { $"{n.OutboxKey}/email", $"{n.OutboxKey}/webhook" }).Order(),
            listed.Select(e => $"{e.Key}/{e.Channel}").Order());
    }

    [Fact]
    public async Task A_key_prefix_lists_one_approver_s_review_notices_of_a_report_read_back_as_their_kind()
    {
        var outbox = await OutboxAsync();
        static NotificationMessage Review(string department, string approver, string window) =>
            new NotificationMessage.ReviewAwaited(2023, department, approver, window);
        NotificationMessage[] ours = [Review("kgj", "u1", "202401050200"), Review("kgj", "u1", "202401050215")];
        // Neighbours in key order: another approver whose id starts with ours, another department, a rejection notice.
        NotificationMessage[] others =
            [Review("kgj", "u10", "202401050200"), Review("kgjx", "u1", "202401050200"), new NotificationMessage.DraftRejected(2023, "kgj", "duty", 1)];
        foreach (var notice in ours.Concat(others))
            Assert.NotNull(await outbox.TrySaveAsync(new OutboxEntry(notice, "email", NextAttemptAt: T0)));

        var listed = await outbox.ListStartingWithAsync(NotificationMessage.ReviewAwaited.KeyPrefix(2023, "kgj", "u1"));

        Assert.Equal(ours, listed.Select(e => e.Notice).OrderBy(n => n.OutboxKey, StringComparer.Ordinal));
    }

    [Fact]
    public async Task Of_concurrent_inserts_of_one_channel_exactly_one_wins()
    {
        var outbox = await OutboxAsync();

        var claims = await Together.RunAsync(8, i => outbox.TrySaveAsync(new OutboxEntry(Notice, "email", ClaimedAt: T0.AddSeconds(i))));

        Assert.Single(claims.OfType<OutboxEntry>());
    }

    [Fact]
    public async Task Of_concurrent_replaces_under_one_etag_exactly_one_wins()
    {
        var outbox = await OutboxAsync();
        var stored = (await outbox.TrySaveAsync(new OutboxEntry(Notice, "email", Attempts: 1, NextAttemptAt: T0)))!;

        var takers = await Together.RunAsync(6, i => outbox.TrySaveAsync(stored with { ClaimedAt = T0.AddSeconds(i) }));

        var winner = Assert.Single(takers.OfType<OutboxEntry>());
        Assert.Equal(winner.ClaimedAt, Assert.Single(await outbox.FindAsync(Notice.OutboxKey)).ClaimedAt);
    }

    [Fact]
    public async Task A_rejection_notice_keeps_its_part_so_the_sweep_requeues_the_same_notice()
    {
        var outbox = await OutboxAsync();
        var rejection = new NotificationMessage.DraftRejected(2023, "kgj", "duty", 2);
        await outbox.TrySaveAsync(new OutboxEntry(rejection, "email", NextAttemptAt: T0));

        var due = Assert.Single(await outbox.ListDueAsync(T0));

        Assert.Equal(rejection, due.Notice);
        Assert.Equal("2023-kgj-duty-v2-rejected", due.Key);
    }

    [Fact]
    public async Task A_calendar_notice_keeps_its_day_or_form_id_so_the_sweep_requeues_the_same_notice()
    {
        var outbox = await OutboxAsync();
        var reminder = new NotificationMessage.DeadlineReminder(2024, "kgj", new DateOnly(2025, 2, 15));
        var overdue = new NotificationMessage.OverdueList(2024, new DateOnly(2025, 3, 2));
        var chase = new NotificationMessage.ReportChased(2024, "kgj", "a1b2c3d4e5f6");
        foreach (var notice in new NotificationMessage[] { reminder, overdue, chase })
            await outbox.TrySaveAsync(new OutboxEntry(notice, "email", NextAttemptAt: T0));

        var due = (await outbox.ListDueAsync(T0)).Select(e => e.Notice).Where(n => n.Year == 2024).OrderBy(n => n.OutboxKey, StringComparer.Ordinal).ToList();

        Assert.Equal([chase, reminder, overdue], due);
        Assert.Equal(["2024-kgj-chase-a1b2c3d4e5f6", "2024-kgj-reminder-2025-02-15", "2024-overdue-2025-03-02"], due.Select(n => n.OutboxKey));
        Assert.Empty(await outbox.ListForReportAsync(2024, "kgj"));
    }

    [Fact]
    public async Task Every_field_of_an_entry_round_trips_and_channels_are_separate_rows()
    {
        var outbox = await OutboxAsync();
        var volume = new NotificationMessage.VolumeReady(2023, 2);
        var failed = new OutboxEntry(volume, "webhook", null, null, 3, "HttpRequestException: 500", T0, T0.AddMinutes(10));
        await outbox.TrySaveAsync(failed);
        await outbox.SaveSentAsync(new OutboxEntry(volume, "email", T0, T0.AddSeconds(1), 1, null, T0.AddSeconds(1), null));

        var entries = (await outbox.FindAsync("2023-volume-v2")).OrderBy(e => e.Channel).ToList();

        Assert.Equal(["email", "webhook"], entries.Select(e => e.Channel));
        Assert.Equal(failed with { ETag = entries[1].ETag }, entries[1]);
        Assert.Equal((true, T0.AddSeconds(1)), (entries[0].IsSent, entries[0].SentAt));
        Assert.Equal(volume, entries[0].Notice);
    }

    [Fact]
    public async Task Recording_a_sent_channel_succeeds_even_after_another_worker_changed_the_row()
    {
        var outbox = await OutboxAsync();
        var claim = (await outbox.TrySaveAsync(new OutboxEntry(Notice, "email", ClaimedAt: T0)))!;
        Assert.NotNull(await outbox.TrySaveAsync(claim with { ClaimedAt = T0.AddMinutes(3) }));

        await outbox.SaveSentAsync(claim with { SentAt = T0.AddMinutes(4) });

        Assert.Equal(T0.AddMinutes(4), Assert.Single(await outbox.FindAsync(Notice.OutboxKey)).SentAt);
        Assert.Null(await outbox.TrySaveAsync(claim with { ClaimedAt = T0.AddMinutes(5) }));
    }

    [Fact]
    public async Task Only_unsent_entries_whose_next_attempt_is_due_are_listed_for_the_sweep()
    {
        var outbox = await OutboxAsync();
        await outbox.TrySaveAsync(new OutboxEntry(Report(2023, "kgj", 1), "email", Attempts: 2, NextAttemptAt: T0.AddMinutes(-1)));
        await outbox.TrySaveAsync(new OutboxEntry(Report(2023, "kgj", 2), "email", Attempts: 1, NextAttemptAt: T0.AddMinutes(1)));
        await outbox.SaveSentAsync(new OutboxEntry(Report(2023, "kgj", 3), "email", SentAt: T0.AddMinutes(-5), NextAttemptAt: null));
        await outbox.SaveSentAsync(new OutboxEntry(Report(2023, "sfj", 1), "email", SentAt: T0.AddMinutes(-5), NextAttemptAt: T0.AddMinutes(-6)));

        var due = await outbox.ListDueAsync(T0);

        Assert.Equal(["2023-kgj-v1"], due.Select(e => e.Key));
    }

    [Fact]
    public async Task An_unknown_key_has_no_entries()
    {
        var outbox = await OutboxAsync();

        Assert.Empty(await outbox.FindAsync("2023-sfj-v1"));
    }

    [Fact]
    public async Task A_notice_sent_under_the_earlier_one_row_layout_counts_as_sent_on_its_channels_so_an_upgrade_repeats_nothing()
    {
        var clients = await azurite.CreateIsolatedClientsAsync();
        await clients.EnsureCreatedAsync();
        var table = clients.Table(clients.Options.OutboxTable);
        await table.AddEntityAsync(new global::Azure.Data.Tables.TableEntity("2023-kgj-v1", "notification")
        {
            ["ClaimedAt"] = T0,
            ["SentAt"] = T0.AddSeconds(1), ["Channels"] = "email,webhook"
        });
        await table.AddEntityAsync(new global::Azure.Data.Tables.TableEntity("2023-volume-v2", "notification") { ["ClaimedAt"] = T0 });
        var outbox = new TableNotificationOutbox(clients);

        var sent = await outbox.FindAsync("2023-kgj-v1");

        Assert.Equal(["email", "webhook"], sent.Select(e => e.Channel).Order());
        Assert.All(sent, e => Assert.Equal((true, Notice), (e.IsSent, e.Notice)));
        Assert.Empty(await outbox.FindAsync("2023-volume-v2"));
    }
}
