using Reporting.Core.Notices;
using Reporting.Core.Queues;
using Reporting.Core.Reports;
using Xunit;

namespace Reporting.Core.Tests;

public class DistrictOfficeNotifierTests
{
    private const string NoticeKey = "2023-kgj-v1";
    private static readonly ReportKey Key = new(2023, "kgj");
    private static readonly NotificationMessage.ReportReady Message = new(2023, "kgj", 1);
    private readonly TestWorld _world = new();

    private async Task AssembleAsync()
    {
        await _world.CompleteReportAsync();
        await _world.Assembler.AssembleAsync(new AssemblyMessage(2023, "kgj", 1));
    }

    private async Task<DateTimeOffset?> NotifiedAtAsync() => (await _world.Reports.GetAsync(Key)).FindVersion(1)!.NotifiedAt;

    [Fact]
    public async Task The_district_office_is_told_once_with_the_facts_of_department_year_version_pages_and_link()
    {
        await AssembleAsync();

        var result = await _world.Notifier.NotifyAsync(Message);

        Assert.True(result.Delivered);
        Assert.Equal(["email"], result.SentNow);
        var fact = Assert.IsType<Notice.ReportReady>(Assert.Single(_world.Sender.Sent).Fact);
        Assert.Equal((NoticeKey, "fzb@weidu.example.gov.cn"), (fact.Key, fact.To));
        Assert.Equal((2023, "kgj", 1, 3), (fact.Year, fact.Message.Department, fact.Message.Version, fact.Pdf.PageCount));
        var stored = _world.Pdfs.Blobs["reports/2023/kgj/2023-kgj-v1.pdf"].Pdf;
        Assert.Equal((stored.Sha256, (long?)stored.Content.Length), (fact.Pdf.Sha256, fact.Pdf.Length));
        Assert.Equal(new Uri("https://pdfs.test/reports/2023/kgj/2023-kgj-v1.pdf?lifetime=604800"), fact.Pdf.StorageLink);
        Assert.Equal(_world.Clock.Now + TimeSpan.FromDays(7), fact.Pdf.LinkExpiresAt);
        Assert.Equal((null, 0), (fact.PreviousVersion, fact.Changes.Count));
        Assert.Equal(_world.Clock.Now, await NotifiedAtAsync());
        Assert.Equal(_world.Clock.Now, _world.Outbox.Find(NoticeKey, "email")!.SentAt);
        Assert.Empty(_world.Queue.Scheduled);
    }

    [Fact]
    public async Task The_notice_names_the_ofd_twin_with_its_own_file_name_hash_and_link()
    {
        await AssembleAsync();

        await _world.Notifier.NotifyAsync(Message);

        var ofd = Assert.IsType<NoticePdf>(Assert.IsType<Notice.ReportReady>(Assert.Single(_world.Sender.Sent).Fact).Ofd);
        var stored = _world.Pdfs.Blobs["reports/2023/kgj/2023-kgj-v1.ofd"].Pdf;
        Assert.Equal(("reports/2023/kgj/2023-kgj-v1.ofd", "魏都区科学技术和工业信息化局2023年法治政府建设情况的报告（第1版）.ofd", 3),
            (ofd.BlobName, ofd.FileName, ofd.PageCount));
        Assert.Equal((stored.Sha256, (long?)stored.Content.Length), (ofd.Sha256, ofd.Length));
        Assert.Equal(new Uri("https://pdfs.test/reports/2023/kgj/2023-kgj-v1.ofd?lifetime=604800"), ofd.StorageLink);
    }

    [Fact]
    public async Task A_pdf_stored_before_ofds_were_written_is_notified_without_an_ofd()
    {
        await AssembleAsync();
        _world.Pdfs.Blobs.TryRemove("reports/2023/kgj/2023-kgj-v1.ofd", out _);

        await _world.Notifier.NotifyAsync(Message);

        var fact = Assert.IsType<Notice.ReportReady>(Assert.Single(_world.Sender.Sent).Fact);
        Assert.Equal(("reports/2023/kgj/2023-kgj-v1.pdf", null), (fact.Pdf.BlobName, fact.Ofd));
    }

    [Fact]
    public async Task A_second_pdf_names_the_parts_changed_since_the_first_and_who_approved_them()
    {
        await AssembleAsync();
        await _world.Notifier.NotifyAsync(Message);
        _world.Clock.Advance(TimeSpan.FromHours(1));
        var duty = await _world.SubmitAsync("duty", "一、党政主要负责人履行推进法治建设第一责任人职责，加强法治政府建设的有关情况\n改过的正文。");
        await _world.DecideAsync("duty", duty.Version, reviewer: "科工局审核人");
        await _world.Assembler.AssembleAsync(new AssemblyMessage(2023, "kgj", 2));

        await _world.Notifier.NotifyAsync(new NotificationMessage.ReportReady(2023, "kgj", 2));

        var fact = Assert.IsType<Notice.ReportReady>(_world.Sender.Sent.Last().Fact);
        Assert.Equal((2, 1), (fact.Message.Version, fact.PreviousVersion));
        Assert.Equal([new ChangedPart("duty", 1, 2, "科工局审核人", _world.Clock.Now)], fact.Changes);
    }

    [Fact]
    public async Task A_repeated_message_sends_nothing_more()
    {
        await AssembleAsync();
        await _world.Notifier.NotifyAsync(Message);
        var notifiedAt = _world.Clock.Now;
        _world.Clock.Advance(TimeSpan.FromHours(1));

        var again = await _world.Notifier.NotifyAsync(Message);

        Assert.Empty(again.SentNow);
        Assert.True(again.Delivered);
        Assert.Single(_world.Sender.Sent);
        Assert.Equal(notifiedAt, await NotifiedAtAsync());
    }

    [Fact]
    public async Task The_assembler_registers_the_notice_in_the_outbox_before_queueing_it()
    {
        await AssembleAsync();

        var entry = _world.Outbox.Find(NoticeKey, "email")!;
        Assert.Equal((0, false, _world.Clock.Now + _world.Options.NotificationClaimLifetime), (entry.Attempts, entry.IsSent, entry.NextAttemptAt));
        Assert.Equal(Message, Assert.Single(_world.Queue.Notifications.OfType<NotificationMessage.ReportReady>()));
    }

    [Fact]
    public async Task While_another_worker_holds_a_live_claim_the_channel_is_left_to_it_until_the_claim_lapses()
    {
        await AssembleAsync();
        var registered = _world.Outbox.Find(NoticeKey, "email")!;
        Assert.NotNull(await _world.Outbox.TrySaveAsync(registered with { ClaimedAt = _world.Clock.Now }));

        var meanwhile = await _world.Notifier.NotifyAsync(Message);
        Assert.False(meanwhile.Delivered);
        Assert.Empty(_world.Sender.Sent);
        Assert.Null(await NotifiedAtAsync());

        _world.Clock.Advance(TimeSpan.FromMinutes(3));
        Assert.Equal(["email"], (await _world.Notifier.NotifyAsync(Message)).SentNow);
        Assert.Single(_world.Sender.Sent);
    }

    [Fact]
    public async Task A_failed_send_records_the_error_and_next_attempt_and_schedules_a_retry_instead_of_failing_the_message()
    {
        await AssembleAsync();
        _world.Sender.FailNext = 1;

        var failed = await _world.Notifier.NotifyAsync(Message);

        Assert.False(failed.Delivered);
        var entry = _world.Outbox.Find(NoticeKey, "email")!;
        Assert.Equal((1, _world.Clock.Now, _world.Clock.Now + TimeSpan.FromSeconds(10), null),
            (entry.Attempts, entry.LastAttemptAt, entry.NextAttemptAt, entry.ClaimedAt));
        Assert.Contains("not answering", entry.LastError);
        Assert.Equal((Message, TimeSpan.FromSeconds(10)), Assert.Single(_world.Queue.Scheduled));
        Assert.Null(await NotifiedAtAsync());

        // A duplicate arriving during the backoff leaves it to the scheduled retry: no attempt, no second retry message.
        _world.Clock.Advance(TimeSpan.FromSeconds(5));
        await _world.Notifier.NotifyAsync(Message);
        Assert.Equal(1, _world.Sender.Attempts);
        Assert.Single(_world.Queue.Scheduled);

        _world.Clock.Advance(TimeSpan.FromSeconds(5));
        Assert.True((await _world.Notifier.NotifyAsync(Message)).Delivered);
        Assert.Single(_world.Sender.Sent);
        Assert.Equal(_world.Clock.Now, await NotifiedAtAsync());
    }

    [Fact]
    public async Task Retries_back_off_on_the_schedule_whose_last_step_repeats_until_the_channel_is_back()
    {
        await AssembleAsync();
        _world.Sender.Down = true;

        for (var attempt = 0; attempt < 5; attempt++)
        {
            await _world.Notifier.NotifyAsync(Message);
            _world.Clock.Advance(_world.Queue.Scheduled.Last().Delay);
        }
        Assert.Equal([10, 60, 600, 600, 600], _world.Queue.Scheduled.Select(s => (int)s.Delay.TotalSeconds));

        _world.Sender.Down = false;
        Assert.True((await _world.Notifier.NotifyAsync(Message)).Delivered);
        Assert.Single(_world.Sender.Sent);
        Assert.Equal(6, _world.Outbox.Find(NoticeKey, "email")!.Attempts);
    }

    [Fact]
    public async Task A_failing_webhook_never_repeats_the_email_and_the_report_is_stamped_when_both_are_out()
    {
        _world.WithWebhook();
        await AssembleAsync();
        _world.Webhook.Down = true;

        for (var attempt = 0; attempt < 4; attempt++)
        {
            var result = await _world.Notifier.NotifyAsync(Message);
            Assert.False(result.Delivered);
            _world.Clock.Advance(_world.Queue.Scheduled.Last().Delay);
        }
        Assert.Single(_world.Sender.Sent);
        Assert.Empty(_world.Webhook.Sent);
        Assert.Equal(4, _world.Outbox.Find(NoticeKey, "webhook")!.Attempts);
        Assert.Null(await NotifiedAtAsync());

        _world.Webhook.Down = false;
        var delivered = await _world.Notifier.NotifyAsync(Message);

        Assert.Equal(["webhook"], delivered.SentNow);
        Assert.Single(_world.Sender.Sent);
        Assert.Single(_world.Webhook.Sent);
        Assert.Equal(_world.Clock.Now, await NotifiedAtAsync());
    }

    [Fact]
    public async Task The_sweep_requeues_a_notice_whose_retry_message_was_lost_once_it_is_due()
    {
        await AssembleAsync();
        _world.Sender.FailNext = 1;
        await _world.Notifier.NotifyAsync(Message);
        _world.Queue.Notifications.Clear(); // the assembly's message was consumed; the scheduled retry is lost

        Assert.Equal(0, await _world.Delivery.SweepAsync());
        _world.Clock.Advance(TimeSpan.FromSeconds(10));
        Assert.Equal(1, await _world.Delivery.SweepAsync());

        Assert.Equal(Message, Assert.Single(_world.Queue.Notifications));
        await _world.Notifier.NotifyAsync(Message);
        Assert.Single(_world.Sender.Sent);
        Assert.Equal(0, await _world.Delivery.SweepAsync());
    }

    [Fact]
    public async Task A_sent_channel_set_back_to_due_before_its_last_attempt_is_requeued_by_the_next_sweep_and_sent_once_more()
    {
        await AssembleAsync();
        await _world.Notifier.NotifyAsync(Message);
        _world.Queue.Notifications.Clear();
        // What the end-to-end sweep test stages 70 ms after the delivery: the next attempt a second ago, so before the
        // last attempt (the due tolerance is then negative), and no message anywhere.
        _world.Clock.Advance(TimeSpan.FromMilliseconds(70));
        var email = _world.Outbox.Find(NoticeKey, "email")!;
        Assert.NotNull(await _world.Outbox.TrySaveAsync(email with
        {
            SentAt = null,
            ClaimedAt = null,
            LastError = "staged",
            NextAttemptAt = _world.Clock.Now - TimeSpan.FromSeconds(1)
        }));

        Assert.Equal(1, await _world.Delivery.SweepAsync());
        var result = await _world.Notifier.NotifyAsync(Assert.IsType<NotificationMessage.ReportReady>(Assert.Single(_world.Queue.Notifications)));

        Assert.Equal(["email"], result.SentNow);
        Assert.Equal(2, _world.Sender.Sent.Count);
        Assert.Equal(0, await _world.Delivery.SweepAsync());
    }

    [Fact]
    public async Task The_sweep_finds_a_registered_notice_whose_message_never_ran_once_a_claim_would_have_lapsed()
    {
        await AssembleAsync();
        _world.Queue.Notifications.Clear(); // the message went to the poison queue untried

        Assert.Equal(0, await _world.Delivery.SweepAsync());
        _world.Clock.Advance(_world.Options.NotificationClaimLifetime);
        // The approvals that completed the report registered their authors' notices too; they are swept alike.
        var swept = await _world.Delivery.SweepAsync();
        Assert.Equal(swept, _world.Queue.Notifications.Count);
        Assert.Equal(Message, Assert.Single(_world.Queue.Notifications.OfType<NotificationMessage.ReportReady>()));
    }

    [Fact]
    public async Task A_link_lifetime_over_seven_days_is_cut_to_seven()
    {
        await AssembleAsync();
        _world.Options.NotificationLinkLifetime = TimeSpan.FromDays(30);

        await _world.Notifier.NotifyAsync(Message);

        Assert.Equal(_world.Clock.Now + TimeSpan.FromDays(7), Assert.IsType<Notice.ReportReady>(Assert.Single(_world.Sender.Sent).Fact).Pdf.LinkExpiresAt);
    }

    [Fact]
    public async Task A_version_not_yet_assembled_is_not_notified()
    {
        await _world.CompleteReportAsync();

        await Assert.ThrowsAsync<InvalidOperationException>(() => _world.Notifier.NotifyAsync(Message));
        Assert.Empty(_world.Sender.Sent);
    }
}
