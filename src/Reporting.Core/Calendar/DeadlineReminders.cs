using System.Globalization;
using Reporting.Core.Access;
using Reporting.Core.Audit;
using Reporting.Core.Directory;
using Reporting.Core.Drafts;
using Reporting.Core.Notices;
using Reporting.Core.Queues;
using Reporting.Core.Reports;
using Reporting.Core.Templates;

namespace Reporting.Core.Calendar;

/// <summary>
/// The calendar's notices. A daily run (<see cref="RunAsync"/>) asks <see cref="ReportingCalendar.DutyOn"/> what the
/// day is: on a reminder day every department with a required part not approved (未提交, 已退回, 待审核) gets one
/// reminder for its members; after the deadline the district office gets one list of those departments a day. By
/// hand, the office sends one department a 催报 (<see cref="ChaseAsync"/>), or every unfinished one (<see cref="ChaseAllAsync"/>),
/// at most once per department and day (the <see cref="ChaseRecord"/>, ETag-checked, says who chased it last and when).
/// Each notice has its own outbox key (per department and day), so a retry, a second timer firing or a double click never sends it twice:
/// a run that finds the key registered queues nothing. What is missing is worked out again when the notice is sent;
/// a notice whose department finished meanwhile (or, for the list, when nobody lacks anything any more) is withdrawn
/// rather than sent (<see cref="OnceOnlyDelivery.WithdrawAsync"/>), and that is recorded in the audit trail.
/// </summary>
public class DeadlineReminders(
    ReportingCalendar calendar,
    DistrictDirectory directory,
    IDraftRepository drafts,
    IMemberAddresses members,
    INoticeComposer composer,
    OnceOnlyDelivery delivery,
    INotificationOutbox outbox,
    IWorkQueue queue,
    IAuditLog audit,
    AccessControl access,
    IChaseRecordRepository chases,
    TimeProvider clock)
{
    /// <summary>The audit trail of the overdue lists ("2024/calendar"), beside the reports' own trails.</summary>
    public static string CalendarTrail(int year) => $"{year}/calendar";

    /// <summary>What the calendar asks of <paramref name="now"/>'s day, registered in the outbox and queued.</summary>
    public virtual async Task<DeadlineRunResult> RunAsync(DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var today = calendar.Today(now);
        var year = calendar.ReportYearFor(today);
        var duty = calendar.DutyOn(year, today);
        if (duty == CalendarDuty.None) return new DeadlineRunResult(year, today, duty, [], [], []);
        var lacking = await LackingAsync(year, withComments: false, cancellationToken);
        var registered = new List<string>();
        var already = new List<string>();
        List<NotificationMessage> notices = duty == CalendarDuty.Remind
            ? [.. lacking.Select(l => new NotificationMessage.DeadlineReminder(year, l.Department, today))]
            : lacking.Count > 0 ? [new NotificationMessage.OverdueList(year, today)] : [];
        foreach (var notice in notices)
        {
            // Registered by an earlier run of the day: the outbox (and its sweep) already owes it; queue nothing.
            if ((await outbox.FindAsync(notice.OutboxKey, cancellationToken)).Count > 0)
            {
                already.Add(notice.OutboxKey);
                continue;
            }
            var to = notice is NotificationMessage.DeadlineReminder reminder
                ? await members.OfDepartmentAsync(reminder.Department, cancellationToken)
                : [directory.Office.Email];
            await delivery.RegisterAsync(notice, LeaveOut(to), cancellationToken);
            await queue.EnqueueNotificationAsync(notice, cancellationToken);
            registered.Add(notice.OutboxKey);
        }
        return new DeadlineRunResult(year, today, duty, lacking.Select(l => l.Department).ToList(), registered, already);
    }

    /// <summary>
    /// 催报 by hand: the district office reminds one department now, unless it was chased earlier the same day. The
    /// command's form id is the one-time id of the office's form: a double click or a repeated post is the same 催报
    /// (<see cref="ChaseOutcome.AlreadySent"/>); another form the same day is refused (<see cref="ChaseOutcome.ChasedToday"/>,
    /// with who chased it and when).
    /// </summary>
    public virtual async Task<ChaseResult> ChaseAsync(ChaseDepartmentCommand command, Caller caller, CancellationToken cancellationToken = default)
    {
        await access.DemandAsync(caller, ReportAction.DistrictYear, null, cancellationToken);
        return await ChaseOneAsync(command.Report, command.FormId, command.Note, caller, knownLacking: false, cancellationToken);
    }

    /// <summary>
    /// 全部催报: every department not finished is chased with the same words, except those chased earlier today (skipped).
    /// One form id for all: a repeated post finds each department chased by it and sends nothing again.
    /// </summary>
    public virtual async Task<ChaseAllResult> ChaseAllAsync(ChaseAllCommand command, Caller caller, CancellationToken cancellationToken = default)
    {
        var (year, formId, note) = command;
        await access.DemandAsync(caller, ReportAction.DistrictYear, null, cancellationToken);
        var chased = new List<string>();
        var skipped = new List<string>();
        foreach (var lack in await LackingAsync(year, withComments: false, cancellationToken))
        {
            var result = await ChaseOneAsync(new ReportKey(year, lack.Department), formId, note, caller, knownLacking: true, cancellationToken);
            if (result.Outcome is ChaseOutcome.Queued or ChaseOutcome.AlreadySent) chased.Add(lack.Department);
            else if (result.Outcome == ChaseOutcome.ChasedToday) skipped.Add(lack.Department);
        }
        return new ChaseAllResult(chased, skipped);
    }

    /// <summary>Every department's last 催报 of <paramref name="year"/>, by department (what 全区总览 shows).</summary>
    public virtual async Task<IReadOnlyDictionary<string, ChaseRecord>> LastChasesAsync(int year, CancellationToken cancellationToken = default) =>
        (await chases.ListAsync(year, cancellationToken)).ToDictionary(c => c.Department, StringComparer.Ordinal);

    /// <param name="knownLacking">The caller has just found the department unfinished: no need to read its drafts again.</param>
    private async Task<ChaseResult> ChaseOneAsync(ReportKey report, string formId, string? text, Caller caller, bool knownLacking,
        CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var today = calendar.Today(now);
        var last = await chases.GetAsync(report.Year, report.Department, cancellationToken);
        if (ChasedOn(today, last, formId) is { } answered) return await RepairedAsync(answered, text, cancellationToken);
        if (!knownLacking && await LackOfAsync(report.Year, report.Department, withComments: false, cancellationToken) is null)
            return new ChaseResult(ChaseOutcome.Finished, last);
        // The claim: of two 催报 of one department at once (two members of staff, both clicks of a double click) one records it.
        var record = new ChaseRecord(report.Year, report.Department, today, now, caller.Id, caller.Name, formId, last?.ETag);
        if (await chases.TrySaveAsync(record, cancellationToken) is not { } claimed)
        {
            var other = await chases.GetAsync(report.Year, report.Department, cancellationToken);
            return ChasedOn(today, other, formId) ?? new ChaseResult(ChaseOutcome.ChasedToday, other);
        }
        await SendAsync(claimed, text, caller, cancellationToken);
        return new ChaseResult(ChaseOutcome.Queued, claimed);
    }

    /// <summary>The answer when <paramref name="last"/> is a 催报 of <paramref name="today"/>: this form's again, or another's; null otherwise.</summary>
    private static ChaseResult? ChasedOn(DateOnly today, ChaseRecord? last, string formId) => last is null || last.Day != today
        ? null
        : new ChaseResult(last.FormId == formId ? ChaseOutcome.AlreadySent : ChaseOutcome.ChasedToday, last);

    /// <summary>
    /// A repeated post of the form whose 催报 was recorded: if the request that recorded it died before the audit entry,
    /// the 催报 is sent now (the outbox key is the day's, so nothing goes out twice); otherwise nothing is done again.
    /// </summary>
    private async Task<ChaseResult> RepairedAsync(ChaseResult answered, string? text, CancellationToken cancellationToken)
    {
        if (answered is not { Outcome: ChaseOutcome.AlreadySent, Last: { } last }) return answered;
        var notice = NotificationMessage.ReportChased.OnDay(last.Year, last.Department, last.Day);
        if (await ChaseEntryAsync(notice, cancellationToken) is null)
            await SendAsync(last, text, new Caller(last.ChasedBy, last.ChasedByName), cancellationToken);
        return answered;
    }

    /// <summary>
    /// The audit entry that carries who sent it and the words (the notice reads them back when it is composed), the outbox
    /// rows and the message.
    /// </summary>
    private async Task SendAsync(ChaseRecord chase, string? text, Caller caller, CancellationToken cancellationToken)
    {
        var notice = NotificationMessage.ReportChased.OnDay(chase.Year, chase.Department, chase.Day);
        await audit.RecordAsync(new AuditEntry(new ReportKey(chase.Year, chase.Department).ToString(), "report.chased", caller, chase.At,
            text is null ? notice.Id : $"{notice.Id} {text}"), cancellationToken);
        await delivery.RegisterAsync(notice, LeaveOut(await members.OfDepartmentAsync(chase.Department, cancellationToken)), cancellationToken);
        await queue.EnqueueNotificationAsync(notice, cancellationToken);
    }

    /// <summary>The audit entry of a 催报 (its id first in the detail, then the office's words), or null when none was recorded.</summary>
    private async Task<AuditEntry?> ChaseEntryAsync(NotificationMessage.ReportChased message, CancellationToken cancellationToken) =>
        (await audit.ListAsync(new ReportKey(message.Year, message.Department).ToString(), cancellationToken))
            .LastOrDefault(e => e.Action == "report.chased" && (e.Detail == message.Id || e.Detail.StartsWith(message.Id + " ", StringComparison.Ordinal)));

    /// <summary>Sends (or retries, or withdraws) the day's overdue list; null when it was withdrawn (nobody lacks anything any more).</summary>
    public virtual async Task<DeliveryResult?> NotifyAsync(NotificationMessage.OverdueList message, CancellationToken cancellationToken = default)
    {
        var year = message.Year;
        var lacking = await LackingAsync(year, withComments: true, cancellationToken);
        if (lacking.Count == 0)
            return await WithdrawAsync(message, CalendarTrail(year), "every department finished before the overdue list went out", cancellationToken);
        var due = new DeadlineFacts(calendar.SubmissionDeadline(year), message.Day);
        var office = new Notice.OverdueList(message, directory.Office.Email, clock.GetUtcNow(), due, lacking);
        var sent = await delivery.DeliverAsync(message, () => composer.ComposeAsync(office, cancellationToken), cancellationToken: cancellationToken);
        if (sent.SentNow.Count > 0)
            await audit.RecordAsync(new AuditEntry(CalendarTrail(year), "deadline.overdue-listed", Caller.System, clock.GetUtcNow(),
                $"{Tag(message)}: {lacking.Count} departments ({string.Join(',', lacking.Select(l => l.Department))})"
                + $" via {string.Join(',', sent.SentNow)} to {directory.Office.Email}"),
                cancellationToken);
        return sent;
    }

    /// <summary>Sends (or retries, or withdraws) a department's reminder; null when it was withdrawn (the department finished).</summary>
    public virtual Task<DeliveryResult?> NotifyAsync(NotificationMessage.DeadlineReminder message, CancellationToken cancellationToken = default) =>
        NotifyDepartmentAsync(message, message.Department, Tag(message), "deadline.reminded",
            (to, lack) => new Notice.DeadlineReminder(message, to.FirstOrDefault(), clock.GetUtcNow(), Due(message.Year, message.Day), lack),
            cancellationToken);

    /// <summary>
    /// Sends (or retries, or withdraws) a 催报; null when it was withdrawn (the department finished, or no 催报 of this id is in
    /// the audit trail). Who sent it and their words are read back from the trail.
    /// </summary>
    public virtual async Task<DeliveryResult?> NotifyAsync(NotificationMessage.ReportChased message, CancellationToken cancellationToken = default)
    {
        var trail = new ReportKey(message.Year, message.Department).ToString();
        var chase = await ChaseEntryAsync(message, cancellationToken);
        if (chase is null) return await WithdrawAsync(message, trail, "no chase of this id in the audit trail", cancellationToken);
        var note = chase.Detail.Length <= message.Id.Length ? null : chase.Detail[(message.Id.Length + 1)..];
        return await NotifyDepartmentAsync(message, message.Department, message.Id, "report.chase-sent",
            (to, lack) => new Notice.ReportChased(message, to.FirstOrDefault(), clock.GetUtcNow(), Due(message.Year, calendar.Today(chase.At)), lack,
                chase.Actor.Name, note), cancellationToken);
    }

    /// <summary>A reminder or a 催报 to one department's members, made from what the department lacks now.</summary>
    /// <param name="tag">The reminder's day or the 催报's id, for the audit trail.</param>
    private async Task<DeliveryResult?> NotifyDepartmentAsync(NotificationMessage message, string department, string tag, string sentAction,
        Func<IReadOnlyList<string>, DepartmentLack, Notice> fact, CancellationToken cancellationToken)
    {
        var trail = new ReportKey(message.Year, department).ToString();
        var lack = await LackOfAsync(message.Year, department, withComments: true, cancellationToken);
        if (lack is null) return await WithdrawAsync(message, trail, "the department finished before the notice went out", cancellationToken);
        var to = await members.OfDepartmentAsync(department, cancellationToken);
        var notice = fact(to, lack) with { AlsoTo = to.Skip(1).ToList() };
        var result = await delivery.DeliverAsync(message, () => composer.ComposeAsync(notice, cancellationToken), LeaveOut(to), cancellationToken);
        // No address and no webhook: there is no channel to record in the outbox, so the trail is where it shows.
        if (result.Channels.Count == 0)
            await audit.RecordAsync(new AuditEntry(trail, "deadline.unaddressed", Caller.System, clock.GetUtcNow(),
                $"{tag}: nobody could be told (no member of the department has a known address and no webhook is set up)"), cancellationToken);
        if (result.SentNow.Count > 0)
        {
            var whom = to.Count == 0 ? "; nobody could be e-mailed (no member of the department has a known address)" : $" to {string.Join(", ", to)}";
            await audit.RecordAsync(new AuditEntry(trail, sentAction, Caller.System, clock.GetUtcNow(),
                $"{tag}: {string.Join(',', lack.Parts.Select(p => p.Section))} via {string.Join(',', result.SentNow)}{whom}"), cancellationToken);
        }
        return result;
    }

    private DeadlineFacts Due(int year, DateOnly day) => new(calendar.SubmissionDeadline(year), day);

    /// <summary>The day as the audit trail has always written it (yyyy-MM-dd).</summary>
    private static string Tag(NotificationMessage.DeadlineReminder message) => IsoDay(message.Day);

    private static string Tag(NotificationMessage.OverdueList message) => IsoDay(message.Day);

    private static string IsoDay(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private async Task<DeliveryResult?> WithdrawAsync(NotificationMessage message, string trail, string reason, CancellationToken cancellationToken)
    {
        if (await delivery.WithdrawAsync(message, reason, cancellationToken) > 0)
            await audit.RecordAsync(new AuditEntry(trail, "deadline.withdrawn", Caller.System, clock.GetUtcNow(), $"{message.OutboxKey}: {reason}"),
                cancellationToken);
        return null;
    }

    /// <summary>Every department with a required part not approved, in the directory's order.</summary>
    public virtual async Task<IReadOnlyList<DepartmentLack>> LackingAsync(int year, bool withComments, CancellationToken cancellationToken = default)
    {
        var lacks = await Task.WhenAll(directory.Departments.Select(d => LackOfAsync(year, d.Code, withComments, cancellationToken)));
        return lacks.OfType<DepartmentLack>().ToList();
    }

    /// <summary>
    /// What one department lacks: each required part whose newest draft is not approved (the overview's cells, the
    /// 催报 list's rows); null when it has finished. 五、其他 is optional and never lacking.
    /// </summary>
    public virtual async Task<DepartmentLack?> LackOfAsync(int year, string department, bool withComments, CancellationToken cancellationToken = default)
    {
        var key = new ReportKey(year, department);
        var list = await drafts.ListAsync(key, cancellationToken);
        var newest = list.GroupBy(d => d.Section).ToDictionary(g => g.Key, g => g.MaxBy(d => d.Version)!);
        var approved = list.Where(d => d.Status == DraftStatus.Approved).Select(d => d.Section).ToHashSet(StringComparer.Ordinal);
        var parts = new List<LackingPart>();
        foreach (var section in ReportTemplate.RequiredSections)
        {
            if (!newest.TryGetValue(section.Key, out var draft)) parts.Add(new LackingPart(section.Key, LackState.NotSubmitted));
            // Taken back by its author: the part awaits a new submission, unless an earlier version was approved.
            else if (draft.Status == DraftStatus.Withdrawn)
            {
                if (!approved.Contains(section.Key)) parts.Add(new LackingPart(section.Key, LackState.NotSubmitted));
            }
            else if (draft.Status == DraftStatus.Submitted) parts.Add(new LackingPart(section.Key, LackState.AwaitingReview, draft.Version));
            else if (draft.Status == DraftStatus.Rejected)
                parts.Add(new LackingPart(section.Key, LackState.Rejected, draft.Version,
                    withComments ? (await drafts.GetAsync(key, section.Key, draft.Version, cancellationToken))?.ReviewComment : null));
        }
        return parts.Count == 0 ? null : new DepartmentLack(department, parts);
    }

    private static IReadOnlyCollection<string>? LeaveOut(IReadOnlyCollection<string> to) => OnceOnlyDelivery.LeaveOutEmailUnless(to.Count > 0);
}

/// <summary>What one daily run found: the day's duty, the departments not finished, the notices registered now and those an earlier run registered.</summary>
public sealed record DeadlineRunResult(int Year, DateOnly Day, CalendarDuty Duty, IReadOnlyList<string> Unfinished, IReadOnlyList<string> Registered,
    IReadOnlyList<string> AlreadyRegistered);

/// <summary>What a 催报 request did.</summary>
public enum ChaseOutcome
{
    /// <summary>Registered and queued: the department's members are told within moments.</summary>
    Queued,

    /// <summary>This form's 催报 was already sent (a double click, a repeated post).</summary>
    AlreadySent,

    /// <summary>Another 催报 of this department went out earlier the same day: nothing is sent again until tomorrow.</summary>
    ChasedToday,

    /// <summary>The department has finished: there is nothing to chase.</summary>
    Finished,
}
