using Reporting.Core;
using Reporting.Core.Access;
using Reporting.Core.Drafts;
using Reporting.Functions.Http;
using Reporting.Functions.ReadModels;
using Reporting.Functions.Requests;
using Reporting.Functions.Wording;

namespace Reporting.Functions.Pages;

/// <summary>
/// 我的待办, the page after sign-in: what this person has to do next for a year, read through the same queries
/// (and the same access rules) as the JSON API.
/// </summary>
public sealed class TodoPage(ReportQueries queries, PageRenderer pages, Words words, ReportingOptions options, YearChoice years, Routes routes,
    DepartmentApprovers approvers, DecisionNotice decisions)
{
    private static readonly PageTemplate Template = PageTemplate.Of("TodoPage");

    /// <param name="decidedIn">with <paramref name="decided"/>: the department of the draft an approver just decided.</param>
    /// <param name="decided">the draft an approver just decided (<c>section.version</c>), the last that waited for them: named at the top.</param>
    /// <param name="batch">what a 批量审核 just did, said at the top.</param>
    public async Task<string> RenderAsync(string? year, Caller caller, Membership? member, CancellationToken cancellationToken = default,
        string? decidedIn = null, string? decided = null, BatchApprovalOutcome? batch = null)
    {
        var number = string.IsNullOrEmpty(year) ? years.InProgress : ReportKeyBinder.Year(year);
        object model = member switch
        {
            { IsOffice: true } => await OfficeAsync(number, caller, cancellationToken),
            { Department: { } department } => await DepartmentAsync(number, department, member.Role == MemberRole.Approver ? "approver" : "author", caller,
                cancellationToken),
            _ => new { Role = "none", Year = number },
        };
        var values = Merge(model, number, await years.SelectAsync(number, cancellationToken));
        values["Action"] = routes.Todo();
        values["Decided"] = decided is null ? null : await decisions.ReadAsync(number, decidedIn, decided, caller, cancellationToken);
        values["Batch"] = batch is null ? null : Batch(batch, number, member?.Department);
        var script = values.GetValueOrDefault("BatchAction") is null ? null : HtmlPage.PickAllScript;
        return pages.Render("我的待办", caller, member, Template, values, script, number);
    }

    /// <summary>A 批量审核's outcome in sentences: what was approved, what was not and why, and whether the PDF is being made.</summary>
    private object Batch(BatchApprovalOutcome batch, int year, string? department) => new
    {
        Approved = batch.Approved.Count == 0 ? null
            : $"已通过 {batch.Approved.Count} 个草稿：" + string.Join("；", batch.Approved.Select(a => $"“{Words.Part(a.Draft.Section)}”第 {a.Draft.Version} 版")) + "。",
        Refused = batch.Refused.Select(r => $"“{Words.Part(r.Section)}”第 {r.Version} 版未通过：{RefusalWording.Detail(r.Reason)}").ToList(),
        Assembling = batch.Approved.Any(a => a.AssemblyQueued),
        DepartmentLink = routes.DepartmentPage(year, department),
    };

    private static Dictionary<string, object?> Merge(object model, int year, string yearSelect)
    {
        var values = model.GetType().GetProperties().ToDictionary(p => p.Name, p => p.GetValue(model));
        values["Year"] = year;
        values["YearSelect"] = yearSelect;
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
        var pending = newest.Where(n => n.Draft?.Status == "submitted").OrderBy(n => n.Draft!.SubmittedAt).ToList();
        // Who decides each draft, by name (four-eyes: not its author), so an approver's own draft names the others instead of leading to a refusal.
        var deciders = pending.Count == 0 ? [] : await approvers.OfAsync(department, cancellationToken);
        var rows = pending.Select(n =>
        {
            var others = deciders.Where(a => a.MayDecide(n.Draft!.AuthorId)).Select(a => a.Shown).ToList();
            var own = n.Draft!.AuthorId == caller.Id;
            return new
            {
                Part = Words.Part(n.Section.Section), n.Draft.Version, n.Draft.Author, When = Words.Time(n.Draft.SubmittedAt, zone), n.Draft.Length,
                Next = others.Count == 0 ? "本部门没有可以审核的其他审核人" : (own ? "待本部门其他审核人审核：" : "待审核：") + string.Join("、", others),
                // Only an approver who may decide it gets the 审核 link; their own draft waits for the others.
                ReviewLink = role == "approver" && !own ? routes.ReviewPage(year, department, n.Section.Section, n.Draft.Version) : null,
                NoOther = own && others.Count == 0,
                Pick = role == "approver" && !own ? BatchApprovalBinder.FieldOf(n.Section.Section) : null,
                DraftLink = routes.DraftPage(year, department, n.Section.Section, n.Draft.Version),
            };
        }).ToList();
        return new
        {
            Role = role, Department = words.Department(department), Missing = missing, Rejected = rejected, Pending = rows,
            NoOtherApprover = rows.Any(r => r.NoOther),
            BatchAction = rows.Any(r => r.Pick is not null) ? routes.Approvals(year, department) : null,
        };
    }

    private async Task<object> OfficeAsync(int year, Caller caller, CancellationToken cancellationToken)
    {
        var view = await queries.GetYearAsync(year.ToString(), caller, cancellationToken);
        var incomplete = view.Departments.Where(d => d.MissingSections.Count > 0)
            .Select(d => new { d.Name, Parts = string.Join("；", d.MissingSections.Select(Words.ShortPart)) }).ToList();
        return new { Role = "office", Incomplete = incomplete, view.Complete };
    }
}
