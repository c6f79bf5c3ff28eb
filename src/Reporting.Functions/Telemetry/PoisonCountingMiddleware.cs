using System.Globalization;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Middleware;

namespace Reporting.Functions.Telemetry;

/// <summary>
/// Worker middleware: counts a queue message whose last allowed attempt failed (<see cref="ReportingMetrics.MessagePoisoned"/>),
/// since the Functions host moves it to the poison queue without the worker hearing of it. The attempt number is the
/// trigger's DequeueCount binding data, the limit host.json's maxDequeueCount. The exception goes on unchanged.
/// </summary>
public sealed class PoisonCountingMiddleware(HostJsonSettings host) : IFunctionsWorkerMiddleware
{
    public const string DequeueCountKey = "DequeueCount";

    public async Task Invoke(FunctionContext context, FunctionExecutionDelegate next)
    {
        try
        {
            await next(context);
        }
        catch when (DequeueCount(context) is { } attempt && attempt >= host.MaxDequeueCount)
        {
            ReportingMetrics.MessagePoisoned(context.FunctionId);
            throw;
        }
    }

    private static long? DequeueCount(FunctionContext context) =>
        context.BindingContext.BindingData.TryGetValue(DequeueCountKey, out var value)
        && long.TryParse(Convert.ToString(value, CultureInfo.InvariantCulture), NumberStyles.Integer, CultureInfo.InvariantCulture, out var count)
            ? count
            : null;
}
