using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Reporting.Core.Health;
using Reporting.Functions.Http;

namespace Reporting.Functions.Functions;

/// <summary>
/// GET health: the Flex app's health check and the operators' first look. Anonymous (left out of App Service
/// Authentication so the platform reaches it) and about the app only, never about reports: whether storage answers,
/// how many messages wait in each poison queue, when each timer last completed a run. 200 while storage answers
/// ("degraded" when a poison queue holds messages: the app works, the alert says what to replay), 503 when it does not.
/// </summary>
public sealed class HealthFunction(IHealthProbe probe, TimeProvider clock)
{
    public const string Name = "Health";

    /// <summary>The timer functions whose last run the answer shows.</summary>
    public static readonly IReadOnlyList<string> Timers = [NotificationSweepFunction.Name, YearEndFunctions.TimerName, DeadlineFunctions.TimerName];

    [Function(Name)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "health")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        var health = await probe.CheckAsync(Timers, cancellationToken);
        request.HttpContext.Response.Headers.CacheControl = "no-store";
        var status = !health.Reachable ? "unhealthy" : health.PoisonMessages.Values.Any(count => count > 0) ? "degraded" : "healthy";
        return ApiResult.JsonBody(new
        {
            status,
            storage = health.Reachable ? "reachable" : "unreachable",
            poisonQueues = health.Reachable ? health.PoisonMessages : null,
            timers = health.Reachable ? health.TimerLastRuns : null,
            checkedAt = clock.GetUtcNow(),
        }, health.Reachable ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable);
    }
}
