using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Reporting.Functions.Http;
using Reporting.Functions.Pages;

namespace Reporting.Functions.Functions;

/// <summary>全区总览 and its 催报 CSV, for the district office.</summary>
public sealed class OverviewPageFunction(OverviewPage overview, BrowserRequests browser)
{
    [Function("OverviewPage")]
    public Task<IActionResult> Overview(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "overview")] HttpRequest request,
        CancellationToken cancellationToken) =>
        browser.PageAsync(request, (caller, member) => overview.RenderAsync(
            Query(request, "year"), Query(request, "ran"), Query(request, "volume"), caller, member, cancellationToken), cancellationToken);

    [Function("OverviewChaseCsv")]
    public Task<IActionResult> ChaseCsv(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "overview/missing.csv")] HttpRequest request,
        CancellationToken cancellationToken) =>
        browser.PageAsync(request, (caller, _) => overview.CsvAsync(request.Query["year"], caller, cancellationToken), cancellationToken);

    private static string? Query(HttpRequest request, string name) => request.Query[name].ToString() is { Length: > 0 } value ? value : null;
}
