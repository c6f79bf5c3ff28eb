using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using Reporting.Core.Health;
using Reporting.Core.Notices;

namespace Reporting.Functions.Functions;

/// <summary>
/// Timer: re-queues every notice with a channel whose next attempt is due and that is not sent — a retry message that
/// was lost, a notice poisoned before it was tried, a sender that died holding its claim. The outbox, not the queue,
/// is what remembers a notice is owed.
/// </summary>
public sealed class NotificationSweepFunction(OnceOnlyDelivery delivery, ITimerRuns runs, ILogger<NotificationSweepFunction> logger)
{
    public const string Name = "NotificationSweep";

    /// <summary>Every five minutes (UTC NCRONTAB, six fields).</summary>
    public const string DefaultSchedule = "0 */5 * * * *";

    [Function(Name)]
    public async Task Run([TimerTrigger("%" + AppSettingNames.NotificationSweepSchedule + "%")] TimerInfo timer, CancellationToken cancellationToken)
    {
        var requeued = await delivery.SweepAsync(cancellationToken);
        if (requeued > 0) logger.LogInformation("Notification sweep re-queued {Count} undelivered notices", requeued);
        await runs.RecordAsync(Name, cancellationToken);
    }
}
