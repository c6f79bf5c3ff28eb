using System.Globalization;
using Reporting.Core;
using Reporting.Core.Access;
using Reporting.Core.Directory;
using Reporting.Core.Drafts;
using Reporting.Core.Errors;
using Reporting.Core.Reports;
using Reporting.Core.Templates;
using Reporting.Functions.Http;
using Reporting.Functions.ReadModels;
using Reporting.Functions.Requests;

namespace Reporting.Functions.Pages;

/// <summary>
/// The zh-CN submission form (提交/修改) and the page confirming a submission. Opened for a part that has versions (修改,
/// 修改后重新提交, or 以此版本修改 on 草稿), the form starts from the text of the newest version or the one picked, with the
/// 审核意见, reviewer and time above it when that version (or the newest) was sent back, so the author edits rather than re-pastes.
/// </summary>
public sealed class FormPage(DistrictDirectory directory, PageRenderer pages, Words words, YearChoice years, Routes routes, ReportQueries queries,
    ReportingOptions options)
{
    private static readonly PageTemplate FormTemplate = PageTemplate.Of("FormPage");

    /// <summary>What the form's other fields (the typed text aside) and the multipart framing may take of the request limit.</summary>
    private const int FormFieldsAllowance = 64 * 1024;

    private static readonly PageTemplate ConfirmationTemplate = PageTemplate.Of("FormPage.Confirmation");

    /// <param name="version">The version to start from (草稿's 以此版本修改); the newest when absent.</param>
    /// <param name="error">Why a submission from this form was refused, shown at the top (the form sent without its script).</param>
    /// <param name="typed">The text that submission carried: it fills the box again instead of a stored version.</param>
    public async Task<string> RenderAsync(string? year, string? department, string? section, string? version, Caller caller, Membership? member,
        CancellationToken cancellationToken = default, string? error = null, string? typed = null)
    {
        // A department member writes for their own department only; the choice is not offered.
        department = member?.Department ?? department;
        // The year asked for when it is one a report can have, else the year in progress (a refused post keeps what it sent).
        var defaultYear = int.TryParse(year, out var y) && y is >= ReportKey.MinYear and <= ReportKey.MaxYear ? y : years.InProgress;
        var part = ReportTemplate.Find(section?.Trim());
        var start = await StartAsync(defaultYear, department, part, Version(version), caller, member, cancellationToken);
        var departments = directory.Departments
            .Where(d => member?.Department is null || d.Code == member.Department)
            .Select(d => new { d.Code, d.Name, Selected = d.Code == department }).ToList();
        var sections = ReportTemplate.Sections.Select(s => new
        {
            Code = s.Key, Name = Words.Part(s) + (s.Required ? "" : "（选填）"), Selected = s.Key == part?.Key, s.Required,
            Submitted = start.Submitted.Contains(s.Key),
        }).ToList();
        return pages.Render("提交报告草稿", caller, member, FormTemplate,
            new
            {
                Action = routes.Drafts(), Year = defaultYear, YearSelect = await years.SelectAsync(defaultYear, cancellationToken),
                Departments = departments, Sections = sections,
                // The request's limit, less room for the form's other fields: a file this size always fits.
                MaxFileBytes = RequestFieldsReader.MaxRequestBytes - FormFieldsAllowance, MaxFileMegabytes = RequestFieldsReader.MaxRequestBytes / 1048576,
                Max = DraftBody.MaxCharacters, Error = error, Body = typed ?? start.Source?.Body, Source = Source(start, defaultYear, department),
                FormLink = routes.Form(), DraftLink = routes.DraftPage(defaultYear, "", "").Split('?')[0], TodoLink = routes.Todo(defaultYear),
                DepartmentLink = routes.DepartmentPage(defaultYear),
                // One id per rendering of the form: a repeat of its post (double click, reload, retry) stores nothing new.
                SubmissionId = Guid.NewGuid().ToString("N"),
            },
            HtmlPage.FormScript, year: defaultYear);
    }

    /// <summary>The page a form post without the script gets once saved: what was saved, at the top, and where to go on.</summary>
    /// <param name="repeated">The post repeated one already stored (its one-time id seen before): the page says no new version was made.</param>
    public async Task<string> ConfirmationAsync(Draft draft, Caller caller, Membership? member, CancellationToken cancellationToken = default,
        bool repeated = false)
    {
        var (year, department) = (draft.Report.Year, draft.Report.Department);
        var next = (await queries.GetFormStartAsync(draft.Report, null, null, caller, cancellationToken)).NextAfter(draft.Section);
        return pages.Render("草稿已保存", caller, member, ConfirmationTemplate, year: year, model: new
        {
            Year = year,
            TodoLink = routes.Todo(year),
            NextLink = next is null ? null : routes.Form(year, department, next),
            NextPart = next is null ? null : Words.Part(next),
            DraftLink = routes.DraftPage(year, department, draft.Section, draft.Version),
            DepartmentLink = routes.DepartmentPage(year),
            Department = words.Department(department),
            Part = Words.Part(draft.Section),
            draft.Version,
            Length = draft.Body.EnumerateRunes().Count(),
            draft.Author,
            Status = Words.Status(draft.Status),
            Repeated = repeated,
        });
    }

    /// <summary>
    /// Which parts have a version and the text to start from, for one who may write for the department; anyone else (the district
    /// office, a stranger) gets the empty form as before, and is refused when they submit.
    /// </summary>
    private async Task<DraftFormStart> StartAsync(int year, string? department, ReportSection? part, int? version, Caller caller, Membership? member,
        CancellationToken cancellationToken)
    {
        if (department is null || directory.Find(department) is null) return DraftFormStart.Empty;
        if (AccessPolicy.Refusal(caller, member, ReportAction.SubmitDraft, department) is not null) return DraftFormStart.Empty;
        return await queries.GetFormStartAsync(new ReportKey(year, department), part?.Key, part is null ? null : version, caller, cancellationToken);
    }

    /// <summary>The version the box starts from, and the review above it: that version's when it was sent back, else the newest's.</summary>
    private object? Source(DraftFormStart start, int year, string? department)
    {
        if (start is not { Source: { } source, Newest: { } newest }) return null;
        var zone = options.ResolveTimeZone();
        object? review = source.Status == DraftStatus.Rejected
            ? new { source.Version, source.Reviewer, When = Words.Time(source.ReviewedAt!.Value, zone), Comment = Comment(source.ReviewComment) }
            : newest.Status == DraftStatus.Rejected
                ? new { newest.Version, newest.Reviewer, When = Words.Time(newest.ReviewedAt!.Value, zone), Comment = Comment(newest.ReviewComment) }
                : null;
        return new
        {
            source.Version, Section = source.Section, Part = Words.Part(source.Section), source.Author, When = Words.Time(source.SubmittedAt, zone),
            Status = Words.Status(source.Status), Newest = newest.Version, Older = source.Version != newest.Version, Next = newest.Version + 1,
            // A withdrawn newest version may go up again as it is (Core compares a text only with versions not withdrawn).
            NewestWithdrawn = newest.Status == DraftStatus.Withdrawn,
            Review = review, DraftLink = routes.DraftPage(year, department!, source.Section, source.Version),
        };
    }

    private static string Comment(string? comment) => string.IsNullOrWhiteSpace(comment) ? "（无）" : comment;

    /// <summary>An optional version number from the address: absent is fine, anything but a plain positive number is not.</summary>
    private static int? Version(string? value)
    {
        if (string.IsNullOrEmpty(value)) return null;
        if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is >= 1 and <= 1_000_000) return n;
        throw ReportingException.Invalid("version", RefusalCode.VersionNotPositive);
    }
}
