using Reporting.Core.Errors;


namespace Reporting.Core.Reports;

public interface IVolumeLedgerRepository
{
    /// <summary>The year's ledger, or an empty one (no ETag).</summary>
    Task<VolumeLedger> GetAsync(int year, CancellationToken cancellationToken = default);

    /// <summary>Inserts (no ETag) or replaces (If-Match); throws <see cref="ConcurrencyConflictException"/> when another run wrote first.</summary>
    Task SaveAsync(VolumeLedger ledger, CancellationToken cancellationToken = default);
}
