namespace Reporting.Core.Reports;

/// <summary>
/// One compiled volume of a year: claimed by a run for a given content fingerprint, then stored, then notified.
/// </summary>
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
    DateTimeOffset? NotifiedAt = null)
{
    public bool IsStored => BlobName is not null;
}
