using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Reporting.Core.Access;
using Reporting.Core.Directory;
using Reporting.Core.Drafts;
using Reporting.Core.Errors;
using Reporting.Functions.Http;
using Reporting.Functions.Identity;
using Reporting.Functions.Pages;
using Reporting.Functions.ReadModels;
using Reporting.Functions.Requests;
using Reporting.Functions.Telemetry;
using Reporting.Functions.Wording;
using Reporting.Typesetting.Docx;

namespace Reporting.Functions.Functions;

/// <summary>A report's state, its approvals, its PDFs and their OFD twins.</summary>
public sealed class ReportFunctions(ReportQueries queries, DraftReview review, CallerResolver callers, BrowserRequests browser, Words words,
    AccessControl access,
    ReviewPage reviewPage, Routes routes, DistrictDirectory directory, EditableCopies copies, DecisionNotice decisions)
{
    [Function("GetReport")]
    public async Task<IActionResult> GetReport(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "reports/{year}/{department}")] HttpRequest request,
        string year, string department, CancellationToken cancellationToken) =>
        ApiResult.JsonBody(await queries.GetReportAsync(year, department, callers.Resolve(request), cancellationToken));

    [Function("ApproveDraft")]
    public async Task<IActionResult> ApproveDraft(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post",
            Route = "reports/{year}/{department}/sections/{section}/drafts/{version}/approval")] HttpRequest request,
        string year, string department, string section, string version, CancellationToken cancellationToken)
    {
        // The span the assembly and the notice this decision may queue continue (their messages carry its context).
        using var activity = ReportingActivities.StartRequest("ApproveDraft", year, department)?.SetTag("reporting.section", section);
        if (BrowserRequests.WantsHtml(request)) return await DecideInBrowserAsync(request, year, department, section, version, cancellationToken);
        // The reviewer is the signed-in caller; a "reviewer" field, if sent, is ignored.
        var caller = callers.Resolve(request);
        var fields = await RequestFieldsReader.ReadAsync(request, JsonFields.Decision, cancellationToken);
        var outcome = await review.DecideAsync(
            ReviewDraftBinder.Bind(year, department, section, version, fields["decision"], fields["comment"], fields["date"], directory), caller,
            cancellationToken);
        return ApiResult.JsonBody(new
        {
            year = outcome.Draft.Report.Year,
            department = outcome.Draft.Report.Department,
            section = outcome.Draft.Section,
            version = outcome.Draft.Version,
            status = outcome.Draft.Status.ToString().ToLowerInvariant(),
            reviewer = outcome.Draft.Reviewer,
            reviewerId = outcome.Draft.ReviewerId,
            reviewedAt = outcome.Draft.ReviewedAt,
            assemblyQueued = outcome.AssemblyQueued,
            pdfVersion = outcome.PdfVersion,
            missingSections = outcome.MissingSections,
            awaitingReview = outcome.AwaitingReview ?? [],
        });
    }

    /// <summary>
    /// The 审核 page's form: the same decision, answered for a person. Done: 303 to the next draft waiting for this approver
    /// (or 我的待办 when none is left), which names the decision at its top.
    /// Refused: the 审核 page again, with the reason and the comment as typed, under the status the API would give.
    /// </summary>
    private async Task<IActionResult> DecideInBrowserAsync(HttpRequest request, string year, string department, string section, string version,
        CancellationToken cancellationToken)
    {
        // A person at the 审核 page: whatever is refused (not signed in, cross-site, the decision itself) is answered as a page.
        new RefusalAsPage().Mark(request);
        var caller = callers.Resolve(request);
        var member = await access.FindAsync(caller, cancellationToken);
        string? comment = null;
        string? date = null;
        try
        {
            var fields = await RequestFieldsReader.ReadAsync(request, JsonFields.Decision, cancellationToken);
            (comment, date) = (fields["comment"], fields["date"]);
            var command = ReviewDraftBinder.Bind(year, department, section, version, fields["decision"], comment, date, directory);
            var draft = (await review.DecideAsync(command, caller, cancellationToken)).Draft;
            return ApiResult.SeeOther(await decisions.NextAfterAsync(draft.Report.Year, draft.Report.Department, draft.Section, draft.Version, caller,
                cancellationToken));
        }
        catch (ReportingException refused)
        {
            // The form again, with the reason and the comment as typed; when the draft is not even readable (another
            // department's report, no such draft) the refusal goes on to the middleware, which shows the reason alone.
            var page = await ReviewAgainAsync(year, department, section, version, caller, member, RefusalWording.Detail(refused), comment, date,
                cancellationToken);
            if (page is null) throw;
            return ApiResult.Html(page, BrowserRequests.StatusOf(request, refused));
        }
    }

    /// <summary>The 审核 page with <paramref name="error"/>, or null when the caller may not read the draft at all.</summary>
    private async Task<string?> ReviewAgainAsync(string year, string department, string section, string version, Caller caller, Membership? member,
        string error, string? comment, string? date, CancellationToken cancellationToken)
    {
        try
        {
            return await reviewPage.RenderAsync(year, department, section, version, caller, member, error, comment, date, cancellationToken);
        }
        catch (ReportingException)
        {
            return null;
        }
    }

    /// <summary>
    /// "volume" is excluded: the Functions host tries routes in function-name order, so without it this route
    /// (DownloadReportPdf) would answer reports/{year}/volume/pdf before DownloadVolumePdf could. Opened in a browser
    /// (a page's button, an e-mail's link) it signs the reader in first and shows a refusal as a page.
    /// </summary>
    [Function("DownloadReportPdf")]
    public Task<IActionResult> DownloadPdf(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "reports/{year}/{department:regex(^(?!volume$))}/pdf")] HttpRequest request,
        string year, string department, CancellationToken cancellationToken) =>
        DownloadAsync(request, year, department, "PDF", queries.GetPdfLinkAsync, cancellationToken);

    /// <summary>The OFD twin of the PDF the route above gives, under the same rules ("volume" excluded for the same reason).</summary>
    [Function("DownloadReportOfd")]
    public Task<IActionResult> DownloadOfd(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "reports/{year}/{department:regex(^(?!volume$))}/ofd")] HttpRequest request,
        string year, string department, CancellationToken cancellationToken) =>
        DownloadAsync(request, year, department, "OFD", queries.GetOfdLinkAsync, cancellationToken);

    /// <summary>An editable copy (.docx) of the same version, with the text its PDF has; made on request, never the official record.</summary>
    [Function("DownloadReportDocx")]
    public Task<IActionResult> DownloadDocx(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "reports/{year}/{department:regex(^(?!volume$))}/docx")] HttpRequest request,
        string year, string department, CancellationToken cancellationToken)
    {
        var version = request.Query["version"].ToString();
        return browser.AnswerDownloadAsync(request, async caller =>
            {
                var copy = await copies.ReportAsync(year, department, version, caller, cancellationToken);
                return ApiResult.Download(copy.Content, DocxPackage.ContentType, copy.FileName, copy.AsciiFileName);
            },
            DownloadNamed(year, department, version, "Word 版"), routes.DepartmentPage(YearOf(year), department), "查看本部门报告");
    }

    private Task<IActionResult> DownloadAsync(HttpRequest request, string year, string department, string format,
        Func<string?, string?, string?, Caller, CancellationToken, Task<Uri>> link, CancellationToken cancellationToken)
    {
        var version = request.Query["version"].ToString();
        return browser.DownloadAsync(request, caller => link(year, department, version, caller, cancellationToken),
            DownloadNamed(year, department, version, format), routes.DepartmentPage(YearOf(year), department), "查看本部门报告");
    }

    /// <summary>What a download's URL names, in words, for its 404 page: "2023 年科工局报告的第 2 版 PDF".</summary>
    private string DownloadNamed(string year, string department, string version, string format) =>
        $"{YearOf(year)} 年{words.Department(department)}报告的{(version.Length > 0 ? $"第 {version} 版 " : "")}{format}";

    private static int? YearOf(string year) => int.TryParse(year, out var y) ? y : null;
}
