using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using Reporting.Azure.Storage;
using Reporting.Core.Abstractions;
using Reporting.Core.Workflow;

namespace Reporting.Functions.Functions;

/// <summary>Queue report-notifications: tells the district office, once, that a PDF is ready.</summary>
public sealed class NotifyDistrictOfficeFunction(DistrictOfficeNotifier notifier, ILogger<NotifyDistrictOfficeFunction> logger)
{
    [Function("NotifyDistrictOffice")]
    public async Task Run(
        [QueueTrigger(QueueNames.Notification, Connection = AppSettingNames.StorageConnection)] string message,
        CancellationToken cancellationToken)
    {
        var request = QueueMessages.Parse<NotificationMessage>(message);
        var sent = await notifier.NotifyAsync(request, cancellationToken);
        logger.LogInformation(sent ? "Notified the district office of {Year}/{Department} v{Version}" : "Notification of {Year}/{Department} v{Version} was sent before; nothing to do",
            request.Year, request.Department, request.Version);
    }
}
