using Reporting.Core.Access;
using Reporting.Core.Audit;
using Reporting.Core.Drafts;
using Reporting.Core.Queues;
using Reporting.Core.Reports;
using Reporting.Core.Templates;

namespace Reporting.Core.Notices;

/// <summary>
/// The review notice: when a draft version is stored, tells each approver who may decide it (the department's approvers other
/// than its author: four-eyes) through the same outbox as every notice (<see cref="OnceOnlyDelivery"/>). The first
/// notice goes out at once; later ones wait for the approver's window (<see cref="ReviewWindow"/>) and gather every
/// submission made meanwhile into one digest. What a notice lists is read when it is sent, so a draft decided or
/// withdrawn meanwhile is left out, and a notice with nothing left is withdrawn unsent.
/// </summary>
public class ReviewNotifier(
    IDraftRepository drafts,
    IDepartmentApprovers approvers,
    INotificationOutbox outbox,
    INoticeComposer composer,
    OnceOnlyDelivery delivery,
    IWorkQueue queue,
    IAuditLog audit,
    TimeProvider clock)
{
    /// <summary>
    /// Registers one notice per approver who may decide <paramref name="draft"/>, and queues it when it is due now; a digest
    /// waits in the outbox for the sweep (so it goes out within one sweep period of its window's start).
    /// </summary>
    public virtual async Task QueueAsync(Draft draft, CancellationToken cancellationToken = default)
    {
        var key = draft.Report;
        foreach (var approver in await approvers.OfDepartmentAsync(key.Department, cancellationToken))
        {
            if (approver.UserId == draft.AuthorId) continue;
            var now = clock.GetUtcNow();
            var earlier = await outbox.ListStartingWithAsync(NotificationMessage.ReviewAwaited.KeyPrefix(key.Year, key.Department, approver.UserId),
                cancellationToken);
            var due = ReviewWindow.DueAt(earlier.Where(e => e.Notice is NotificationMessage.ReviewAwaited r && r.ApproverId == approver.UserId), now);
            var message = NotificationMessage.ReviewAwaited.DueOn(key.Year, key.Department, approver.UserId, due);
            // A digest is left to the sweep, which re-queues it once its window has started: no message lies hidden on the queue
            // for a quarter of an hour, and a digest whose drafts were all decided meanwhile costs nothing until then.
            if (due > now)
            {
                await delivery.RegisterDueAsync(message, LeaveOut(approver.Email), due, cancellationToken);
                continue;
            }
            await delivery.RegisterAsync(message, LeaveOut(approver.Email), cancellationToken);
            await queue.EnqueueNotificationAsync(message, cancellationToken);
        }
    }

    /// <returns>Each channel's outbox entry, or null when the notice is not due yet (an early duplicate) or nothing awaits the approver (withdrawn).</returns>
    public virtual async Task<DeliveryResult?> NotifyAsync(NotificationMessage.ReviewAwaited message, CancellationToken cancellationToken = default)
    {
        // The scheduled message or the sweep delivers it when its window starts.
        if (clock.GetUtcNow() + OutboxEntry.DueTolerance < message.DueAt) return null;
        var key = new ReportKey(message.Year, message.Department);
        var approver = (await approvers.OfDepartmentAsync(message.Department, cancellationToken)).FirstOrDefault(a => a.UserId == message.ApproverId);
        var awaited = approver is null ? [] : await AwaitingAsync(key, message.ApproverId, cancellationToken);
        if (awaited.Count == 0)
        {
            await delivery.WithdrawAsync(message, approver is null ? "no longer an approver" : "nothing awaits review", cancellationToken);
            return null;
        }
        var fact = new Notice.ReviewAwaited(message, approver!.Email, clock.GetUtcNow(), awaited);
        var result = await delivery.DeliverAsync(message, () => composer.ComposeAsync(fact, cancellationToken), LeaveOut(approver.Email), cancellationToken);
        if (result.SentNow.Count > 0)
            await audit.RecordAsync(new AuditEntry(key.ToString(), "review.notified", Caller.System, clock.GetUtcNow(),
                $"{string.Join(',', awaited.Select(d => $"{d.Section} v{d.Version}"))} via {string.Join(',', result.SentNow)} to {message.ApproverId}"),
                cancellationToken);
        return result;
    }

    /// <summary>The report's drafts awaiting a decision that <paramref name="approverId"/> may make (not their own), in template order.</summary>
    private async Task<IReadOnlyList<PendingDraft>> AwaitingAsync(ReportKey key, string approverId, CancellationToken cancellationToken)
    {
        var order = ReportTemplate.Sections.Select((s, i) => (s.Key, i)).ToDictionary(p => p.Key, p => p.i);
        return (await drafts.ListAsync(key, cancellationToken))
            .Where(d => d.Status == DraftStatus.Submitted && d.AuthorId != approverId)
            .OrderBy(d => order.GetValueOrDefault(d.Section, int.MaxValue)).ThenBy(d => d.Version)
            .Select(d => new PendingDraft(d.Section, d.Version, d.Author, d.SubmittedAt))
            .ToList();
    }

    private static IReadOnlyCollection<string>? LeaveOut(string? to) => OnceOnlyDelivery.LeaveOutEmailUnless(to is not null);
}
