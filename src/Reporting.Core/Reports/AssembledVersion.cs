namespace Reporting.Core.Reports;

/// <summary>
/// One PDF version of a report: requested when its approved parts became complete,
/// then filled in once the PDF is stored, then stamped when the district office was told.
/// <see cref="AssemblingSince"/> is when the latest attempt to make the PDF began (a crashed attempt is retried within seconds).
/// <see cref="SignedAt"/> is the round's last approval and <see cref="Dated"/> the 成文日期 its approver set, if any: fixed when
/// the version is requested, so every rendering of this version (the PDF, the public page) prints the same date.
/// </summary>
public sealed record AssembledVersion(
    int Version,
    IReadOnlyDictionary<string, int> SourceVersions,
    DateTimeOffset RequestedAt,
    DateTimeOffset SignedAt,
    string? BlobName = null,
    string? Sha256 = null,
    int? PageCount = null,
    DateTimeOffset? AssembledAt = null,
    DateTimeOffset? NotifiedAt = null,
    DateTimeOffset? AssemblingSince = null,
    DateOnly? Dated = null)
{
    public bool IsAssembled => BlobName is not null;

    public bool HasSameSources(IReadOnlyDictionary<string, int> other) =>
        SourceVersions.Count == other.Count && SourceVersions.All(p => other.TryGetValue(p.Key, out var v) && v == p.Value);
}
