using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Reporting.Functions.Http;
using Reporting.Functions.Pages;

namespace Reporting.Functions.Functions;

/// <summary>审核: one version and, for the department's other approvers, the form that decides it.</summary>
public sealed class ReviewPageFunction(ReviewPage page, BrowserRequests browser)
{
    [Function("ReviewPage")]
    public Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "review")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        var q = request.Query;
        return browser.PageAsync(request, (caller, member) =>
            page.RenderAsync(q["year"], q["department"], q["section"], q["version"], caller, member, cancellationToken: cancellationToken), cancellationToken);
    }
}
