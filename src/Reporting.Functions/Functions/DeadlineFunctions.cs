using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using Reporting.Core;
using Reporting.Core.Calendar;
using Reporting.Core.Directory;
using Reporting.Core.Errors;
using Reporting.Core.Health;
using Reporting.Core.Notices;
using Reporting.Core.Reports;
using Reporting.Functions.Http;
using Reporting.Functions.Identity;
using Reporting.Functions.ReadModels;
using Reporting.Functions.Requests;

namespace Reporting.Functions.Functions;

/// <summary>
/// The calendar's notices: the daily timer (reminders before the submission deadline, the overdue list after it) and
/// 催报 by hand from 全区总览. The work and its once-only rules are <see cref="DeadlineReminders"/>'; the clock is
/// injected, so a test can walk a year.
/// </summary>
public sealed class DeadlineFunctions(DeadlineReminders reminders, CallerResolver callers, DistrictDirectory directory, Routes routes, TimeProvider clock,
    ITimerRuns runs, ReportingOptions options, ILogger<DeadlineFunctions> logger)
{
    public const string TimerName = "DeadlineReminders";

    /// <summary>01:00 UTC daily = 09:00 Beijing time, at the start of the working day (UTC NCRONTAB, six fields).</summary>
    public const string DefaultSchedule = "0 0 1 * * *";

    [Function(TimerName)]
    public async Task Timer([TimerTrigger("%" + AppSettingNames.DeadlineReminderSchedule + "%")] TimerInfo timer, CancellationToken cancellationToken)
    {
        await RunAsync(cancellationToken);
        await runs.RecordAsync(TimerName, cancellationToken);
    }

    /// <summary>One day's run at the injected clock's now (what the timer does; a test fires it directly).</summary>
    public async Task<DeadlineRunResult> RunAsync(CancellationToken cancellationToken = default)
    {
        var result = await reminders.RunAsync(clock.GetUtcNow(), cancellationToken);
        if (result.Duty == CalendarDuty.None)
            logger.LogInformation("Calendar {Day} (report year {Year}): nothing due", result.Day, result.Year);
        else
            logger.LogInformation("Calendar {Day} (report year {Year}): {Duty}, {Unfinished} departments not finished; registered {Registered}; already "
                + "registered earlier {Already}",
                result.Day, result.Year, result.Duty, result.Unfinished.Count, string.Join(',', result.Registered), result.AlreadyRegistered.Count);
        return result;
    }

    /// <summary>
    /// Fields <c>id</c> (one-time, from the overview's form) and optional <c>message</c>; JSON or form. A department chased
    /// earlier today by another form is not chased again: 409 naming who chased it and when (a browser goes back to
    /// 全区总览, which says so).
    /// </summary>
    [Function("ChaseReport")]
    public async Task<IActionResult> Chase(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "reports/{year}/{department}/chase")] HttpRequest request,
        string year, string department, CancellationToken cancellationToken)
    {
        var caller = callers.Resolve(request);
        var number = ReportKeyBinder.Year(year);
        var fields = await RequestFieldsReader.ReadAsync(request, JsonFields.Chase, cancellationToken);
        var command = ChaseBinder.Bind(number, department, fields["id"], fields["message"], directory);
        var result = await reminders.ChaseAsync(command, caller, cancellationToken);
        var code = result.Outcome switch
        {
            ChaseOutcome.Queued => "queued",
            ChaseOutcome.AlreadySent => "already",
            ChaseOutcome.ChasedToday => "chased-today",
            _ => "finished",
        };
        logger.LogInformation("催报 {Year}/{Department} by {Caller}: {Outcome}", number, department, caller.Id, code);
        if (BrowserForm.IsPost(request)) return ApiResult.SeeOther(routes.OverviewPage(number, code, department));
        if (result is { Outcome: ChaseOutcome.ChasedToday, Last: { } last })
            throw ReportingException.Conflict(RefusalCode.ChasedToday, last.ChasedByName, TimeZoneInfo.ConvertTime(last.At, options.ResolveTimeZone()));
        return ApiResult.JsonBody(new
        {
            year = number,
            department,
            departmentName = directory.Find(department)!.Name,
            outcome = code,
            key = result is { Outcome: not ChaseOutcome.Finished, Last: { } chase }
                ? NotificationMessage.ReportChased.OnDay(number, department, chase.Day).OutboxKey
                : null,
        });
    }

    /// <summary>
    /// 全部催报: every department not finished, with one 附言 (<c>message</c>) in every e-mail, except those chased earlier
    /// today (skipped, counted). Field <c>id</c> is the form's one-time id: a repeated post sends nothing again.
    /// </summary>
    [Function("ChaseAllReports")]
    public async Task<IActionResult> ChaseAll(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "reports/{year}/chase")] HttpRequest request,
        string year, CancellationToken cancellationToken)
    {
        var caller = callers.Resolve(request);
        var number = ReportKeyBinder.Year(year);
        var fields = await RequestFieldsReader.ReadAsync(request, JsonFields.Chase, cancellationToken);
        var result = await reminders.ChaseAllAsync(ChaseBinder.BindAll(number, fields["id"], fields["message"]), caller, cancellationToken);
        logger.LogInformation("全部催报 {Year} by {Caller}: {Chased} chased, {Skipped} skipped (chased earlier today)", number, caller.Id,
            result.Chased.Count, result.SkippedToday.Count);
        if (BrowserForm.IsPost(request)) return ApiResult.SeeOther(routes.OverviewAfterChaseAll(number, result.Chased.Count, result.SkippedToday.Count));
        return ApiResult.JsonBody(new { year = number, chased = result.Chased, skippedToday = result.SkippedToday });
    }

    /// <summary>The sentence 全区总览 shows after 全部催报.</summary>
    public static string ChasedAll(int chased, int skipped) => $"已催报 {chased} 个部门，跳过 {skipped} 个（今天已催报）。";

    /// <summary>The sentence 全区总览 shows after a 催报 (unknown words say nothing).</summary>
    public static string? Outcome(string? outcome, string? departmentName) => departmentName is null ? null : outcome switch
    {
        "queued" => $"已向{departmentName}发送催报，邮件几分钟内送达其起草人和审核人。",
        "already" => $"这次催报已发送给{departmentName}，未重复发送。",
        "chased-today" => $"{departmentName}今天已催报过，未重复发送；同一部门每天至多催报一次（见下表“上次催报”）。",
        "finished" => $"{departmentName}的必填部分均已审核通过，无需催报。",
        _ => null,
    };
}
