using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using Reporting.Core.Access;
using Reporting.Core.Health;
using Reporting.Core.YearEnd;
using Reporting.Functions.Http;
using Reporting.Functions.Identity;
using Reporting.Functions.Pages;
using Reporting.Functions.ReadModels;
using Reporting.Functions.Requests;

namespace Reporting.Functions.Functions;

/// <summary>
/// The year level: the timer-driven year-end run, 立即汇编 (queued, answered at once, followed at its status resource), the
/// year's status and the compiled volume.
/// </summary>
public sealed class YearEndFunctions(YearEndRun run, QueuedYearEnd queued, ReportQueries queries, CallerResolver callers, BrowserRequests browser,
    YearEndRunPage runPage, Routes routes, TimeProvider clock, ITimerRuns runs, ILogger<YearEndFunctions> logger)
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

    /// <summary>
    /// 立即汇编: queues the run and answers at once, 202 with the run's status resource as Location (a compilation takes
    /// seconds to minutes, longer than a page or a gateway should wait). A one-time <c>id</c> (form or JSON) makes a repeated
    /// post answer with the run it already queued; a browser's form post is sent to the page that follows the run.
    /// </summary>
    [Function("RunYearEnd")]
    public async Task<IActionResult> RunNow(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "reports/{year}/year-end")] HttpRequest request,
        string year, CancellationToken cancellationToken)
    {
        var caller = callers.Resolve(request);
        var number = ReportKeyBinder.Year(year);
        // A body is optional: without one (or without an id) the run gets a fresh id; with one, a retry finds the run it queued.
        var id = request.ContentType is null ? null : (await RequestFieldsReader.ReadAsync(request, JsonFields.YearEnd, cancellationToken))["id"];
        var queuedRun = await queued.RequestAsync(number, string.IsNullOrEmpty(id) ? Guid.NewGuid().ToString("N") : id.Trim(), caller, cancellationToken);
        logger.LogInformation("Year-end run {Year}/{Id} requested over HTTP by {Caller}: {State}", number, queuedRun.Id, caller.Id, queuedRun.State);
        var status = routes.YearEndRun(number, queuedRun.Id);
        if (BrowserForm.IsPost(request)) return ApiResult.SeeOther(status);
        return ApiResult.JsonBody(YearEndRunView.From(queuedRun, routes), StatusCodes.Status202Accepted, status);
    }

    /// <summary>Where a queued run stands: JSON for the API; for a browser, a page that follows it (by script, at this JSON) until it is finished.</summary>
    [Function("GetYearEndRun")]
    public async Task<IActionResult> GetRun(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "reports/{year}/year-end/{id}")] HttpRequest request,
        string year, string id, CancellationToken cancellationToken)
    {
        if (BrowserRequests.WantsHtml(request))
            return await browser.PageAsync(request, async (caller, member) =>
                runPage.Render(await queued.StatusAsync(ReportKeyBinder.Year(year), id, caller, cancellationToken), caller, member,
                    autoRefresh: request.Query["refresh"] != "off"), cancellationToken);
        var status = await queued.StatusAsync(ReportKeyBinder.Year(year), id, callers.Resolve(request), cancellationToken);
        return ApiResult.JsonBody(YearEndRunView.From(status, routes));
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
