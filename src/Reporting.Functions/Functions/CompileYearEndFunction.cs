using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using Reporting.Core.Queues;
using Reporting.Core.YearEnd;
using Reporting.Functions.Telemetry;

namespace Reporting.Functions.Functions;

/// <summary>
/// Queue report-year-end: compiles the volume 立即汇编 asked for. A duplicate message (or one arriving while another
/// worker holds the run) compiles nothing: <see cref="QueuedYearEnd.RunAsync"/> claims the run under its ETag first.
/// </summary>
public sealed class CompileYearEndFunction(QueuedYearEnd yearEnd, IWorkMessageReader messages, ILogger<CompileYearEndFunction> logger)
{
    [Function("CompileYearEnd")]
    public async Task Run(
        [QueueTrigger(QueueNames.YearEnd, Connection = AppSettingNames.StorageConnection)] string message,
        CancellationToken cancellationToken)
    {
        var request = messages.Read<YearEndMessage>(message, out var parent);
        using var activity = ReportingActivities.StartQueued("CompileYearEnd", parent, request.Year, "");
        var run = await yearEnd.RunAsync(request, cancellationToken);
        if (run is null)
            logger.LogInformation("Year-end run {Year}/{Id}: nothing to do (finished, or held by another worker)", request.Year, request.RequestId);
        else
            logger.LogInformation("Year-end run {Year}/{Id} requested by {Caller}: {Outcome}, volume v{Version}, {Elapsed} ms", request.Year,
                request.RequestId, run.RequestedBy, run.Outcome, run.VolumeVersion, run.ElapsedMilliseconds);
    }
}
