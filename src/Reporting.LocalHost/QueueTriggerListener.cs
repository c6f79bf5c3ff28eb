using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Reporting.Azure.Storage;

namespace Reporting.LocalHost;

/// <summary>
/// Polls one queue the way the Functions queue trigger does: back off to maxPollingInterval while empty,
/// take up to batchSize messages, delete on success, make a failed message visible again after
/// visibilityTimeout, and move it to "{queue}-poison" once it has been tried maxDequeueCount times.
/// </summary>
public sealed class QueueTriggerListener(
    FunctionDescriptor function,
    StorageClients clients,
    FunctionInvoker invoker,
    HostJsonSettings settings,
    ILogger<QueueTriggerListener> logger) : BackgroundService
{
    /// <summary>How long a message stays hidden while it is being processed (a large volume can take minutes).</summary>
    private static readonly TimeSpan ProcessingLease = TimeSpan.FromMinutes(10);
    private static readonly TimeSpan MinimumPollingInterval = TimeSpan.FromMilliseconds(100);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var queue = clients.Queues.GetQueueClient(function.Target);
        var poison = clients.Queues.GetQueueClient(function.Target + QueueNames.PoisonSuffix);
        await queue.CreateIfNotExistsAsync(cancellationToken: stoppingToken);
        logger.LogInformation("Function {Function} listening on queue {Queue}", function.Name, function.Target);
        var delay = MinimumPollingInterval;
        while (!stoppingToken.IsCancellationRequested)
        {
            QueueMessage[] messages;
            try
            {
                messages = (await queue.ReceiveMessagesAsync(Math.Clamp(settings.BatchSize, 1, 32), ProcessingLease, stoppingToken)).Value;
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(e, "Polling queue {Queue} failed; retrying", function.Target);
                messages = [];
            }
            if (messages.Length == 0)
            {
                await Sleep(delay, stoppingToken);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, Math.Max(settings.MaxPollingInterval.Ticks, MinimumPollingInterval.Ticks)));
                continue;
            }
            delay = MinimumPollingInterval;
            await Task.WhenAll(messages.Select(m => ProcessAsync(queue, poison, m, stoppingToken)));
        }
    }

    private async Task ProcessAsync(QueueClient queue, QueueClient poison, QueueMessage message, CancellationToken stoppingToken)
    {
        try
        {
            await invoker.InvokeTriggerAsync(function, message.MessageText, stoppingToken);
            await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, CancellationToken.None);
        }
        catch (Exception e) when (!stoppingToken.IsCancellationRequested)
        {
            if (message.DequeueCount >= settings.MaxDequeueCount)
            {
                logger.LogError(e, "Function {Function} failed on message {MessageId} {Count} times; moving it to {Poison}", function.Name, message.MessageId, message.DequeueCount, poison.Name);
                await poison.CreateIfNotExistsAsync(cancellationToken: CancellationToken.None);
                await poison.SendMessageAsync(message.MessageText, CancellationToken.None);
                await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, CancellationToken.None);
            }
            else
            {
                logger.LogWarning(e, "Function {Function} failed on message {MessageId} (attempt {Count} of {Max}); retrying after {Delay}", function.Name, message.MessageId, message.DequeueCount, settings.MaxDequeueCount, settings.VisibilityTimeout);
                await queue.UpdateMessageAsync(message.MessageId, message.PopReceipt, visibilityTimeout: settings.VisibilityTimeout, cancellationToken: CancellationToken.None);
            }
        }
    }

    private static async Task Sleep(TimeSpan delay, CancellationToken cancellationToken)
    {
        try { await Task.Delay(delay, cancellationToken); }
        catch (OperationCanceledException) { }
    }
}
