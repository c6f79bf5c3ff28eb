using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Reporting.Core.Workflow;
using Reporting.Functions.Http;
using Reporting.Functions.ReadModels;

namespace Reporting.Functions.Functions;

/// <summary>A report's state, its approvals and its PDFs.</summary>
public sealed class ReportFunctions(ReportQueries queries, DraftReview review, CallerResolver callers)
{
    [Function("GetReport")]
    public async Task<IActionResult> GetReport(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "reports/{year}/{department}")] HttpRequest request,
        string year, string department, CancellationToken cancellationToken) =>
        ApiResult.JsonBody(await queries.GetReportAsync(year, department, callers.Resolve(request), cancellationToken));

    [Function("ApproveDraft")]
    public async Task<IActionResult> ApproveDraft(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "reports/{year}/{department}/sections/{section}/drafts/{version}/approval")] HttpRequest request,
        string year, string department, string section, string version, CancellationToken cancellationToken)
    {
        // The reviewer is the signed-in caller; a "reviewer" field, if sent, is ignored.
        var caller = callers.Resolve(request);
        var fields = await RequestFieldsReader.ReadAsync(request, JsonFields.Decision, cancellationToken);
        var outcome = await review.DecideAsync(
            new ReviewDraftCommand(year, department, section, version, fields["decision"], fields["comment"]), caller, cancellationToken);
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
    /// "volume" is excluded: the Functions host tries routes in function-name order, so without it this route
    /// (DownloadReportPdf) would answer reports/{year}/volume/pdf before DownloadVolumePdf could.
    /// </summary>
    [Function("DownloadReportPdf")]
    public async Task<IActionResult> DownloadPdf(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "reports/{year}/{department:regex(^(?!volume$))}/pdf")] HttpRequest request,
        string year, string department, CancellationToken cancellationToken) =>
        ApiResult.Redirect(await queries.GetPdfLinkAsync(year, department, request.Query["version"], callers.Resolve(request), cancellationToken));
}
