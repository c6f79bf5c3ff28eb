using Azure.Storage.Queues.Models;
using Reporting.Azure.Storage;
using Reporting.Core.Queues;

namespace Reporting.Azure.Queues;

/// <summary>
/// Moves the messages of "{queue}-poison" back to "{queue}" verbatim, so work that failed while a dependency was down
/// runs again once it is back. Each message is sent before it is deleted (at least once; every step is idempotent),
/// and only the messages present at the start are moved: one that fails again and returns to poison is not looped.
/// </summary>
public sealed class PoisonQueueReplay(StorageClients clients)
{
    public IReadOnlyList<string> KnownQueues => [clients.Options.AssemblyQueue, clients.Options.NotificationQueue, clients.Options.YearEndQueue];

    /// <returns>How many messages were moved.</returns>
    public async Task<int> ReplayAsync(string queue, CancellationToken cancellationToken = default)
    {
        if (queue.EndsWith(QueueNames.PoisonSuffix, StringComparison.Ordinal)) queue = queue[..^QueueNames.PoisonSuffix.Length];
        var target = clients.RawQueues.GetQueueClient(queue);
        var poison = clients.RawQueues.GetQueueClient(queue + QueueNames.PoisonSuffix);
        if (!await poison.ExistsAsync(cancellationToken)) return 0;
        await target.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        var limit = (await poison.GetPropertiesAsync(cancellationToken)).Value.ApproximateMessagesCount;
        var moved = 0;
        while (moved < limit)
        {
            QueueMessage[] batch = (await poison.ReceiveMessagesAsync(Math.Min(32, limit - moved), TimeSpan.FromMinutes(1), cancellationToken)).Value;
            if (batch.Length == 0) break;
            foreach (var message in batch)
            {
                await target.SendMessageAsync(message.Body, cancellationToken: cancellationToken);
                await poison.DeleteMessageAsync(message.MessageId, message.PopReceipt, cancellationToken);
                moved++;
            }
        }
        return moved;
    }
}
