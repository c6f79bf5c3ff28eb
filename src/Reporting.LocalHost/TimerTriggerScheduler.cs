using Cronos;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Reporting.LocalHost;

/// <summary>Fires a timer-triggered function on its NCRONTAB schedule (six fields, seconds first), resolving %setting% names from configuration.</summary>
public sealed class TimerTriggerScheduler(
    FunctionDescriptor function,
    FunctionInvoker invoker,
    IConfiguration configuration,
    TimeProvider clock,
    ILogger<TimerTriggerScheduler> logger) : BackgroundService
{
    public static string ResolveSchedule(string schedule, IConfiguration configuration)
    {
        if (schedule.Length < 3 || schedule[0] != '%' || schedule[^1] != '%') return schedule;
        var name = schedule[1..^1];
        return configuration[name] ?? configuration[name.Replace("__", ":")]
            ?? throw new InvalidOperationException($"Timer schedule setting '{name}' is not configured.");
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var expression = CronExpression.Parse(ResolveSchedule(function.Target, configuration), CronFormat.IncludeSeconds);
        var zone = TimeZoneInfo.Utc;
        if (configuration["WEBSITE_TIME_ZONE"] is { Length: > 0 } id && TimeZoneInfo.TryFindSystemTimeZoneById(id, out var configured)) zone = configured;
        var last = clock.GetUtcNow();
        if (function.RunOnStartup) await FireAsync(null, stoppingToken);
        while (!stoppingToken.IsCancellationRequested)
        {
            var next = expression.GetNextOccurrence(clock.GetUtcNow(), zone);
            if (next is null) return;
            logger.LogInformation("Timer {Function} next fires at {Next:o}", function.Name, next);
            // Sleep in bounded steps so a changed clock or a very distant schedule does not overflow the delay.
            while (clock.GetUtcNow() < next && !stoppingToken.IsCancellationRequested)
            {
                var wait = next.Value - clock.GetUtcNow();
                try { await Task.Delay(wait > TimeSpan.FromHours(1) ? TimeSpan.FromHours(1) : wait, clock, stoppingToken); }
                catch (OperationCanceledException) { return; }
            }
            await FireAsync(last, stoppingToken);
            last = next.Value;
        }
    }

    private async Task FireAsync(DateTimeOffset? last, CancellationToken stoppingToken)
    {
        try
        {
            await invoker.InvokeTriggerAsync(function, new TimerInfo { IsPastDue = false }, stoppingToken);
        }
        catch (Exception e) when (!stoppingToken.IsCancellationRequested)
        {
            logger.LogError(e, "Timer function {Function} failed", function.Name);
        }
    }
}
