using Reporting.Core.Errors;


namespace Reporting.Core.Reports;

public interface IReportRepository
{
    /// <summary>The stored report, or a new empty one (no ETag) when nothing was approved yet.</summary>
    Task<Report> GetAsync(ReportKey key, CancellationToken cancellationToken = default);

    /// <summary>Inserts (no ETag) or replaces (If-Match its ETag); throws <see cref="ConcurrencyConflictException"/> when another write won.</summary>
    Task SaveAsync(Report report, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<Report>> ListYearAsync(int year, CancellationToken cancellationToken = default);
}
