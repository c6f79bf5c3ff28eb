using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Reporting.Core.Access;
using Reporting.Core.Directory;
using Reporting.Core.Drafts;
using Reporting.Functions.Http;
using Reporting.Functions.Identity;
using Reporting.Functions.Pages;
using Reporting.Functions.Requests;
using Reporting.Functions.Wording;

namespace Reporting.Functions.Functions;

/// <summary>
/// 批量审核: several drafts of one report approved with one comment (我的待办's checkboxes, or JSON). A person gets 我的待办
/// again with what was approved and what was not and why; a program gets the same as JSON. A repeated post changes nothing.
/// </summary>
public sealed class BatchApprovalFunction(BatchApproval batch, CallerResolver callers, AccessControl access, DistrictDirectory directory, TodoPage todo)
{
    [Function("ApproveDrafts")]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "reports/{year}/{department}/approvals")] HttpRequest request,
        string year, string department, CancellationToken cancellationToken)
    {
        var html = BrowserRequests.WantsHtml(request);
        // A person at 我的待办: whatever is refused as a whole (not signed in, cross-site, nothing chosen) is answered as a page.
        if (html) new RefusalAsPage().Mark(request);
        var caller = callers.Resolve(request);
        var fields = await RequestFieldsReader.ReadAsync(request, JsonFields.BatchApproval, cancellationToken);
        var outcome = await batch.ApproveAsync(BatchApprovalBinder.Bind(year, department, fields, directory), caller, cancellationToken);
        if (html)
        {
            var member = await access.FindAsync(caller, cancellationToken);
            return ApiResult.Html(await todo.RenderAsync(year, caller, member, cancellationToken, batch: outcome));
        }
        var last = outcome.Approved.LastOrDefault();
        return ApiResult.JsonBody(new
        {
            approved = outcome.Approved.Select(a => new { section = a.Draft.Section, version = a.Draft.Version }),
            refused = outcome.Refused.Select(r => new { section = r.Section, version = r.Version, detail = RefusalWording.Detail(r.Reason) }),
            assemblyQueued = outcome.Approved.Any(a => a.AssemblyQueued),
            pdfVersion = outcome.Approved.Select(a => a.PdfVersion).LastOrDefault(v => v is not null),
            missingSections = last?.MissingSections ?? [],
            awaitingReview = last?.AwaitingReview ?? [],
        });
    }
}
