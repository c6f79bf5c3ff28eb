using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Reporting.Core.Directory;
using Reporting.Core.Drafts;
using Reporting.Functions.Http;
using Reporting.Functions.Identity;
using Reporting.Functions.Pages;
using Reporting.Functions.Requests;

namespace Reporting.Functions.Functions;

/// <summary>撤回: the author takes back a submitted version before it is decided (the API, and the 草稿 page's button).</summary>
public sealed class DraftWithdrawalFunctions(DraftWithdrawal withdrawal, CallerResolver callers, Routes routes, DistrictDirectory directory)
{
    /// <summary>
    /// 200 with the withdrawn version, the first time and on a replay alike (a replay changes nothing). From the 草稿 page's form
    /// (text/html): 303 back to the 草稿 page, which shows 已撤回; a refusal is a page with a link back to it.
    /// </summary>
    [Function("WithdrawDraft")]
    public async Task<IActionResult> WithdrawDraft(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post",
            Route = "reports/{year}/{department}/sections/{section}/drafts/{version}/withdrawal")] HttpRequest request,
        string year, string department, string section, string version, CancellationToken cancellationToken)
    {
        // The caller (and the cross-site checks) first; nothing of the body is read: the route names all there is to withdraw.
        var caller = callers.Resolve(request);
        var html = BrowserRequests.WantsHtml(request);
        if (html) new RefusalAsPage().Mark(request);
        var (key, part, number) = DraftLocator.Parse(year, department, section, version, directory);
        var draftPage = routes.DraftPage(key.Year, key.Department, part.Key, number);
        if (html) new RefusalAsPage(Back: draftPage, BackText: "回到草稿").Mark(request);
        var outcome = await withdrawal.WithdrawAsync(new WithdrawDraftCommand(key, part, number), caller, cancellationToken);
        if (html) return ApiResult.SeeOther(draftPage);
        var draft = outcome.Draft;
        return ApiResult.JsonBody(new
        {
            year = draft.Report.Year,
            department = draft.Report.Department,
            section = draft.Section,
            version = draft.Version,
            status = draft.Status.ToString().ToLowerInvariant(),
            author = draft.Author,
            authorId = draft.AuthorId,
            withdrawnAt = draft.WithdrawnAt,
            assemblyQueued = outcome.AssemblyQueued,
            pdfVersion = outcome.PdfVersion,
        }, StatusCodes.Status200OK, routes.Draft(draft.Report.Year, draft.Report.Department, draft.Section, draft.Version));
    }
}
