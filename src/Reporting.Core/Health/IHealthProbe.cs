namespace Reporting.Core.Health;

/// <summary>Looks at what the app depends on, cheaply and within a few seconds, for a health check.</summary>
public interface IHealthProbe
{
    /// <param name="timers">The timer functions whose last completed run to report.</param>
    Task<StorageHealth> CheckAsync(IReadOnlyCollection<string> timers, CancellationToken cancellationToken = default);
}
