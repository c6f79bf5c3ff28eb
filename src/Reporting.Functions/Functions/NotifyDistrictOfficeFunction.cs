using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using Reporting.Core.Calendar;
using Reporting.Core.Notices;
using Reporting.Core.Queues;
using Reporting.Core.YearEnd;
using Reporting.Functions.Telemetry;

namespace Reporting.Functions.Functions;

/// <summary>
/// Queue report-notifications: tells the district office, once per channel, that a PDF (a report or the year's volume)
/// is ready, an author that a draft was sent back (退回通知), an approver that drafts await review (待审核),
/// an author that a part was approved (已通过) and that the report's PDF was made (报告已生成), and the calendar's
/// reminders, overdue lists and 催报. A channel that fails is recorded in the outbox
/// with its next attempt and a delayed message is queued for
/// it, and the function completes: the queue's maxDequeueCount is for messages that cannot be handled at all, never
/// for an outage of the mail server, so a notice is not poisoned by one.
/// </summary>
public sealed class NotifyDistrictOfficeFunction(DistrictOfficeNotifier notifier, YearEndRun yearEnd, RejectionNotifier rejections, ReviewNotifier reviews,
    ApprovalNotifier approvals, ReportMadeNotifier authors, DeadlineReminders calendar,
    NotificationOptions notifications, IWorkMessageReader messages, TimeProvider clock, ILogger<NotifyDistrictOfficeFunction> logger)
{
    [Function("NotifyDistrictOffice")]
    public async Task Run(
        [QueueTrigger(QueueNames.Notification, Connection = AppSettingNames.StorageConnection)] string message,
        CancellationToken cancellationToken)
    {
        var request = messages.Read<NotificationMessage>(message, out var parent);
        var department = request switch
        {
            NotificationMessage.ReportReady m => m.Department,
            NotificationMessage.DraftRejected m => m.Department,
            NotificationMessage.DeadlineReminder m => m.Department,
            NotificationMessage.ReportChased m => m.Department,
            NotificationMessage.ReviewAwaited m => m.Department,
            NotificationMessage.DraftApproved m => m.Department,
            NotificationMessage.ReportMade m => m.Department,
            _ => "", // the volume and the overdue list are the district's
        };
        using var activity = ReportingActivities.StartQueued("NotifyDistrictOffice", parent, request.Year, department)
            ?.SetTag("reporting.notice", request.OutboxKey);
        var started = clock.GetUtcNow();
        // One case per kind of the closed family; each handler takes its own message.
        var result = request switch
        {
            NotificationMessage.ReportReady report => await notifier.NotifyAsync(report, cancellationToken),
            NotificationMessage.VolumeReady volume => await yearEnd.NotifyVolumeAsync(volume.Year, volume.Version, cancellationToken),
            NotificationMessage.DraftRejected rejected => await rejections.NotifyAsync(rejected, cancellationToken),
            NotificationMessage.DeadlineReminder reminder => await calendar.NotifyAsync(reminder, cancellationToken),
            NotificationMessage.OverdueList overdue => await calendar.NotifyAsync(overdue, cancellationToken),
            NotificationMessage.ReportChased chased => await calendar.NotifyAsync(chased, cancellationToken),
            NotificationMessage.ReviewAwaited review => await reviews.NotifyAsync(review, cancellationToken),
            NotificationMessage.DraftApproved approved => await approvals.NotifyAsync(approved, cancellationToken),
            NotificationMessage.ReportMade made => await authors.NotifyAsync(made, cancellationToken),
            _ => throw new InvalidOperationException($"No handler for notification {request.GetType().Name}."),
        };
        var calendarNotice = request is NotificationMessage.DeadlineReminder or NotificationMessage.OverdueList or NotificationMessage.ReportChased;
        if (request is NotificationMessage.DraftRejected && result is not null && result.Channels.All(c => c.Channel != OnceOnlyDelivery.EmailChannel))
            logger.LogWarning("Notice {Key}: the author has no e-mail address; 退回通知 not e-mailed (recorded in the audit trail)", request.OutboxKey);
        if (result is null && request is NotificationMessage.ReviewAwaited)
            logger.LogInformation("Notice {Key}: not due yet, or nothing awaits the approver any more (withdrawn); nothing sent", request.OutboxKey);
        else if (result is null && calendarNotice)
            logger.LogInformation("Notice {Key}: no longer owed (the department finished meanwhile); withdrawn, nothing sent", request.OutboxKey);
        else if (result is null)
            logger.LogWarning("Notice {Key}: no such stored volume, rejected or approved draft, or assembled report of this author; nothing to send",
                request.OutboxKey);
        else if (result.Delivered)
            logger.LogInformation("Notice {Key} delivered on every channel (sent now: {SentNow})", request.OutboxKey, string.Join(',', result.SentNow));
        else
            foreach (var channel in result.Channels.Where(c => !c.IsSent))
            {
                // Counted when it failed in this invocation (a channel not yet due was only skipped).
                if (channel.LastAttemptAt >= started)
                    ReportingMetrics.NoticeFailed(channel.Channel, channel.Attempts >= notifications.RetrySchedule.Count);
                logger.LogWarning("Notice {Key} on {Channel} not delivered yet after {Attempts} attempts ({Error}); next attempt at {Next:o}",
                    request.OutboxKey, channel.Channel, channel.Attempts, channel.LastError, channel.NextAttemptAt);
            }
    }
}
