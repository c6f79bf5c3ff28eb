namespace Reporting.Core.Calendar;

/// <summary>The last 催报 of each department (<see cref="ChaseRecord"/>), one per year and department.</summary>
public interface IChaseRecordRepository
{
    Task<ChaseRecord?> GetAsync(int year, string department, CancellationToken cancellationToken = default);

    /// <summary>Every department's last 催报 of <paramref name="year"/>, in one query (what 全区总览 shows).</summary>
    Task<IReadOnlyList<ChaseRecord>> ListAsync(int year, CancellationToken cancellationToken = default);

    /// <summary>
    /// Inserts <paramref name="record"/> when its ETag is null, otherwise replaces the stored one if its ETag still matches.
    /// Returns the stored record with its new ETag, or null when another 催报 was recorded meanwhile.
    /// </summary>
    Task<ChaseRecord?> TrySaveAsync(ChaseRecord record, CancellationToken cancellationToken = default);
}
