namespace Reporting.Core.Notices;

/// <summary>
/// One entry per notice and channel (e-mail, webhook): whether it went out, who is sending it now, how often it
/// failed and when it is tried next. Each channel is claimed, sent and recorded on its own, so a failing webhook
/// never repeats an e-mail. Writes are guarded by the entry's ETag; the rules live in <c>OnceOnlyDelivery</c>.
/// </summary>
public interface INotificationOutbox
{
    /// <summary>Every channel's entry of one notice (<see cref="NotificationMessage.OutboxKey"/>).</summary>
    Task<IReadOnlyList<OutboxEntry>> FindAsync(string key, CancellationToken cancellationToken = default);

    /// <summary>Every channel's entry of every PDF version's notice of one report, in one query (what the report's status shows).</summary>
    Task<IReadOnlyList<OutboxEntry>> ListForReportAsync(int year, string department, CancellationToken cancellationToken = default);

    /// <summary>Every channel's entry of every notice whose key starts with <paramref name="keyPrefix"/> (an approver's review notices in a report).</summary>
    Task<IReadOnlyList<OutboxEntry>> ListStartingWithAsync(string keyPrefix, CancellationToken cancellationToken = default);

    /// <summary>
    /// Inserts <paramref name="entry"/> when its ETag is null, otherwise replaces it if the stored ETag still matches.
    /// Returns the stored entry with its new ETag, or null when the entry exists already (insert) or changed meanwhile.
    /// </summary>
    Task<OutboxEntry?> TrySaveAsync(OutboxEntry entry, CancellationToken cancellationToken = default);

    /// <summary>Records a sent channel whatever the stored ETag: the notice went out, so recording it must not fail.</summary>
    Task SaveSentAsync(OutboxEntry entry, CancellationToken cancellationToken = default);

    /// <summary>Entries not yet sent whose next attempt is due by <paramref name="dueBy"/> (what the sweep re-queues).</summary>
    Task<IReadOnlyList<OutboxEntry>> ListDueAsync(DateTimeOffset dueBy, CancellationToken cancellationToken = default);
}
