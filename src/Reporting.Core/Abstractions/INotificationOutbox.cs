namespace Reporting.Core.Abstractions;

/// <summary>
/// Remembers which notifications went out, keyed by report and version, so a message processed
/// twice sends once. A claim that is not marked sent (the sender died) can be taken over after it lapses.
/// </summary>
public interface INotificationOutbox
{
    /// <summary>Null when the notification was already sent or another worker holds a live claim.</summary>
    Task<OutboxClaim?> TryClaimAsync(string key, TimeSpan claimLifetime, CancellationToken cancellationToken = default);

    Task MarkSentAsync(OutboxClaim claim, string channels, CancellationToken cancellationToken = default);

    /// <summary>Gives back a claim whose send failed, so a retry can claim at once; leaves a claim another worker took over alone.</summary>
    Task ReleaseAsync(OutboxClaim claim, CancellationToken cancellationToken = default);

    Task<OutboxRecord?> FindAsync(string key, CancellationToken cancellationToken = default);
}

public sealed record OutboxClaim(string Key, string ETag, DateTimeOffset ClaimedAt);

public sealed record OutboxRecord(string Key, DateTimeOffset? SentAt, string? Channels);
