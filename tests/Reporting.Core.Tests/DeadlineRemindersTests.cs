using Reporting.Core.Access;
using Reporting.Core.Calendar;
using Reporting.Core.Errors;
using Reporting.Core.Notices;
using Reporting.Core.Reports;
using Xunit;

namespace Reporting.Core.Tests;

/// <summary>Report year 2023: due 2024-03-01 (2024 is a leap year), reminders 02-16, 02-23, 02-27, 02-29, overdue lists 03-02 … 04-01.</summary>
public class DeadlineRemindersTests
{
    private readonly TestWorld _world = new TestWorld().WithWebhook();

    /// <summary>09:00 Beijing time on <paramref name="month"/>/<paramref name="day"/> of 2024.</summary>
    private static DateTimeOffset At(int month, int day) => new(2024, month, day, 1, 0, 0, TimeSpan.Zero);

    /// <summary>kgj finished; fgw lacks 四、; jyj's 一、 sent back; mzj's 二、 awaiting review; every other department has nothing.</summary>
    private async Task SetUpYearAsync()
    {
        await _world.CompleteReportAsync("kgj");
        foreach (var part in TestWorld.RequiredParts.Where(p => p != "plans"))
        {
            var draft = await _world.SubmitAsync(part, department: "fgw");
            await _world.DecideAsync(part, draft.Version, department: "fgw");
        }
        var rejected = await _world.SubmitAsync("duty", department: "jyj");
        await _world.DecideAsync("duty", rejected.Version, "reject", department: "jyj");
        await _world.SubmitAsync("measures", department: "mzj");
    }

    [Fact]
    public async Task A_reminder_day_registers_and_queues_one_reminder_per_unfinished_department_and_none_for_a_finished_one()
    {
        await SetUpYearAsync();
        var before = _world.Queue.Notifications.Count;

        var run = await _world.Reminders.RunAsync(At(2, 23));

        Assert.Equal((2023, new DateOnly(2024, 2, 23), CalendarDuty.Remind), (run.Year, run.Day, run.Duty));
        var expected = _world.Directory.Departments.Select(d => d.Code).Where(c => c != "kgj").Select(c => $"2023-{c}-reminder-2024-02-23").ToList();
        Assert.Equal(expected, run.Registered);
        Assert.DoesNotContain("kgj", run.Unfinished);
        var queued = _world.Queue.Notifications.Skip(before).ToList();
        Assert.Equal(expected, queued.Select(m => m.OutboxKey));
        Assert.All(queued, m => Assert.Equal(new DateOnly(2024, 2, 23), Assert.IsType<NotificationMessage.DeadlineReminder>(m).Day));
        Assert.False(_world.Outbox.Find("2023-fgw-reminder-2024-02-23", "email")!.IsSent);
    }

    [Fact]
    public async Task A_second_run_of_the_same_day_queues_nothing_and_sends_no_second_email()
    {
        await SetUpYearAsync();
        await _world.Reminders.RunAsync(At(2, 23));
        foreach (var message in _world.Queue.Notifications.OfType<NotificationMessage.DeadlineReminder>().ToList()) await _world.Reminders.NotifyAsync(message);
        var queued = _world.Queue.Notifications.Count;
        var sent = _world.Sender.Sent.Count;

        var again = await _world.Reminders.RunAsync(At(2, 23) + TimeSpan.FromHours(3));
        foreach (var message in _world.Queue.Notifications.OfType<NotificationMessage.DeadlineReminder>().ToList()) await _world.Reminders.NotifyAsync(message);

        Assert.Empty(again.Registered);
        Assert.Equal(23, again.AlreadyRegistered.Count);
        Assert.Equal(queued, _world.Queue.Notifications.Count);
        Assert.Equal(sent, _world.Sender.Sent.Count);
        Assert.Equal(23, sent);
    }

    [Fact]
    public async Task A_reminder_names_each_lacking_part_with_its_state_and_goes_to_the_members()
    {
        await SetUpYearAsync();
        await _world.Reminders.RunAsync(At(2, 16));

        await _world.Reminders.NotifyAsync(new NotificationMessage.DeadlineReminder(2023, "jyj", new DateOnly(2024, 2, 16)));

        var fact = Assert.IsType<Notice.DeadlineReminder>(Assert.Single(_world.Sender.Sent).Fact);
        Assert.Equal("jyj-author@members.test", fact.To);
        Assert.Equal(["jyj-approver@members.test"], fact.AlsoTo);
        Assert.Equal((new DateOnly(2024, 3, 1), 14), (fact.Due.Deadline, fact.Due.DaysLeft));
        var parts = fact.Lack.Parts;
        Assert.Equal(new LackingPart("duty", LackState.Rejected, 1, "请修改后重新提交。"), parts.Single(p => p.Section == "duty"));
        Assert.Equal(["preamble", "measures", "shortcomings", "plans"], parts.Where(p => p.State == LackState.NotSubmitted).Select(p => p.Section));
        Assert.Contains(_world.Audit.Entries, e => e.Report == "2023/jyj" && e.Action == "deadline.reminded" && e.Detail.Contains("jyj-author@members.test"));
        Assert.Single(_world.Webhook.Sent);
    }

    [Fact]
    public async Task A_department_that_finishes_before_its_reminder_goes_out_is_not_reminded_and_the_entry_is_withdrawn()
    {
        await SetUpYearAsync();
        await _world.Reminders.RunAsync(At(2, 23));
        var draft = await _world.SubmitAsync("plans", department: "fgw");
        await _world.DecideAsync("plans", draft.Version, department: "fgw");

        var result = await _world.Reminders.NotifyAsync(new NotificationMessage.DeadlineReminder(2023, "fgw", new DateOnly(2024, 2, 23)));

        Assert.Null(result);
        Assert.DoesNotContain(_world.Sender.Sent, s => s.Fact is Notice.DeadlineReminder { Message.Department: "fgw" });
        var entry = _world.Outbox.Find("2023-fgw-reminder-2024-02-23", "email")!;
        Assert.True(entry.IsWithdrawn);
        Assert.Empty(await _world.Outbox.ListDueAsync(At(12, 31))
            .ContinueWith(t => t.Result.Where(e => e.Key.StartsWith("2023-fgw-reminder", StringComparison.Ordinal)).ToList()));
        Assert.Contains(_world.Audit.Entries, e => e.Report == "2023/fgw" && e.Action == "deadline.withdrawn");
    }

    [Fact]
    public async Task A_department_with_no_known_address_is_told_through_the_webhook_and_the_audit_says_nobody_was_emailed()
    {
        await SetUpYearAsync();
        _world.MemberAddresses.Unknown.Add("mzj");
        await _world.Reminders.RunAsync(At(2, 29));

        var result = await _world.Reminders.NotifyAsync(new NotificationMessage.DeadlineReminder(2023, "mzj", new DateOnly(2024, 2, 29)));

        Assert.Equal(["webhook"], result!.SentNow);
        Assert.Null(_world.Outbox.Find("2023-mzj-reminder-2024-02-29", "email"));
        Assert.Contains(_world.Audit.Entries, e => e.Report == "2023/mzj" && e.Detail.Contains("nobody could be e-mailed"));
    }

    [Fact]
    public async Task With_no_address_and_no_webhook_the_audit_trail_says_nobody_could_be_told()
    {
        var world = new TestWorld();
        world.MemberAddresses.Unknown.Add("mzj");

        var result = await world.Reminders.NotifyAsync(new NotificationMessage.DeadlineReminder(2023, "mzj", new DateOnly(2024, 2, 29)));

        Assert.Empty(result!.Channels);
        Assert.Empty(world.Sender.Sent);
        Assert.Contains(world.Audit.Entries, e => e.Report == "2023/mzj" && e.Action == "deadline.unaddressed");
    }

    [Fact]
    public async Task After_the_deadline_the_office_gets_one_overdue_list_a_day_and_none_once_everyone_has_finished()
    {
        await SetUpYearAsync();

        var first = await _world.Reminders.RunAsync(At(3, 2));
        var again = await _world.Reminders.RunAsync(At(3, 2) + TimeSpan.FromMinutes(5));
        var result = await _world.Reminders.NotifyAsync(new NotificationMessage.OverdueList(2023, new DateOnly(2024, 3, 2)));

        Assert.Equal(CalendarDuty.ListOverdue, first.Duty);
        Assert.Equal(["2023-overdue-2024-03-02"], first.Registered);
        Assert.Empty(again.Registered);
        Assert.Equal(["email", "webhook"], result!.SentNow);
        var fact = Assert.IsType<Notice.OverdueList>(_world.Sender.Sent.Single().Fact);
        Assert.Equal((_world.Directory.Office.Email, -1), (fact.To, fact.Due.DaysLeft));
        Assert.Equal(23, fact.Departments.Count);

        foreach (var department in _world.Directory.Departments.Select(d => d.Code).Where(c => c != "kgj"))
            foreach (var part in TestWorld.RequiredParts)
            {
                var draft = await _world.SubmitAsync(part, department: department);
                await _world.DecideAsync(part, draft.Version, department: department);
            }
        var finished = await _world.Reminders.RunAsync(At(3, 3));
        Assert.Empty(finished.Registered);
        Assert.Empty(finished.Unfinished);
    }

    [Theory]
    [InlineData(1, 5)]
    [InlineData(2, 15)]
    [InlineData(3, 1)]
    [InlineData(4, 2)]
    public async Task A_day_that_is_neither_a_reminder_day_nor_overdue_registers_nothing(int month, int day)
    {
        await SetUpYearAsync();
        var before = _world.Queue.Notifications.Count;

        var run = await _world.Reminders.RunAsync(At(month, day));

        Assert.Equal(CalendarDuty.None, run.Duty);
        Assert.Empty(run.Registered);
        Assert.Equal(before, _world.Queue.Notifications.Count);
    }

    [Fact]
    public async Task A_chase_is_sent_once_per_form_id_says_who_sent_it_and_is_refused_for_a_finished_department()
    {
        await SetUpYearAsync();

        var first = await _world.Reminders.ChaseAsync(Chase("mzj", "a1b2c3d4e5", "请本周内完成。"), TestWorld.Office);
        var doubleClick = await _world.Reminders.ChaseAsync(Chase("mzj", "a1b2c3d4e5", "请本周内完成。"), TestWorld.Office);
        var finished = await _world.Reminders.ChaseAsync(Chase("kgj", "f0f0f0f0f0", null), TestWorld.Office);
        foreach (var message in _world.Queue.Notifications.OfType<NotificationMessage.ReportChased>().ToList()) await _world.Reminders.NotifyAsync(message);

        Assert.Equal((ChaseOutcome.Queued, ChaseOutcome.AlreadySent, ChaseOutcome.Finished), (first.Outcome, doubleClick.Outcome, finished.Outcome));
        var fact = Assert.IsType<Notice.ReportChased>(Assert.Single(_world.Sender.Sent).Fact);
        // Keyed by department and day (the test clock's day in Beijing), not by form: one 催报 a department a day.
        Assert.Equal("2023-mzj-chase-2024-01-05", fact.Key);
        Assert.Equal(("区法治办工作人员", "请本周内完成。"), (fact.ChasedBy, fact.Note));
        Assert.Equal(LackState.AwaitingReview, fact.Lack.Parts.Single(p => p.Section == "measures").State);
        Assert.Single(_world.Audit.Entries, e => e.Action == "report.chased");
    }

    [Fact]
    public async Task A_second_chase_of_a_department_the_same_day_is_refused_naming_who_chased_it_and_when_and_sends_nothing()
    {
        await SetUpYearAsync();
        var colleague = new Caller("office-admin", "区法治办管理员");

        var first = await _world.Reminders.ChaseAsync(Chase("mzj", "a1b2c3d4e5", null), TestWorld.Office);
        _world.Clock.Advance(TimeSpan.FromHours(3));
        var second = await _world.Reminders.ChaseAsync(Chase("mzj", "b2c3d4e5f6", "再催一次"), colleague);

        Assert.Equal(ChaseOutcome.Queued, first.Outcome);
        Assert.Equal(ChaseOutcome.ChasedToday, second.Outcome);
        Assert.Equal(("office", "区法治办工作人员", first.Last!.At), (second.Last!.ChasedBy, second.Last.ChasedByName, second.Last.At));
        Assert.Single(_world.Queue.Notifications.OfType<NotificationMessage.ReportChased>());
        Assert.Single(_world.Audit.Entries, e => e.Action == "report.chased");

        // The next day it may be chased again, and the record then names the colleague.
        _world.Clock.Advance(TimeSpan.FromDays(1));
        var nextDay = await _world.Reminders.ChaseAsync(Chase("mzj", "c3d4e5f6a7", null), colleague);
        Assert.Equal((ChaseOutcome.Queued, "区法治办管理员"), (nextDay.Outcome, nextDay.Last!.ChasedByName));
        Assert.Equal(["2023-mzj-chase-2024-01-05", "2023-mzj-chase-2024-01-06"],
            _world.Queue.Notifications.OfType<NotificationMessage.ReportChased>().Select(m => m.OutboxKey));
    }

    [Fact]
    public async Task Chasing_all_chases_each_unfinished_department_once_skips_those_chased_today_and_a_repeated_post_sends_nothing_more()
    {
        await SetUpYearAsync();
        await _world.Reminders.ChaseAsync(Chase("mzj", "a1b2c3d4e5", null), TestWorld.Office);
        var command = new ChaseAllCommand(2023, "f1f2f3f4f5", "请本周内完成。");

        var all = await _world.Reminders.ChaseAllAsync(command, TestWorld.Office);
        var again = await _world.Reminders.ChaseAllAsync(command, TestWorld.Office);

        // 24 departments: kgj finished, mzj chased earlier today, the other 22 chased now; the repeat answers the same.
        Assert.Equal(22, all.Chased.Count);
        Assert.Equal(["mzj"], all.SkippedToday);
        Assert.DoesNotContain("kgj", all.Chased);
        Assert.Equal(all.Chased, again.Chased);
        Assert.Equal(all.SkippedToday, again.SkippedToday);
        var chases = _world.Queue.Notifications.OfType<NotificationMessage.ReportChased>().ToList();
        Assert.Equal(23, chases.Count);
        Assert.Equal(chases.Count, chases.Select(c => c.OutboxKey).Distinct().Count());
        foreach (var message in chases.Where(c => c.Department == "jyj")) await _world.Reminders.NotifyAsync(message);
        Assert.Equal("请本周内完成。", Assert.IsType<Notice.ReportChased>(Assert.Single(_world.Sender.Sent).Fact).Note);
    }

    [Fact]
    public async Task Only_the_district_office_may_chase()
    {
        var refused = await Assert.ThrowsAsync<ReportingException>(
            () => _world.Reminders.ChaseAsync(Chase("mzj", "a1b2c3d4e5", null), TestWorld.Author("mzj")));

        Assert.Equal(ProblemKind.Forbidden, refused.Kind);
    }

    private static ChaseDepartmentCommand Chase(string department, string formId, string? note) => new(new ReportKey(2023, department), formId, note);
}
