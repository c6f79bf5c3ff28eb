using Reporting.Core.Access;
using Reporting.Core.Audit;
using Reporting.Core.Drafts;
using Reporting.Core.Queues;
using Reporting.Core.Reports;

namespace Reporting.Core.Notices;

/// <summary>
/// 退回通知: tells a draft's author that it was sent back, with the reviewer and the comment, once per rejected draft
/// and channel through the same outbox as every notice (<see cref="OnceOnlyDelivery"/>): a repeated decision request,
/// a duplicate queue message or a retry never sends a second e-mail. An author with no known address gets no e-mail;
/// that is recorded in the audit trail and the other channels (the webhook) still go out.
/// </summary>
public class RejectionNotifier(
    IDraftRepository drafts,
    IAuthorAddresses addresses,
    INoticeComposer composer,
    OnceOnlyDelivery delivery,
    IWorkQueue queue,
    IAuditLog audit,
    TimeProvider clock)
{
    public static NotificationMessage.DraftRejected MessageFor(Draft draft) =>
        new(draft.Report.Year, draft.Report.Department, draft.Section, draft.Version);

    /// <summary>
    /// Registers the notice in the outbox, then queues it: the sweep delivers it even if the message is lost. Safe to
    /// repeat (a repeated decision request re-sends what a crash left unsent; the outbox sends nothing twice).
    /// </summary>
    /// <param name="decidedNow">True when this request made the rejection (the missing address is recorded once).</param>
    public virtual async Task QueueAsync(Draft draft, bool decidedNow, CancellationToken cancellationToken = default)
    {
        var message = MessageFor(draft);
        var to = addresses.AddressOf(draft);
        if (to is null && decidedNow)
            await audit.RecordAsync(new AuditEntry(draft.Report.ToString(), "draft.rejection-unaddressed", Caller.System, clock.GetUtcNow(),
                $"{draft.Section} v{draft.Version}: no e-mail address for author {draft.AuthorId ?? draft.Author}; rejection notice not e-mailed"),
                cancellationToken);
        await delivery.RegisterAsync(message, LeaveOut(to), cancellationToken);
        await queue.EnqueueNotificationAsync(message, cancellationToken);
    }

    /// <returns>Each channel's outbox entry (no e-mail entry when the author has no address), or null when the draft is not rejected.</returns>
    public virtual async Task<DeliveryResult?> NotifyAsync(NotificationMessage.DraftRejected message, CancellationToken cancellationToken = default)
    {
        var key = new ReportKey(message.Year, message.Department);
        var draft = await drafts.GetAsync(key, message.Section, message.Version, cancellationToken);
        if (draft is not { Status: DraftStatus.Rejected }) return null;
        var to = addresses.AddressOf(draft);
        var fact = new Notice.DraftRejected(message, to, draft.ReviewedAt ?? clock.GetUtcNow(),
            new DraftRejection(draft.Section, draft.Author, draft.Reviewer ?? "", draft.ReviewComment));
        var result = await delivery.DeliverAsync(message, () => composer.ComposeAsync(fact, cancellationToken), LeaveOut(to), cancellationToken);
        if (result.SentNow.Count > 0)
            await audit.RecordAsync(new AuditEntry(key.ToString(), "draft.rejection-notified", Caller.System, clock.GetUtcNow(),
                $"{draft.Section} v{draft.Version} via {string.Join(',', result.SentNow)}{(to is null ? "" : " to " + to)}"), cancellationToken);
        return result;
    }

    private static IReadOnlyCollection<string>? LeaveOut(string? to) => OnceOnlyDelivery.LeaveOutEmailUnless(to is not null);
}
