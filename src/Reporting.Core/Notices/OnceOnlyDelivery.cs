using Reporting.Core.Queues;


namespace Reporting.Core.Notices;

/// <summary>
/// Sends a notice through every configured channel exactly once per channel, however often it is asked and however
/// long a channel is down. Each channel is claimed in the outbox, sent and recorded on its own; a failed channel
/// records the error and its next attempt (the retry schedule's backoff) and a message is scheduled for that time,
/// so the queue never sees the failure and never poisons the notice. The sweep re-queues whatever is due and unsent.
/// The channels go out side by side: a hanging mail server never holds the webhook back.
/// </summary>
public class OnceOnlyDelivery(
    INotificationOutbox outbox,
    IEnumerable<INotificationSender> senders,
    IWorkQueue queue,
    ReportingOptions options,
    NotificationOptions notifications,
    TimeProvider clock)
{
    /// <summary>The channel a notice leaves out when its recipients have no known e-mail address.</summary>
    public const string EmailChannel = "email";

    /// <summary>The channels to leave out for a notice to people with no known e-mail address: the e-mail; else none.</summary>
    public static IReadOnlyCollection<string>? LeaveOutEmailUnless(bool addressed) => addressed ? null : [EmailChannel];

    /// <summary>Azure Storage queues hide a message for at most seven days; a later retry is left to the sweep.</summary>
    private static readonly TimeSpan LongestQueueDelay = TimeSpan.FromDays(7) - TimeSpan.FromMinutes(1);

    /// <param name="leaveOut">Channels this notice does not go through (an e-mail to an author with no known address).</param>
    private IEnumerable<INotificationSender> Channels(IReadOnlyCollection<string>? leaveOut) =>
        senders.Where(s => s.IsConfigured && leaveOut?.Contains(s.Channel) != true);

    /// <summary>
    /// Records the notice as pending on every channel before its message is queued, so the sweep finds it even if the
    /// message is lost or poisoned. Its first attempt is due once a claim would have lapsed.
    /// </summary>
    public virtual Task RegisterAsync(NotificationMessage notice, IReadOnlyCollection<string>? leaveOut = null,
        CancellationToken cancellationToken = default) =>
        RegisterDueAsync(notice, leaveOut, clock.GetUtcNow() + options.NotificationClaimLifetime, cancellationToken);

    /// <summary>As <see cref="RegisterAsync"/> for a notice that waits for its time (a review digest): the sweep takes it up at
    /// <paramref name="due"/>.</summary>
    public virtual async Task RegisterDueAsync(NotificationMessage notice, IReadOnlyCollection<string>? leaveOut, DateTimeOffset due,
        CancellationToken cancellationToken = default)
    {
        foreach (var sender in Channels(leaveOut))
            await outbox.TrySaveAsync(new OutboxEntry(notice, sender.Channel, NextAttemptAt: due), cancellationToken);
    }

    /// <summary>
    /// Delivers every channel at once, each on its own: a channel that hangs (a mail server that accepts and never
    /// answers) delays no other. Each attempt is cut off at <see cref="AttemptBudget"/>, so it ends while its claim holds
    /// and a retry never overlaps the attempt still running.
    /// </summary>
    public virtual async Task<DeliveryResult> DeliverAsync(NotificationMessage notice, Func<Task<ComposedNotice>> compose,
        IReadOnlyCollection<string>? leaveOut = null, CancellationToken cancellationToken = default)
    {
        var stored = (await outbox.FindAsync(notice.OutboxKey, cancellationToken)).ToDictionary(e => e.Channel, StringComparer.Ordinal);
        var channels = Channels(leaveOut).ToList();
        // Composed once, by whichever channel needs it first; a channel that is not due never composes.
        var composed = new Lazy<Task<ComposedNotice>>(compose, LazyThreadSafetyMode.ExecutionAndPublication);
        var attempts = await Task.WhenAll(channels.Select(sender =>
            AttemptAsync(sender, notice, stored.GetValueOrDefault(sender.Channel), composed, cancellationToken)));
        foreach (var attempt in attempts.Where(a => a.Entry is not null)) stored[attempt.Entry!.Channel] = attempt.Entry;
        var sentNow = attempts.Where(a => a.Outcome == AttemptOutcome.Sent).Select(a => a.Entry!.Channel).ToList();

        // When a channel was left to another worker, read back rather than trust this call's view: of two workers
        // finishing different channels, the later one sees both. Otherwise this call's view is the stored state.
        var skipped = attempts.Any(a => a.Outcome == AttemptOutcome.Skipped);
        var after = skipped ? await outbox.FindAsync(notice.OutboxKey, cancellationToken) : stored.Values.ToList();
        var result = new DeliveryResult(channels.Select(c => after.FirstOrDefault(e => e.Channel == c.Channel) ?? new OutboxEntry(notice, c.Channel))
            .ToList(), sentNow);
        if (attempts.Any(a => a.Outcome == AttemptOutcome.Failed) && result.NextAttemptAt is { } next)
        {
            var delay = next - clock.GetUtcNow();
            await queue.ScheduleNotificationAsync(notice, delay < TimeSpan.Zero ? TimeSpan.Zero : delay > LongestQueueDelay ? LongestQueueDelay : delay,
                cancellationToken);
        }
        return result;
    }

    /// <summary>
    /// The longest one channel's attempt (composing and sending) may take: half the claim's lifetime, so the attempt
    /// is over, and its outcome recorded, well before another worker may take the claim over. The senders' own
    /// timeouts (SMTP, webhook) are shorter still; this bounds a sender that has none.
    /// </summary>
    public TimeSpan AttemptBudget => options.NotificationClaimLifetime / 2;

    private enum AttemptOutcome { AlreadySent, Skipped, Sent, Failed }

    private sealed record Attempt(AttemptOutcome Outcome, OutboxEntry? Entry);

    /// <summary>Claims, sends and records one channel; never throws for the channel's own failure (that is recorded).</summary>
    private async Task<Attempt> AttemptAsync(INotificationSender sender, NotificationMessage notice, OutboxEntry? stored,
        Lazy<Task<ComposedNotice>> composed, CancellationToken cancellationToken)
    {
        var lifetime = options.NotificationClaimLifetime;
        var now = clock.GetUtcNow();
        var entry = stored ?? new OutboxEntry(notice, sender.Channel);
        if (entry.IsSent) return new Attempt(AttemptOutcome.AlreadySent, entry);
        if (!entry.IsDueAt(now, lifetime)) return new Attempt(AttemptOutcome.Skipped, null);
        // The claim's NextAttemptAt is its lapse: if this worker dies mid-send, the sweep re-queues the notice then.
        var claim = await outbox.TrySaveAsync(entry with { ClaimedAt = now, NextAttemptAt = now + lifetime }, cancellationToken);
        if (claim is null) return new Attempt(AttemptOutcome.Skipped, null);
        try
        {
            using var budget = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            budget.CancelAfter(AttemptBudget);
            var ready = await composed.Value.WaitAsync(budget.Token);
            await sender.SendAsync(ready, budget.Token);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            var failedAt = clock.GetUtcNow();
            var attempts = claim.Attempts + 1;
            var failed = claim with
            {
                ClaimedAt = null,
                Attempts = attempts,
                LastError = Describe(e),
                LastAttemptAt = failedAt,
                NextAttemptAt = failedAt + notifications.DelayAfter(attempts),
            };
            // If-Match the claim: a worker that took a lapsed claim over keeps its row.
            await outbox.TrySaveAsync(failed, CancellationToken.None);
            return new Attempt(AttemptOutcome.Failed, failed);
        }
        var sentAt = clock.GetUtcNow();
        var sent = claim with { SentAt = sentAt, Attempts = claim.Attempts + 1, LastAttemptAt = sentAt, NextAttemptAt = null };
        await outbox.SaveSentAsync(sent, CancellationToken.None);
        return new Attempt(AttemptOutcome.Sent, sent);
    }

    /// <summary>
    /// Settles every unsent channel of a notice that is no longer owed (see <see cref="OutboxEntry.IsWithdrawn"/>), under
    /// its ETag: a channel another worker holds or has sent keeps its row. Returns how many channels were withdrawn now.
    /// </summary>
    public virtual async Task<int> WithdrawAsync(NotificationMessage notice, string reason, CancellationToken cancellationToken = default)
    {
        var withdrawn = 0;
        var now = clock.GetUtcNow();
        foreach (var entry in await outbox.FindAsync(notice.OutboxKey, cancellationToken))
        {
            if (entry.IsSent || entry.IsClaimedAt(now, options.NotificationClaimLifetime)) continue;
            var settled = entry with { SentAt = now, Attempts = 0, ClaimedAt = null, NextAttemptAt = null, LastError = OutboxEntry.WithdrawnPrefix + reason };
            if (await outbox.TrySaveAsync(settled, cancellationToken) is not null) withdrawn++;
        }
        return withdrawn;
    }

    /// <summary>Re-queues every notice with a channel due and unsent (lost, poisoned or never-scheduled retries); returns how many.</summary>
    public virtual async Task<int> SweepAsync(CancellationToken cancellationToken = default)
    {
        var due = await outbox.ListDueAsync(clock.GetUtcNow(), cancellationToken);
        var notices = due.Select(e => e.Notice).Distinct().ToList();
        foreach (var notice in notices)
            await queue.EnqueueNotificationAsync(notice, cancellationToken);
        return notices.Count;
    }

    private static string Describe(Exception e)
    {
        var text = $"{e.GetType().Name}: {e.Message}";
        return text.Length <= 500 ? text : text[..500];
    }
}

/// <summary>Every configured channel's outbox entry after a delivery, and which channels this call sent.</summary>
public sealed record DeliveryResult(IReadOnlyList<OutboxEntry> Channels, IReadOnlyList<string> SentNow)
{
    public bool Delivered => Channels.All(c => c.IsSent);

    /// <summary>When the last channel went out, once all have.</summary>
    public DateTimeOffset? SentAt => Delivered ? Channels.Select(c => c.SentAt).DefaultIfEmpty(null).Max() : null;

    /// <summary>The earliest next attempt of a channel not yet sent.</summary>
    public DateTimeOffset? NextAttemptAt => Channels.Where(c => !c.IsSent).Select(c => c.NextAttemptAt).Where(t => t is not null).Min();
}
