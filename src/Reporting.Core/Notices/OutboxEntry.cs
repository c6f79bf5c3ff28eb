namespace Reporting.Core.Notices;

/// <summary>
/// One channel of one notice in the outbox. <see cref="NextAttemptAt"/> is when someone should try again if it is
/// still unsent: a registered entry's grace period, a live claim's lapse, or a failed attempt's backoff.
/// </summary>
public sealed record OutboxEntry(
    NotificationMessage Notice,
    string Channel,
    DateTimeOffset? ClaimedAt = null,
    DateTimeOffset? SentAt = null,
    int Attempts = 0,
    string? LastError = null,
    DateTimeOffset? LastAttemptAt = null,
    DateTimeOffset? NextAttemptAt = null,
    string? ETag = null)
{
    /// <summary>
    /// How early a retry message may arrive and still count as due (queue and app clocks differ slightly); at most a
    /// quarter of the backoff, so a duplicate arriving just after a failure is never taken for the scheduled retry.
    /// </summary>
    public static readonly TimeSpan DueTolerance = TimeSpan.FromSeconds(2);

    public string Key => Notice.OutboxKey;

    public bool IsSent => SentAt is not null;

    /// <summary>
    /// Settled without sending: a calendar notice no longer owed when its turn came (the department finished meanwhile).
    /// Stored as sent with no attempt, so the sweep and every delivery leave it alone; <see cref="LastError"/> says why,
    /// after <see cref="WithdrawnPrefix"/>.
    /// </summary>
    public bool IsWithdrawn => SentAt is not null && Attempts == 0 && LastError?.StartsWith(WithdrawnPrefix, StringComparison.Ordinal) == true;

    public const string WithdrawnPrefix = "withdrawn: ";

    public bool IsClaimedAt(DateTimeOffset now, TimeSpan claimLifetime) => !IsSent && ClaimedAt is { } claimed && claimed + claimLifetime > now;

    /// <summary>
    /// Whether a worker may claim this channel now: unsent, no live claim, and either never tried or its backoff
    /// has run out. A duplicate message arriving during a backoff finds it not due and leaves it to the scheduled retry.
    /// </summary>
    public bool IsDueAt(DateTimeOffset now, TimeSpan claimLifetime) =>
        !IsSent && !IsClaimedAt(now, claimLifetime) && (Attempts == 0 || NextAttemptAt is null || NextAttemptAt <= now + Tolerance);

    private TimeSpan Tolerance =>
        LastAttemptAt is { } last && NextAttemptAt is { } next && (next - last) / 4 < DueTolerance ? (next - last) / 4 : DueTolerance;

    /// <summary>For a person reading the status: sent, sending, retrying (failed before) or pending (not tried yet).</summary>
    public string StateAt(DateTimeOffset now, TimeSpan claimLifetime) =>
        IsWithdrawn ? "withdrawn" : IsSent ? "sent" : IsClaimedAt(now, claimLifetime) ? "sending" : Attempts > 0 ? "retrying" : "pending";
}
