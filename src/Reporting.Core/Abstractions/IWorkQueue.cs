namespace Reporting.Core.Abstractions;

/// <summary>Hands work to the queue-triggered steps. Delivery is at least once: handlers are idempotent.</summary>
public interface IWorkQueue
{
    Task EnqueueAssemblyAsync(AssemblyMessage message, CancellationToken cancellationToken = default);

    Task EnqueueNotificationAsync(NotificationMessage message, CancellationToken cancellationToken = default);
}

/// <summary>Make PDF version <paramref name="Version"/> of a report.</summary>
public sealed record AssemblyMessage(int Year, string Department, int Version);

/// <summary>Tell the district office that PDF version <paramref name="Version"/> of a report is ready.</summary>
public sealed record NotificationMessage(int Year, string Department, int Version);
