using Reporting.Core.Reports;

namespace Reporting.Core.Publication;

public interface IPublicationRepository
{
    /// <summary>The stored record, or a new empty one (no ETag) when the report was never published.</summary>
    Task<PublicationRecord> GetAsync(ReportKey key, CancellationToken cancellationToken = default);

    /// <summary>Inserts (no ETag) or replaces (If-Match its ETag); throws <see cref="Abstractions.ConcurrencyConflictException"/> when another write
    /// won.</summary>
    Task SaveAsync(PublicationRecord publication, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<PublicationRecord>> ListYearAsync(int year, CancellationToken cancellationToken = default);

    /// <summary>Every year with at least one report public now, oldest first (the public site's root index).</summary>
    Task<IReadOnlyList<int>> ListPublishedYearsAsync(CancellationToken cancellationToken = default);
}
