using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Reporting.Functions.Http;
using Reporting.Functions.Pages;

namespace Reporting.Functions.Functions;

/// <summary>本部门报告; someone not signed in is sent to sign in and comes back here.</summary>
public sealed class DepartmentPageFunction(DepartmentPage page, BrowserRequests browser)
{
    [Function("DepartmentPage")]
    public Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "department")] HttpRequest request,
        CancellationToken cancellationToken) =>
        browser.PageAsync(request, (caller, member) =>
            page.RenderAsync(request.Query["year"], request.Query["department"], caller, member, cancellationToken), cancellationToken);
}
