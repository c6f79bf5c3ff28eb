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
    private readonly StorageOutageLog _failures = new($"Timer function {function.Name}", logger, clock);

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
        if (function.RunOnStartup) await FireAsync(stoppingToken);
        while (!stoppingToken.IsCancellationRequested)
        {
            var next = expression.GetNextOccurrence(clock.GetUtcNow(), zone);
            if (next is null) return;
            logger.LogInformation("Timer {Function} next fires at {Next:o}", function.Name, next);
            if (!await WaitUntilAsync(next.Value, clock, stoppingToken)) return;
            await FireAsync(stoppingToken);
        }
    }

    private static readonly TimeSpan LongestStep = TimeSpan.FromHours(1);

    /// <summary>
    /// Sleeps until the clock reaches <paramref name="due"/>, in steps of at most an hour (a changed clock or a distant
    /// schedule cannot overflow a delay). Each step comes from one reading of the clock and is rounded up to a whole
    /// millisecond. Task.Delay truncates to milliseconds, takes −1 ms as "forever" and throws below that: a step worked
    /// out from a second, later reading than the "not yet due" check (the thread held up between the two just as the
    /// time came, as under load) was negative, and the timer then never fired again, silently.
    /// </summary>
    /// <returns>False when cancelled.</returns>
    public static async Task<bool> WaitUntilAsync(DateTimeOffset due, TimeProvider clock, CancellationToken cancellationToken = default)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            var wait = due - clock.GetUtcNow();
            if (wait <= TimeSpan.Zero) return true;
            try
            {
                await Task.Delay(wait > LongestStep ? LongestStep : TimeSpan.FromMilliseconds(Math.Ceiling(wait.TotalMilliseconds)), clock,
                cancellationToken);
            }
            catch (OperationCanceledException) { return false; }
        }
        return false;
    }

    private async Task FireAsync(CancellationToken stoppingToken)
    {
        // With the "next fires" line, tells a firing that never returned from a wait that never ended.
        logger.LogDebug("Timer {Function} firing", function.Name);
        try
        {
            await invoker.InvokeTriggerAsync(function, new TimerInfo { IsPastDue = false }, stoppingToken);
            _failures.Succeeded();
        }
        catch (Exception e) when (!stoppingToken.IsCancellationRequested)
        {
            // Mostly storage being gone: its stack trace once, then a line per firing (see StorageOutageLog).
            _failures.Failed(e);
        }
    }
}
