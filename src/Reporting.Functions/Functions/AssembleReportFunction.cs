using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using Reporting.Core.Queues;
using Reporting.Core.ReportAssembly;
using Reporting.Functions.Telemetry;

namespace Reporting.Functions.Functions;

/// <summary>Queue report-assembly: typesets one PDF version of a report and stores it.</summary>
public sealed class AssembleReportFunction(ReportAssembler assembler, IWorkMessageReader messages, ILogger<AssembleReportFunction> logger)
{
    [Function("AssembleReport")]
    public async Task Run(
        [QueueTrigger(QueueNames.Assembly, Connection = AppSettingNames.StorageConnection)] string message,
        CancellationToken cancellationToken)
    {
        var request = messages.Read<AssemblyMessage>(message, out var parent);
        using var activity = ReportingActivities.StartQueued("AssembleReport", parent, request.Year, request.Department)
            ?.SetTag("reporting.version", request.Version);
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var version = await assembler.AssembleAsync(request, cancellationToken);
        ReportingMetrics.Assembled(System.Diagnostics.Stopwatch.GetElapsedTime(started), version is not null);
        if (version is null)
            logger.LogWarning("Assembly of {Year}/{Department} v{Version} skipped: the report has no such version", request.Year, request.Department,
                request.Version);
        else
            logger.LogInformation("Assembled {Year}/{Department} v{Version}: {Pages} pages in {Elapsed} ms", request.Year, request.Department,
                version.Version, version.PageCount, System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds);
    }
}
