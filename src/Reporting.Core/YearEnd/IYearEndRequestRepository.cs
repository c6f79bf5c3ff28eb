namespace Reporting.Core.YearEnd;

/// <summary>The queued year-end runs (<see cref="YearEndRequest"/>), one per year and id.</summary>
public interface IYearEndRequestRepository
{
    Task<YearEndRequest?> GetAsync(int year, string id, CancellationToken cancellationToken = default);

    /// <summary>
    /// Inserts <paramref name="request"/> when its ETag is null, otherwise replaces it if the stored ETag still matches.
    /// Returns the stored request with its new ETag, or null when it exists already (insert) or changed meanwhile.
    /// </summary>
    Task<YearEndRequest?> TrySaveAsync(YearEndRequest request, CancellationToken cancellationToken = default);
}
