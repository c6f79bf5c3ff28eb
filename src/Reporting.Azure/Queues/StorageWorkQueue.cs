using System.Diagnostics;
using System.Text.Json;
using Reporting.Azure.Storage;
using Reporting.Core.Notices;
using Reporting.Core.Queues;

namespace Reporting.Azure.Queues;

/// <summary>
/// Sends work as JSON to the queues the queue-triggered functions listen on, with the trace context of the step that
/// queues it (<see cref="QueueEnvelope"/>), so the assembly and the notice continue the approval's trace.
/// </summary>
public class StorageWorkQueue(StorageClients clients) : IWorkQueue
{
    public static JsonSerializerOptions Json => QueueEnvelope.Json;

    public virtual Task EnqueueAssemblyAsync(AssemblyMessage message, CancellationToken cancellationToken = default) =>
        clients.Queues.GetQueueClient(clients.Options.AssemblyQueue).SendMessageAsync(QueueEnvelope.Write(message, Activity.Current), cancellationToken);

    public virtual Task EnqueueYearEndAsync(YearEndMessage message, TimeSpan? delay = null, CancellationToken cancellationToken = default) =>
        clients.Queues.GetQueueClient(clients.Options.YearEndQueue).SendMessageAsync(QueueEnvelope.Write(message, Activity.Current),
            visibilityTimeout: delay is { } wait ? TimeSpan.FromSeconds(Math.Ceiling(wait.TotalSeconds)) : null, timeToLive: null, cancellationToken);

    public virtual Task EnqueueNotificationAsync(NotificationMessage message, CancellationToken cancellationToken = default) =>
        clients.Queues.GetQueueClient(clients.Options.NotificationQueue).SendMessageAsync(QueueEnvelope.Write(message, Activity.Current), cancellationToken);

    /// <summary>
    /// The message stays invisible for <paramref name="delay"/> (at most 7 days) and never expires, so a long backoff
    /// cannot drop it. The service counts visibility in whole seconds and drops the fraction, so the delay is rounded
    /// up: 0.98 s would otherwise make the retry visible at once, before its backoff has run out.
    /// </summary>
    public virtual Task ScheduleNotificationAsync(NotificationMessage message, TimeSpan delay, CancellationToken cancellationToken = default) =>
        clients.Queues.GetQueueClient(clients.Options.NotificationQueue).SendMessageAsync(QueueEnvelope.Write(message, Activity.Current),
            visibilityTimeout: TimeSpan.FromSeconds(Math.Ceiling(delay.TotalSeconds)), timeToLive: TimeSpan.FromSeconds(-1), cancellationToken);
}
