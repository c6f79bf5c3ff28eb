using System.Text.Json;
using Reporting.Azure.Storage;
using Reporting.Core.Abstractions;

namespace Reporting.Azure.Queues;

/// <summary>Sends work as JSON to the queues the queue-triggered functions listen on.</summary>
public class StorageWorkQueue(StorageClients clients) : IWorkQueue
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public virtual Task EnqueueAssemblyAsync(AssemblyMessage message, CancellationToken cancellationToken = default) =>
        clients.Queues.GetQueueClient(clients.Options.AssemblyQueue).SendMessageAsync(JsonSerializer.Serialize(message, Json), cancellationToken);

    public virtual Task EnqueueNotificationAsync(NotificationMessage message, CancellationToken cancellationToken = default) =>
        clients.Queues.GetQueueClient(clients.Options.NotificationQueue).SendMessageAsync(JsonSerializer.Serialize(message, Json), cancellationToken);

    /// <summary>
    /// The message stays invisible for <paramref name="delay"/> (at most 7 days) and never expires, so a long backoff
    /// cannot drop it. The service counts visibility in whole seconds and drops the fraction, so the delay is rounded
    /// up: 0.98 s would otherwise make the retry visible at once, before its backoff has run out.
    /// </summary>
    public virtual Task ScheduleNotificationAsync(NotificationMessage message, TimeSpan delay, CancellationToken cancellationToken = default) =>
        clients.Queues.GetQueueClient(clients.Options.NotificationQueue).SendMessageAsync(JsonSerializer.Serialize(message, Json),
            visibilityTimeout: TimeSpan.FromSeconds(Math.Ceiling(delay.TotalSeconds)), timeToLive: TimeSpan.FromSeconds(-1), cancellationToken);
}
