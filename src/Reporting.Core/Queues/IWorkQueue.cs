using Reporting.Core.Notices;

namespace Reporting.Core.Queues;

/// <summary>Hands work to the queue-triggered steps. Delivery is at least once: handlers are idempotent.</summary>
public interface IWorkQueue
{
    Task EnqueueAssemblyAsync(AssemblyMessage message, CancellationToken cancellationToken = default);

    /// <summary>Sends <paramref name="message"/>, first seen after <paramref name="delay"/> if given (a run held elsewhere looks again then).</summary>
    Task EnqueueYearEndAsync(YearEndMessage message, TimeSpan? delay = null, CancellationToken cancellationToken = default);

    Task EnqueueNotificationAsync(NotificationMessage message, CancellationToken cancellationToken = default);

    /// <summary>Sends <paramref name="message"/> so that it is first seen after <paramref name="delay"/> (a retry's backoff).</summary>
    Task ScheduleNotificationAsync(NotificationMessage message, TimeSpan delay, CancellationToken cancellationToken = default);
}

/// <summary>Make PDF version <paramref name="Version"/> of a report.</summary>
public sealed record AssemblyMessage(int Year, string Department, int Version);
