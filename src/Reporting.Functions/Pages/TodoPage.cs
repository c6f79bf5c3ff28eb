using Reporting.Core;
using Reporting.Core.Access;
using Reporting.Functions.Http;
using Reporting.Functions.ReadModels;
using Reporting.Functions.Requests;

namespace Reporting.Functions.Pages;

/// <summary>
/// 我的待办, the page after sign-in: what this person has to do next for a year, read through the same queries
/// (and the same access rules) as the JSON API.
/// </summary>
public sealed class TodoPage(ReportQueries queries, PageRenderer pages, Words words, ReportingOptions options, TimeProvider clock, Routes routes)
{
    private static readonly PageTemplate Template = PageTemplate.Of("TodoPage");

    public async Task<string> RenderAsync(string? year, Caller caller, Membership? member, CancellationToken cancellationToken = default)
    {
        var currentYear = clock.GetLocalNow().Year;
        var number = year is null ? currentYear - 1 : ReportKeyBinder.Year(year);
        object model = member switch
        {
            { IsOffice: true } => await OfficeAsync(number, caller, cancellationToken),
            { Department: { } department } => await DepartmentAsync(number, department, member.Role == MemberRole.Approver ? "approver" : "author", caller,
                cancellationToken),
            _ => new { Role = "none", Year = number },
        };
        var values = Merge(model, number, currentYear);
        values["Action"] = routes.Todo();
        return pages.Render("我的待办", caller, member, Template, values, year: number);
    }

    private static Dictionary<string, object?> Merge(object model, int year, int maxYear)
    {
        var values = model.GetType().GetProperties().ToDictionary(p => p.Name, p => p.GetValue(model));
        values["Year"] = year;
        values["MaxYear"] = maxYear;
        return values;
    }

    private async Task<object> DepartmentAsync(int year, string department, string role, Caller caller, CancellationToken cancellationToken)
    {
        var report = await queries.GetReportAsync(year.ToString(), department, caller, cancellationToken);
        var zone = options.ResolveTimeZone();
        string Link(string section) => routes.Form(year, department, section);
        var newest = report.Sections.Select(s => (Section: s, Draft: s.Drafts.Count == 0 ? null : s.Drafts[^1])).ToList();
        // A part whose newest version its author withdrew awaits a new submission, as one never submitted does (unless one was approved).
        var missing = newest.Where(n => n.Section.Required && (n.Draft is null || n.Draft.Status == "withdrawn" && n.Section.ApprovedVersion is null))
            .Select(n => new
            {
                Part = Words.Part(n.Section.Section), Status = n.Draft is null ? Words.NotSubmitted : Words.Withdrawn, Link = Link(n.Section.Section),
            }).ToList();
        var rejected = new List<object>();
        foreach (var (section, draft) in newest.Where(n => n.Draft?.Status == "rejected"))
        {
            var detail = await queries.GetDraftAsync(year.ToString(), department, section.Section, draft!.Version.ToString(), caller, cancellationToken);
            rejected.Add(new
            {
                Part = Words.Part(section.Section), draft.Version, Status = Words.Rejected, Reviewer = detail.Reviewer ?? "",
                When = detail.ReviewedAt is { } at ? Words.Time(at, zone) : "", Comment = string.IsNullOrWhiteSpace(detail.ReviewComment) ? "（无）"
                    : detail.ReviewComment,
                Link = Link(section.Section),
                DraftLink = routes.DraftPage(year, department, section.Section, draft.Version),
            });
        }
        var pending = newest.Where(n => n.Draft?.Status == "submitted").OrderBy(n => n.Draft!.SubmittedAt)
            .Select(n => new
            {
                Part = Words.Part(n.Section.Section), n.Draft!.Version, n.Draft.Author, When = Words.Time(n.Draft.SubmittedAt, zone), n.Draft.Length,
                ReviewLink = routes.ReviewPage(year, department, n.Section.Section, n.Draft.Version),
                DraftLink = routes.DraftPage(year, department, n.Section.Section, n.Draft.Version),
            }).ToList();
        return new { Role = role, Department = words.Department(department), Missing = missing, Rejected = rejected, Pending = pending };
    }

    private async Task<object> OfficeAsync(int year, Caller caller, CancellationToken cancellationToken)
    {
        var view = await queries.GetYearAsync(year.ToString(), caller, cancellationToken);
        var incomplete = view.Departments.Where(d => d.MissingSections.Count > 0)
            .Select(d => new { d.Name, Parts = string.Join("；", d.MissingSections.Select(Words.ShortPart)) }).ToList();
        return new { Role = "office", Incomplete = incomplete, view.Complete };
    }
}
