using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Reporting.Core.Access;
using Reporting.Core.Directory;
using Reporting.Core.Drafts;
using Reporting.Core.Errors;
using Reporting.Core.Templates;
using Reporting.Functions.Http;
using Reporting.Functions.Identity;
using Reporting.Functions.Pages;
using Reporting.Functions.ReadModels;
using Reporting.Functions.Requests;
using Reporting.Functions.Telemetry;
using Reporting.Functions.Wording;
using Reporting.Typesetting;
using Reporting.Typesetting.Docx;

namespace Reporting.Functions.Functions;

/// <summary>Submitting and reading drafts.</summary>
public sealed class DraftFunctions(DraftSubmission submission, ReportQueries queries, AccessControl access, CallerResolver callers, FormPage form,
    DistrictDirectory directory, Routes routes, BrowserRequests browser, EditableCopies copies, Words words)
{
    [Function("SubmitDraft")]
    public async Task<IActionResult> SubmitDraft(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "drafts")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        // Who is asking is settled before the body is read; an "author" field, if sent, is ignored.
        var caller = callers.Resolve(request);
        if (BrowserRequests.WantsHtml(request)) return await SubmitInBrowserAsync(request, caller, cancellationToken);
        var (draft, repeated) = await SubmitAsync(request, await RequestFieldsReader.ReadAsync(request, JsonFields.Draft, cancellationToken), caller,
            cancellationToken);
        // A repeat of a post (its one-time id seen before) stored nothing: 200 with the body the first post got, 201 only when a version was made.
        return ApiResult.JsonBody(new
        {
            year = draft.Report.Year,
            department = draft.Report.Department,
            departmentName = directory.Find(draft.Report.Department)?.Name,
            section = draft.Section,
            sectionName = ReportTemplate.Find(draft.Section) is { } part ? DocumentWords.PartShortName(part) : null,
            version = draft.Version,
            status = draft.Status.ToString().ToLowerInvariant(),
            author = draft.Author,
            authorId = draft.AuthorId,
            submittedAt = draft.SubmittedAt,
            length = draft.Body.Length,
        }, repeated ? StatusCodes.Status200OK : StatusCodes.Status201Created, Location(draft));
    }

    private async Task<SubmittedDraft> SubmitAsync(HttpRequest request, RequestFields fields, Caller caller, CancellationToken cancellationToken)
    {
        var body = fields.File is { } file ? DraftFileReader.ReadText(file) : fields["body"];
        var once = fields["submissionId"] is { Length: > 0 } field ? field : request.Headers["Idempotency-Key"].ToString();
        var stored = await submission.SubmitOnceAsync(
            SubmitDraftBinder.Bind(fields["year"], fields["department"], fields["section"], body, directory, once), caller, cancellationToken);
        if (!stored.Repeated) ReportingMetrics.DraftSubmitted(stored.Draft.Section);
        return stored;
    }

    /// <summary>
    /// The form posted without its script: saved, a page saying so with the way on; refused, the form again with the reason at the
    /// top and the text as typed (a file cannot be put back), under the status the API would give.
    /// </summary>
    private async Task<IActionResult> SubmitInBrowserAsync(HttpRequest request, Caller caller, CancellationToken cancellationToken)
    {
        var member = await access.FindAsync(caller, cancellationToken);
        RequestFields? fields = null;
        try
        {
            fields = await RequestFieldsReader.ReadAsync(request, JsonFields.Draft, cancellationToken);
            var (draft, repeated) = await SubmitAsync(request, fields, caller, cancellationToken);
            return ApiResult.Html(await form.ConfirmationAsync(draft, caller, member, cancellationToken, repeated),
                repeated ? StatusCodes.Status200OK : StatusCodes.Status201Created, Location(draft));
        }
        catch (ReportingException refused)
        {
            var page = await form.RenderAsync(fields?["year"], fields?["department"], fields?["section"], null, caller, member, cancellationToken,
                RefusalWording.Detail(refused), fields?["body"]);
            return ApiResult.Html(page, BrowserRequests.StatusOf(request, refused));
        }
    }

    private string Location(Draft draft) => routes.Draft(draft.Report.Year, draft.Report.Department, draft.Section, draft.Version);

    [Function("GetDraft")]
    public async Task<IActionResult> GetDraft(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "reports/{year}/{department}/sections/{section}/drafts/{version}")] HttpRequest request,
        string year, string department, string section, string version,
        CancellationToken cancellationToken) =>
        ApiResult.JsonBody(await queries.GetDraftAsync(year, department, section, version, callers.Resolve(request), cancellationToken));

    /// <summary>An editable copy (.docx) of one draft version, as submitted; from the 草稿 page, for going on in WPS or Word.</summary>
    [Function("DownloadDraftDocx")]
    public Task<IActionResult> DownloadDraftDocx(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "reports/{year}/{department}/sections/{section}/drafts/{version}/docx")]
        HttpRequest request,
        string year, string department, string section, string version,
        CancellationToken cancellationToken)
    {
        var number = int.TryParse(year, out var y) ? y : (int?)null;
        return browser.AnswerDownloadAsync(request, async caller =>
            {
                var copy = await copies.DraftAsync(year, department, section, version, caller, cancellationToken);
                return ApiResult.Download(copy.Content, DocxPackage.ContentType, copy.FileName, copy.AsciiFileName);
            },
            $"{number} 年{words.Department(department)}报告{Words.Part(section)}第 {version} 版草稿的 Word 版",
            routes.DepartmentPage(number, department), "查看本部门报告");
    }
}
