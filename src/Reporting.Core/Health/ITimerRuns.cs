namespace Reporting.Core.Health;

/// <summary>Remembers when each timer function last completed a run, for the health check.</summary>
public interface ITimerRuns
{
    Task RecordAsync(string timer, CancellationToken cancellationToken = default);
}
