using Reporting.Core.Access;
using Reporting.Core.Notices;
using Reporting.Core.Queues;
using Reporting.Core.Reports;
using Xunit;

namespace Reporting.Core.Tests;

/// <summary>
/// Each kind's queue message delivered twice (the queue delivers at least once) through the handler the queue function
/// calls for that kind: one e-mail, under the kind's own outbox key.
/// </summary>
public class DuplicateNoticeMessageTests
{
    private readonly TestWorld _world = new();

    /// <summary>Runs <paramref name="deliver"/> twice and returns the one e-mail it sent.</summary>
    private async Task<ComposedNotice> SentOnceAsync(Func<Task> deliver, string key)
    {
        await deliver();
        await deliver();
        var mail = Assert.Single(_world.Sender.Sent);
        Assert.Equal(key, mail.Key);
        return mail;
    }

    [Fact]
    public async Task A_duplicate_report_ready_message_sends_one_mail()
    {
        await _world.CompleteReportAsync();
        await _world.Assembler.AssembleAsync(new AssemblyMessage(2023, "kgj", 1));
        var message = new NotificationMessage.ReportReady(2023, "kgj", 1);

        var mail = await SentOnceAsync(() => _world.Notifier.NotifyAsync(message), "2023-kgj-v1");

        Assert.IsType<Notice.ReportReady>(mail.Fact);
    }

    [Fact]
    public async Task A_duplicate_report_made_message_sends_one_mail_to_the_author_naming_the_parts_they_wrote()
    {
        await _world.CompleteReportAsync();
        await _world.Assembler.AssembleAsync(new AssemblyMessage(2023, "kgj", 1));
        var message = Assert.Single(_world.Queue.Notifications.OfType<NotificationMessage.ReportMade>());

        var mail = await SentOnceAsync(() => _world.Authors.NotifyAsync(message), "2023-kgj-made-v1-kgj-author");

        var fact = Assert.IsType<Notice.ReportMade>(mail.Fact);
        Assert.Equal(("kgj-author@authors.test", "起草人", 1), (fact.To, fact.Author, fact.Message.Version));
        Assert.Equal(TestWorld.RequiredParts, fact.Sections);
    }

    [Fact]
    public async Task A_duplicate_volume_ready_message_sends_one_mail()
    {
        await _world.CompleteReportAsync();
        _world.Sender.FailNext = 1; // the run's own attempt fails, so both messages below find the notice owed

        await _world.YearEnd.RunAsync(2023, Caller.System);
        _world.Clock.Advance(TimeSpan.FromHours(1));
        var message = new NotificationMessage.VolumeReady(2023, 1);
        var mail = await SentOnceAsync(() => _world.YearEnd.NotifyVolumeAsync(message.Year, message.Version), message.OutboxKey);

        Assert.IsType<Notice.VolumeReady>(mail.Fact);
    }

    [Fact]
    public async Task A_duplicate_draft_rejected_message_sends_one_mail()
    {
        var draft = await _world.SubmitAsync("duty");
        await _world.DecideAsync("duty", draft.Version, "reject");
        var message = new NotificationMessage.DraftRejected(2023, "kgj", "duty", draft.Version);

        var mail = await SentOnceAsync(() => _world.Rejections.NotifyAsync(message), "2023-kgj-duty-v1-rejected");

        Assert.IsType<Notice.DraftRejected>(mail.Fact);
    }

    [Fact]
    public async Task A_duplicate_deadline_reminder_message_sends_one_mail()
    {
        var message = new NotificationMessage.DeadlineReminder(2023, "jyj", new DateOnly(2024, 2, 16));

        var mail = await SentOnceAsync(() => _world.Reminders.NotifyAsync(message), "2023-jyj-reminder-2024-02-16");

        Assert.IsType<Notice.DeadlineReminder>(mail.Fact);
    }

    [Fact]
    public async Task A_duplicate_overdue_list_message_sends_one_mail()
    {
        var message = new NotificationMessage.OverdueList(2023, new DateOnly(2024, 3, 2));

        var mail = await SentOnceAsync(() => _world.Reminders.NotifyAsync(message), "2023-overdue-2024-03-02");

        Assert.IsType<Notice.OverdueList>(mail.Fact);
    }

    [Fact]
    public async Task A_duplicate_report_chased_message_sends_one_mail()
    {
        Assert.Equal(Calendar.ChaseOutcome.Queued, (await _world.Reminders.ChaseAsync(
            new Calendar.ChaseDepartmentCommand(new ReportKey(2023, "mzj"), "a1b2c3d4e5", "请本周内完成。"), TestWorld.Office)).Outcome);
        var message = Assert.IsType<NotificationMessage.ReportChased>(Assert.Single(_world.Queue.Notifications));

        var mail = await SentOnceAsync(() => _world.Reminders.NotifyAsync(message), "2023-mzj-chase-2024-01-05");

        Assert.Equal("请本周内完成。", Assert.IsType<Notice.ReportChased>(mail.Fact).Note);
    }
}
