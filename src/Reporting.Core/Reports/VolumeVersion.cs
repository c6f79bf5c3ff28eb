namespace Reporting.Core.Reports;

/// <summary>
/// One compiled volume of a year: claimed by a run for a given content fingerprint, then stored, then notified — or,
/// when the run that claimed it died and a newer volume replaced it before anyone finished it, abandoned.
/// </summary>
/// <param name="ClaimId">The run holding the claim: its renewals and a takeover tell runs apart.</param>
/// <param name="AbandonedAt">Settled without a PDF: its run died and a newer version superseded it. Never reused.</param>
/// <param name="Fingerprint">Hash of which report versions it holds and what is missing: equal fingerprints mean an equal volume.</param>
public sealed record VolumeVersion(
    int Version,
    string Fingerprint,
    DateTimeOffset ClaimedAt,
    IReadOnlyDictionary<string, int> Reports,
    IReadOnlyDictionary<string, string[]> Missing,
    string? BlobName = null,
    string? Sha256 = null,
    int? PageCount = null,
    DateTimeOffset? StoredAt = null,
    DateTimeOffset? NotifiedAt = null,
    string? ClaimId = null,
    DateTimeOffset? AbandonedAt = null)
{
    public bool IsStored => BlobName is not null;

    public bool IsAbandoned => !IsStored && AbandonedAt is not null;

    /// <summary>Claimed and neither stored nor abandoned: a run is building it, or died building it.</summary>
    public bool IsBuilding => !IsStored && AbandonedAt is null;

    public bool IsClaimedAt(DateTimeOffset now, TimeSpan claimLifetime) => IsBuilding && ClaimedAt + claimLifetime > now;
}
