using System.Text;
using Azure;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Reporting.Azure.Storage;
using Reporting.Core.Queues;
using Reporting.Functions;

namespace Reporting.LocalHost;

/// <summary>
/// Polls one queue the way the Functions queue trigger does: back off to maxPollingInterval while empty,
/// run up to batchSize messages at once and fetch more as soon as one finishes (the host's newBatchThreshold does the
/// same: it never waits for a whole batch), delete on success, make a failed message visible again after
/// visibilityTimeout, and move it to "{queue}-poison" once it has been tried maxDequeueCount times.
/// A message is held under a short lease that is renewed while its function runs, so work held by a host that
/// died reappears within seconds; a message that is not Base64 UTF-8 is poisoned at once, alone.
/// </summary>
public sealed class QueueTriggerListener(
    FunctionDescriptor function,
    StorageClients clients,
    FunctionInvoker invoker,
    HostJsonSettings settings,
    TimeProvider clock,
    ILogger<QueueTriggerListener> logger) : BackgroundService
{
    /// <summary>
    /// While storage fails, polls back off to this (one line each, see <see cref="StorageOutageLog"/>); it also bounds how
    /// late recovery is seen.
    /// </summary>
    public static readonly TimeSpan OutagePollingInterval = TimeSpan.FromSeconds(5);

    /// <summary>How long a received message stays hidden before it must be renewed; what a crash costs at most.</summary>
    public static readonly TimeSpan ProcessingLease = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan RenewEvery = ProcessingLease / 3;
    private static readonly TimeSpan MinimumPollingInterval = TimeSpan.FromMilliseconds(100);
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Raw (no codec): messages are decoded one by one in ProcessAsync.
        var queue = clients.RawQueues.GetQueueClient(function.Target);
        var poison = clients.RawQueues.GetQueueClient(function.Target + QueueNames.PoisonSuffix);
        var outage = new StorageOutageLog($"Polling queue {function.Target}", logger, clock);
        var outageDelay = MinimumPollingInterval;
        // Storage gone as the host starts is an outage like any other: one that ended this service used to stop the host.
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await queue.CreateIfNotExistsAsync(cancellationToken: stoppingToken);
                outage.Succeeded();
                break;
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                outage.Failed(e);
                await Sleep(outageDelay, stoppingToken);
                outageDelay = Longer(outageDelay);
            }
        }
        if (stoppingToken.IsCancellationRequested) return;
        logger.LogInformation("Function {Function} listening on queue {Queue}", function.Name, function.Target);
        var delay = MinimumPollingInterval;
        var slots = Math.Clamp(settings.BatchSize, 1, 32);
        var running = new HashSet<Task>();
        while (!stoppingToken.IsCancellationRequested)
        {
            running.RemoveWhere(t => t.IsCompleted);
            if (running.Count == slots)
            {
                // Every slot busy: poll again as soon as one frees up, not when the whole batch is done (a message that
                // hangs for its timeout never holds up the ones queued behind it).
                await Task.WhenAny(running);
                continue;
            }
            QueueMessage[] messages;
            try
            {
                messages = (await queue.ReceiveMessagesAsync(slots - running.Count, ProcessingLease, stoppingToken)).Value;
                outage.Succeeded();
                outageDelay = MinimumPollingInterval;
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                outage.Failed(e);
                await Sleep(outageDelay, stoppingToken);
                outageDelay = Longer(outageDelay);
                continue;
            }
            if (messages.Length == 0)
            {
                await Sleep(delay, stoppingToken);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, Math.Max(settings.MaxPollingInterval.Ticks, MinimumPollingInterval.Ticks)));
                continue;
            }
            delay = MinimumPollingInterval;
            foreach (var message in messages) running.Add(ProcessAsync(queue, poison, message, stoppingToken));
        }
        // Shutting down: the functions were cancelled with the host; let them record what they can.
        try
        {
            await Task.WhenAll(running);
        }
        catch (Exception e) when (stoppingToken.IsCancellationRequested)
        {
            logger.LogDebug(e, "Function {Function} stopped with the host", function.Name);
        }
    }

    private static TimeSpan Longer(TimeSpan outageDelay) => TimeSpan.FromTicks(Math.Min(outageDelay.Ticks * 2, OutagePollingInterval.Ticks));

    /// <summary>Decodes the message as the Functions host does (Base64 of UTF-8); null when it is not.</summary>
    public static string? Decode(string raw, out string? reason)
    {
        try
        {
            reason = null;
            return StrictUtf8.GetString(Convert.FromBase64String(raw));
        }
        catch (Exception e) when (e is FormatException or DecoderFallbackException)
        {
            reason = e is FormatException ? "not valid Base64" : "not valid UTF-8 after Base64 decoding";
            return null;
        }
    }

    private async Task ProcessAsync(QueueClient queue, QueueClient poison, QueueMessage message, CancellationToken stoppingToken)
    {
        var lease = new Lease(message.PopReceipt);
        try
        {
            var text = Decode(message.MessageText, out var reason);
            if (text is null)
            {
                logger.LogError("Message {MessageId} on queue {Queue} cannot be decoded ({Reason}); moving it to {Poison} without running {Function}",
                    message.MessageId, queue.Name, reason, poison.Name, function.Name);
                // Stored Base64-encoded like every other poison message, so the queue reads back with the app's codec (and its text is what was received).
                await MoveToPoisonAsync(queue, poison, message, lease.Receipt, Convert.ToBase64String(Encoding.UTF8.GetBytes(message.MessageText)));
                return;
            }
            using var running = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
            var renewing = RenewWhileRunningAsync(queue, message, lease, running.Token);
            try
            {
                await invoker.InvokeTriggerAsync(function, text, stoppingToken, new Dictionary<string, object?>
                {
                    [Reporting.Functions.Telemetry.PoisonCountingMiddleware.DequeueCountKey] = message.DequeueCount,
                    ["Id"] = message.MessageId,
                });
            }
            finally
            {
                await running.CancelAsync();
                await renewing;
            }
            try
            {
                await queue.DeleteMessageAsync(message.MessageId, lease.Receipt, CancellationToken.None);
            }
            catch (RequestFailedException e) when (e.Status == 404)
            {
                // Gone already (the queue was cleared, or the lease lapsed and another listener finished it): the work is done either way.
                logger.LogInformation("Message {MessageId} on queue {Queue} was gone when its function completed", message.MessageId, queue.Name);
            }
        }
        catch (Exception e) when (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (message.DequeueCount >= settings.MaxDequeueCount)
                {
                    logger.LogError(e, "Function {Function} failed on message {MessageId} {Count} times; moving it to {Poison}", function.Name,
                        message.MessageId, message.DequeueCount, poison.Name);
                    await MoveToPoisonAsync(queue, poison, message, lease.Receipt, message.MessageText);
                }
                else
                {
                    logger.LogWarning(e, "Function {Function} failed on message {MessageId} (attempt {Count} of {Max}); retrying after {Delay}",
                        function.Name, message.MessageId, message.DequeueCount, settings.MaxDequeueCount, settings.VisibilityTimeout);
                    await queue.UpdateMessageAsync(message.MessageId, lease.Receipt, visibilityTimeout: settings.VisibilityTimeout,
                        cancellationToken: CancellationToken.None);
                }
            }
            catch (Exception second) when (second is RequestFailedException or AggregateException or OperationCanceledException)
            {
                // Storage is unreachable: the lease runs out by itself and the message comes back.
                logger.LogWarning(second, "Could not release message {MessageId} on queue {Queue}; it reappears when its lease ends", message.MessageId,
                    queue.Name);
            }
        }
    }

    /// <summary>Keeps the message hidden while its function runs; each renewal hands back a new pop receipt.</summary>
    private async Task RenewWhileRunningAsync(QueueClient queue, QueueMessage message, Lease lease, CancellationToken running)
    {
        while (await Sleep(RenewEvery, running))
        {
            try
            {
                // Not cancelled with the work: a renewal that lands must hand its new receipt back (bounded by the client's timeout).
                var renewed = await queue.UpdateMessageAsync(message.MessageId, lease.Receipt, visibilityTimeout: ProcessingLease,
                    cancellationToken: CancellationToken.None);
                lease.Receipt = renewed.Value.PopReceipt;
            }
            catch (Exception e) when (e is RequestFailedException or AggregateException or OperationCanceledException)
            {
                logger.LogWarning(e, "Could not renew the lease of message {MessageId} on queue {Queue}", message.MessageId, queue.Name);
            }
        }
    }

    private static async Task MoveToPoisonAsync(QueueClient queue, QueueClient poison, QueueMessage message, string receipt, string encoded)
    {
        await poison.CreateIfNotExistsAsync(cancellationToken: CancellationToken.None);
        await poison.SendMessageAsync(encoded, CancellationToken.None);
        await queue.DeleteMessageAsync(message.MessageId, receipt, CancellationToken.None);
    }

    /// <returns>False when cancelled.</returns>
    private static async Task<bool> Sleep(TimeSpan delay, CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(delay, cancellationToken);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    private sealed class Lease(string receipt)
    {
        public string Receipt { get; set; } = receipt;
    }
}
