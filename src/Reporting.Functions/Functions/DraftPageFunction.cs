using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Reporting.Functions.Http;
using Reporting.Functions.Pages;

namespace Reporting.Functions.Functions;

/// <summary>草稿: one part's versions, text and comparison; someone not signed in is sent to sign in and comes back here.</summary>
public sealed class DraftPageFunction(DraftPage page, BrowserRequests browser)
{
    [Function("DraftPage")]
    public Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "draft")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        var q = request.Query;
        return browser.PageAsync(request, (caller, member) =>
            page.RenderAsync(q["year"], q["department"], q["section"], q["version"], q["from"], q["to"], caller, member, cancellationToken), cancellationToken);
    }
}
