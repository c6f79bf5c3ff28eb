using Reporting.Core.Abstractions;

namespace Reporting.Core.Workflow;

/// <summary>
/// Sends a notice through every configured channel at most once per key, however often it is asked:
/// the outbox claim is taken before sending and marked after. A claim held by a live worker makes the
/// caller retry later; a claim whose sender died lapses and is taken over.
/// </summary>
public class OnceOnlyDelivery(INotificationOutbox outbox, IEnumerable<INotificationSender> senders, ReportingOptions options, TimeProvider clock)
{
    /// <returns>When the notice went out, and whether this call sent it.</returns>
    public virtual async Task<(DateTimeOffset SentAt, bool SentNow, string Channels)> DeliverAsync(string key, Func<Task<ReadyNotice>> compose, CancellationToken cancellationToken = default)
    {
        var claim = await outbox.TryClaimAsync(key, options.NotificationClaimLifetime, cancellationToken);
        if (claim is null)
        {
            var record = await outbox.FindAsync(key, cancellationToken);
            if (record?.SentAt is null)
                throw new InvalidOperationException($"Notification {key} is being sent by another worker; retry later.");
            return (record.SentAt.Value, false, record.Channels ?? "");
        }
        var notice = await compose();
        var channels = new List<string>();
        foreach (var sender in senders)
            if (await sender.SendAsync(notice, cancellationToken)) channels.Add(sender.Channel);
        var joined = string.Join(',', channels);
        await outbox.MarkSentAsync(claim, joined, cancellationToken);
        return (clock.GetUtcNow(), true, joined);
    }
}
