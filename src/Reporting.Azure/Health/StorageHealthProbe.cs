using Azure;
using Reporting.Azure.Storage;
using Reporting.Azure.Tables;
using Reporting.Core.Errors;
using Reporting.Core.Health;
using Reporting.Core.Queues;

namespace Reporting.Azure.Health;

/// <summary>
/// Storage as the health check sees it: the message count of every poison queue the app uses (a queue's properties, no
/// message read) and the timers' last runs (one partition of a small table), all at once and within
/// <see cref="Timeout"/>. Any of them failing or running out of time means storage is not reachable.
/// </summary>
public sealed class StorageHealthProbe(StorageClients clients, TableTimerRuns timerRuns) : IHealthProbe
{
    /// <summary>How long the probe waits for storage: well inside the platform's health-check request.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(3);

    /// <summary>The poison queue of each queue the app's functions are triggered by.</summary>
    public IReadOnlyList<string> PoisonQueues { get; } =
        [
            clients.Options.AssemblyQueue + QueueNames.PoisonSuffix, clients.Options.NotificationQueue + QueueNames.PoisonSuffix,
            clients.Options.YearEndQueue + QueueNames.PoisonSuffix,
        ];

    public async Task<StorageHealth> CheckAsync(IReadOnlyCollection<string> timers, CancellationToken cancellationToken = default)
    {
        using var bounded = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        bounded.CancelAfter(Timeout);
        try
        {
            var counts = PoisonQueues.Select(queue => CountAsync(queue, bounded.Token)).ToList();
            var runs = timerRuns.ReadAsync(bounded.Token);
            await Task.WhenAll(Task.WhenAll(counts), runs);
            var last = await runs;
            return new StorageHealth(true,
                PoisonQueues.Zip(counts, (queue, count) => (queue, count.Result)).ToDictionary(p => p.queue, p => p.Result),
                timers.ToDictionary(t => t, t => last.TryGetValue(t, out var at) ? at : (DateTimeOffset?)null));
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested
                                  && (e is RequestFailedException or OperationCanceledException or StorageUnavailableException
                                      || StorageFaults.IsUnavailable(e)))
        {
            // Refused, timed out (our own bound included), or answering with an error such as 403: the app cannot work either way.
            return StorageHealth.Unreachable;
        }
    }

    private async Task<int> CountAsync(string queue, CancellationToken cancellationToken)
    {
        try
        {
            return (await clients.Queues.GetQueueClient(queue).GetPropertiesAsync(cancellationToken)).Value.ApproximateMessagesCount;
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return 0;
        }
    }
}
