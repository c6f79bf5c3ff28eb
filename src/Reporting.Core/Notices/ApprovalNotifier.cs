using Reporting.Core.Drafts;
using Reporting.Core.Queues;
using Reporting.Core.Reports;

namespace Reporting.Core.Notices;

/// <summary>
/// Tells a draft's author that it was approved, once per approved draft version and channel through the outbox like
/// every notice (<see cref="OnceOnlyDelivery"/>), at once rather than digested: a repeated approval, a duplicate queue
/// message or a retry never sends a second e-mail. The author's address is found as for a rejection
/// (<see cref="IAuthorAddresses"/>); an author with none gets no e-mail, the other channels (the webhook) still go out.
/// </summary>
public class ApprovalNotifier(IDraftRepository drafts, IAuthorAddresses addresses, INoticeComposer composer, OnceOnlyDelivery delivery, IWorkQueue queue,
    TimeProvider clock)
{
    public static NotificationMessage.DraftApproved MessageFor(Draft draft) =>
        new(draft.Report.Year, draft.Report.Department, draft.Section, draft.Version);

    /// <summary>Registers the notice in the outbox, then queues it: the sweep delivers it even if the message is lost. Safe to repeat.</summary>
    public virtual async Task QueueAsync(Draft draft, CancellationToken cancellationToken = default)
    {
        var message = MessageFor(draft);
        await delivery.RegisterAsync(message, OnceOnlyDelivery.LeaveOutEmailUnless(addresses.AddressOf(draft) is not null), cancellationToken);
        await queue.EnqueueNotificationAsync(message, cancellationToken);
    }

    /// <returns>Each channel's outbox entry, or null when the draft is not (or no longer) approved.</returns>
    public virtual async Task<DeliveryResult?> NotifyAsync(NotificationMessage.DraftApproved message, CancellationToken cancellationToken = default)
    {
        var draft = await drafts.GetAsync(new ReportKey(message.Year, message.Department), message.Section, message.Version, cancellationToken);
        if (draft is not { Status: DraftStatus.Approved }) return null;
        var to = addresses.AddressOf(draft);
        var fact = new Notice.DraftApproved(message, to, draft.ReviewedAt ?? clock.GetUtcNow(),
            new DraftApproval(draft.Section, draft.Author, draft.Reviewer ?? "", draft.ReviewComment));
        return await delivery.DeliverAsync(message, () => composer.ComposeAsync(fact, cancellationToken), OnceOnlyDelivery.LeaveOutEmailUnless(to is not null),
            cancellationToken);
    }
}
