using Reporting.Core.Access;
using Reporting.Core.Reports;

namespace Reporting.Core.Publication;

/// <summary>
/// Whether one department's report for one year is public, which PDF version, and every publish and withdraw
/// step before (a withdrawal keeps the record; a later publish is a new step). Storage persists it under <see cref="ETag"/>.
/// </summary>
public sealed class PublicationRecord(ReportKey key, IEnumerable<PublicationEvent>? events = null, string? etag = null)
{
    private readonly List<PublicationEvent> _events = (events ?? []).OrderBy(e => e.At).ToList();

    public ReportKey Key { get; } = key;
    public string? ETag { get; } = etag;
    public IReadOnlyList<PublicationEvent> Events => _events;

    /// <summary>
    /// Which step the record stands at: it grows by one with every publish and withdrawal (steps are never removed) and is
    /// saved under the record's ETag, so two calls that read the same sequence saw the same story. Public files carry it.
    /// </summary>
    public int Sequence => _events.Count;

    public PublicationEvent? Last => _events.Count == 0 ? null : _events[^1];

    public bool IsPublished => Last?.Kind == PublicationEventKind.Published;

    public bool IsWithdrawn => Last?.Kind == PublicationEventKind.Withdrawn;

    /// <summary>The step that made the current public copy, or null when nothing is public.</summary>
    public PublicationEvent? Current => IsPublished ? Last : null;

    /// <summary>Records a publish of <paramref name="version"/>; false (nothing recorded) when exactly that version is already public.</summary>
    public bool Publish(int version, Caller by, DateTimeOffset at, string comment)
    {
        if (Current?.Version == version) return false;
        _events.Add(new PublicationEvent(PublicationEventKind.Published, at, by.Id, by.Name, comment, version, ConfidentialityReviewed: true));
        return true;
    }

    /// <summary>Records a withdrawal; false (nothing recorded) when nothing is public.</summary>
    public bool Withdraw(Caller by, DateTimeOffset at, string reason)
    {
        if (!IsPublished) return false;
        _events.Add(new PublicationEvent(PublicationEventKind.Withdrawn, at, by.Id, by.Name, reason));
        return true;
    }
}
