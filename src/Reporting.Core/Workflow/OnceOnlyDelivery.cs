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
                throw new DeliveryInProgressException(key);
            return (record.SentAt.Value, false, record.Channels ?? "");
        }
        var channels = new List<string>();
        try
        {
            var notice = await compose();
            foreach (var sender in senders)
                if (await sender.SendAsync(notice, cancellationToken)) channels.Add(sender.Channel);
        }
        catch
        {
            // Give the claim back: the queue retries within seconds, long before a claim lapses, and a retry
            // that only heard "being sent by another worker" would end in the poison queue with nothing sent.
            try { await outbox.ReleaseAsync(claim, CancellationToken.None); }
            catch (Exception) { /* the claim still lapses on its own; the send's failure is the one to report */ }
            throw;
        }
        var joined = string.Join(',', channels);
        await outbox.MarkSentAsync(claim, joined, cancellationToken);
        return (clock.GetUtcNow(), true, joined);
    }
}

/// <summary>Another worker holds a live claim on this notice and has not finished sending it; retry later.</summary>
public sealed class DeliveryInProgressException(string key)
    : InvalidOperationException($"Notification {key} is being sent by another worker; retry later.")
{
    public string Key { get; } = key;
}
