using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Reporting.Core.Access;
using Reporting.Functions.Http;
using Reporting.Functions.Identity;
using Reporting.Functions.Pages;
using Reporting.Functions.ReadModels;
using Reporting.Functions.Requests;

namespace Reporting.Functions.Functions;

/// <summary>
/// GET todo/count: how many items 我的待办 holds for the signed-in person in a year (the year in progress unless named),
/// which every page's navigation shows beside the link once the page is there (HtmlPage.TodoCountScript).
/// </summary>
public sealed class TodoCountFunction(CallerResolver callers, AccessControl access, TodoCount todo, YearChoice years)
{
    [Function("TodoCount")]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "todo/count")] HttpRequest request, CancellationToken cancellationToken)
    {
        var caller = callers.Resolve(request);
        var asked = request.Query["year"].ToString();
        var year = string.IsNullOrEmpty(asked) ? years.InProgress : ReportKeyBinder.Year(asked);
        var member = await access.FindAsync(caller, cancellationToken);
        return ApiResult.JsonBody(new { year, count = await todo.OfAsync(member, caller, year, cancellationToken) });
    }
}
