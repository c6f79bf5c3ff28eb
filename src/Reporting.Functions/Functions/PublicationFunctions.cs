using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Reporting.Core.Access;
using Reporting.Core.Directory;
using Reporting.Core.Errors;
using Reporting.Core.Publication;
using Reporting.Functions.Http;
using Reporting.Functions.Identity;
using Reporting.Functions.Pages;
using Reporting.Functions.ReadModels;
using Reporting.Functions.Requests;
using Reporting.Functions.Wording;

namespace Reporting.Functions.Functions;

/// <summary>
/// Publishing reports to the public site after the confidentiality review, and withdrawing them; the 发布 page. The
/// API answers JSON; the page's plain forms get 303 back to 全区总览, or the page again with the reason when refused (a
/// newer PDF than the one reviewed: the page shows the newer version to review, the typed comment kept).
/// </summary>
public sealed class PublicationFunctions(
    ReportPublisher publisher, PublicationPage page, CallerResolver callers, AccessControl access, BrowserRequests browser, IPublicSite site, Routes routes,
    DistrictDirectory directory)
{
    [Function("PublishReport")]
    public Task<IActionResult> Publish(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "reports/{year}/{department}/publication")] HttpRequest request,
        string year, string department, CancellationToken cancellationToken) =>
        RunAsync(request, JsonFields.Publication, year, department, null, async (caller, fields) =>
        {
            var outcome = await publisher.PublishAsync(caller, PublicationBinder.PublishReport(year, department, fields, directory), cancellationToken);
            var result = PublicationResult.From(outcome, site);
            var done = ApiResult.JsonBody(result, outcome.Changed ? StatusCodes.Status201Created : StatusCodes.Status200OK, result.Publication.HtmlUrl);
            return (done, routes.OverviewAfterPublication(result.Year, "published", result.Department));
        }, cancellationToken);

    [Function("WithdrawReport")]
    public Task<IActionResult> Withdraw(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "reports/{year}/{department}/publication/withdrawal")] HttpRequest request,
        string year, string department, CancellationToken cancellationToken) =>
        RunAsync(request, JsonFields.Withdrawal, year, department, "withdraw", async (caller, fields) =>
        {
            var command = PublicationBinder.Withdraw(year, department, fields, directory);
            var result = PublicationResult.From(await publisher.WithdrawAsync(caller, command, cancellationToken), site);
            return (ApiResult.JsonBody(result), routes.OverviewAfterPublication(result.Year, "withdrawn", result.Department));
        }, cancellationToken);

    [Function("PublishYear")]
    public Task<IActionResult> PublishYear(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "reports/{year}/publication")] HttpRequest request,
        string year, CancellationToken cancellationToken) =>
        RunAsync(request, JsonFields.YearPublication, year, null, null, async (caller, fields) =>
        {
            var command = PublicationBinder.PublishYear(year, fields, directory);
            var outcomes = await publisher.PublishYearAsync(caller, command, cancellationToken);
            var number = command.Year;
            var result = new YearPublicationResult(number, new Uri(site.BaseAddress, PublicPaths.YearIndex(number)).AbsoluteUri,
                outcomes.Select(o => PublicationResult.From(o, site)).ToList());
            return (ApiResult.JsonBody(result), routes.OverviewAfterPublication(number, "year"));
        }, cancellationToken);

    /// <summary>发布 / 全部发布 / 撤回: the confirmation form, for the district office.</summary>
    [Function("PublicationPage")]
    public Task<IActionResult> Page(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "publish")] HttpRequest request,
        CancellationToken cancellationToken) =>
        browser.PageAsync(request, (caller, member) => page.RenderAsync(
            request.Query["year"], request.Query["department"], request.Query["action"], caller, member, cancellationToken: cancellationToken),
                cancellationToken);

    /// <summary>A form's "true" (or a checkbox's default "on"), and JSON's true; anything else is not a confirmation.</summary>
    private async Task<IActionResult> RunAsync(HttpRequest request, JsonFields shape, string year, string? department, string? pageAction,
        Func<Caller, RequestFields, Task<(IActionResult Json, string Back)>> work, CancellationToken cancellationToken)
    {
        if (!BrowserForm.IsPost(request))
            return (await work(callers.Resolve(request), await RequestFieldsReader.ReadAsync(request, shape, cancellationToken))).Json;
        // A person at the 发布 page: whatever is refused is answered as a page; some refusals show the form again.
        new RefusalAsPage().Mark(request);
        var caller = callers.Resolve(request);
        var member = await access.FindAsync(caller, cancellationToken);
        string? typed = null;
        try
        {
            var fields = await RequestFieldsReader.ReadAsync(request, shape, cancellationToken);
            typed = fields["comment"] ?? fields["reason"];
            return ApiResult.SeeOther((await work(caller, fields)).Back);
        }
        catch (ReportingException refused) when (PublicationPage.ShowsAgain(refused))
        {
            var html = await page.RenderAsync(year, department, pageAction, caller, member, RefusalWording.Detail(refused), typed, cancellationToken);
            return ApiResult.Html(html, BrowserRequests.StatusOf(request, refused));
        }
    }
}
