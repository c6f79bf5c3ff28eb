using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using Reporting.Core.Access;
using Reporting.Core.Health;
using Reporting.Core.YearEnd;
using Reporting.Functions.Http;
using Reporting.Functions.Identity;
using Reporting.Functions.ReadModels;
using Reporting.Functions.Requests;

namespace Reporting.Functions.Functions;

/// <summary>The year level: the timer-driven year-end run, running it on demand, the year's status and the compiled volume.</summary>
public sealed class YearEndFunctions(YearEndRun run, ReportQueries queries, AccessControl access, CallerResolver callers, BrowserRequests browser,
    Routes routes,
    TimeProvider clock, ITimerRuns runs, ILogger<YearEndFunctions> logger)
{
    public const string TimerName = "YearEndAssembly";

    /// <summary>
    /// Default schedule, in UTC (the host evaluates NCRONTAB in UTC on Linux plans): 18:00 UTC on the 4th of
    /// January to April = 02:00 China time on the 5th — early in each month of the first quarter, when reports
    /// for the year just ended are due, and once after the deadline. A run with nothing new does nothing.
    /// </summary>
    public const string DefaultSchedule = "0 0 18 4 1-4 *";

    [Function(TimerName)]
    public async Task Timer([TimerTrigger("%" + AppSettingNames.YearEndSchedule + "%")] TimerInfo timer, CancellationToken cancellationToken)
    {
        var year = run.YearJustEnded(clock.GetUtcNow());
        logger.LogInformation("Year-end run for {Year} started by the timer", year);
        var result = await run.RunAsync(year, Caller.System, cancellationToken);
        Log(result);
        await runs.RecordAsync(TimerName, cancellationToken);
    }

    [Function("RunYearEnd")]
    public async Task<IActionResult> RunNow(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "reports/{year}/year-end")] HttpRequest request,
        string year, CancellationToken cancellationToken)
    {
        var caller = callers.Resolve(request);
        var number = ReportKeyBinder.Year(year);
        await access.DemandAsync(caller, ReportAction.DistrictYear, null, cancellationToken);
        logger.LogInformation("Year-end run for {Year} requested over HTTP by {Caller}", number, caller.Id);
        var result = await run.RunAsync(number, caller, cancellationToken);
        Log(result);
        // 立即汇编 on 全区总览 is a plain form: back to the page, which says what the run did.
        if (BrowserForm.IsPost(request)) return ApiResult.SeeOther(routes.OverviewPage(number, result.Outcome, result.VolumeVersion));
        return ApiResult.JsonBody(YearEndView.From(result, await queries.GetYearAsync(year, caller, cancellationToken)));
    }

    [Function("GetYear")]
    public async Task<IActionResult> GetYear(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "reports/{year}")] HttpRequest request,
        string year, CancellationToken cancellationToken) =>
        ApiResult.JsonBody(await queries.GetYearAsync(year, callers.Resolve(request), cancellationToken));

    /// <summary>Opened in a browser it signs the reader in first and shows a refusal as a page.</summary>
    [Function("DownloadVolumePdf")]
    public Task<IActionResult> DownloadVolume(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "reports/{year}/volume/pdf")] HttpRequest request,
        string year, CancellationToken cancellationToken) =>
        DownloadAsync(request, year, "", queries.GetVolumeLinkAsync, cancellationToken);

    /// <summary>The volume's OFD twin, under the same rules as its PDF.</summary>
    [Function("DownloadVolumeOfd")]
    public Task<IActionResult> DownloadVolumeOfd(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "reports/{year}/volume/ofd")] HttpRequest request,
        string year, CancellationToken cancellationToken) =>
        DownloadAsync(request, year, "的 OFD", queries.GetVolumeOfdLinkAsync, cancellationToken);

    /// <param name="format">How the 404 page names the file after the version ("" for the PDF, the volume itself).</param>
    private Task<IActionResult> DownloadAsync(HttpRequest request, string year, string format,
        Func<string?, string?, Caller, CancellationToken, Task<Uri>> link, CancellationToken cancellationToken)
    {
        var version = request.Query["version"].ToString();
        var number = int.TryParse(year, out var y) ? y : (int?)null;
        return browser.DownloadAsync(request, caller => link(year, version, caller, cancellationToken),
            $"{number} 年度报告汇编{(version.Length > 0 ? $"的第 {version} 版" : "")}{format}", routes.OverviewPage(number), "查看全区总览");
    }

    private void Log(YearEndResult result) => logger.LogInformation(
        "Year-end run for {Year}: {Outcome}, volume v{Version} ({Pages} pages), {Complete} complete, {Missing} missing, {Assembled} assembled now, "
            + "{Elapsed} ms",
        result.Year, result.Outcome, result.VolumeVersion, result.PageCount, result.Complete.Count, result.Missing.Count, result.AssembledNow.Count,
            result.ElapsedMilliseconds);
}
