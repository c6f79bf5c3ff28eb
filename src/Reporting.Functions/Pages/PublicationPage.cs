using Reporting.Core;
using Reporting.Core.Access;
using Reporting.Core.Directory;
using Reporting.Core.Errors;
using Reporting.Core.Publication;
using Reporting.Core.Reports;
using Reporting.Functions.Http;
using Reporting.Functions.ReadModels;
using Reporting.Functions.Requests;

namespace Reporting.Functions.Pages;

/// <summary>
/// 发布 and 撤回 for the district office, reached from 全区总览: for one report (naming the version that will go public),
/// for the whole year (全部发布: every report with a PDF that was not withdrawn), or a withdrawal with its reason. The
/// forms post to the API with the versions shown (what was reviewed is what goes public), which answers 303 back to 全区总览;
/// a refused post comes back here with the reason and what was typed, listing the versions as they are now.
/// </summary>
public sealed class PublicationPage(
    DistrictDirectory directory, AccessControl access, IReportRepository reports, IPublicationRepository publications, IPublicSite site,
    ReportPublisher publisher, PageRenderer pages, ReportingOptions options, Routes routes)
{
    private static readonly PageTemplate Template = PageTemplate.Of("PublicationPage");

    /// <param name="action">"withdraw" for 撤回; otherwise 发布 (one report when <paramref name="department"/> is given, else the year).</param>
    /// <param name="error">why the form just posted was refused.</param>
    /// <param name="typed">the comment or reason that was posted, kept so nothing typed is lost.</param>
    public async Task<string> RenderAsync(string? year, string? department, string? action, Caller caller, Membership? member,
        string? error = null, string? typed = null, CancellationToken cancellationToken = default)
    {
        var number = ReportKeyBinder.Year(year);
        var key = string.IsNullOrEmpty(department) ? null : ReportKeyBinder.Bind(year, department, directory);
        await access.DemandAsync(caller, ReportAction.Publish, key?.Department, cancellationToken);
        var zone = options.ResolveTimeZone();
        var model = new Dictionary<string, object?>
        {
            ["Back"] = routes.OverviewPage(number),
            ["Error"] = error,
            ["Typed"] = typed,
            ["Max"] = ReportPublisher.MaxCommentLength,
            ["SiteUrl"] = site.BaseAddress.AbsoluteUri,
        };
        string title;
        if (key is null)
        {
            title = $"{number} 年度全部发布";
            var records = (await publications.ListYearAsync(number, cancellationToken)).ToDictionary(p => p.Key.Department);
            var due = await publisher.DueForYearAsync(number, cancellationToken);
            var listed = directory.Departments.Where(d => due.ContainsKey(d.Code)).ToList();
            model["Mode"] = "year";
            model["Action"] = routes.YearPublication(number);
            model["Lead"] = "以下各部门报告将以列出的 PDF 版本向社会公开（已公开且版本未变的报告只更新公开文件）：";
            model["Items"] = listed
                .Select(d => $"{d.Name}：第 {due[d.Code]} 版"
                    + (records.GetValueOrDefault(d.Code)?.Current is { } c ? $"（已于 {Words.Time(c.At, zone)}发布第 {c.Version} 版）" : ""))
                .ToList();
            model["Versions"] = string.Join(",", listed.Select(d => $"{d.Code}={due[d.Code]}"));
            model["Guard"] = "提交时如有报告生成了新版本、新增或撤回，与上面所列不一致，全部发布将不执行，一份也不发布，并列出这些部门，请重新审查后再发布。";
            model["Nothing"] = $"{number} 年度还没有已生成 PDF 且未撤回的报告，没有可以发布的内容。已撤回的报告请在全区总览中逐个重新发布。";
        }
        else
        {
            var name = directory.Find(key.Department)!.Name;
            var record = await publications.GetAsync(key, cancellationToken);
            var view = PublicationView.From(record, site);
            model["State"] = PublicationWords.State(view, zone);
            model["PublicLink"] = view.HtmlUrl;
            if (action == "withdraw")
            {
                title = $"撤回 {number} 年{name}的报告";
                model["Mode"] = "withdraw";
                model["Action"] = routes.Withdrawal(number, key.Department);
            }
            else
            {
                title = $"发布 {number} 年{name}的报告";
                var newest = (await reports.GetAsync(key, cancellationToken)).NewestAssembled;
                model["Mode"] = "one";
                model["Action"] = routes.Publication(number, key.Department);
                model["Lead"] = "将向社会公开的版本：";
                model["Items"] = newest is null ? Array.Empty<string>()
                    : [$"第 {newest.Version} 版 PDF（{newest.PageCount} 页，{Words.Time(newest.AssembledAt!.Value, zone)}生成）及其网页版"];
                model["Version"] = newest?.Version;
                model["Guard"] = "发布的将是这里列出的版本；提交时如已生成更新的版本，将不发布，并请您审查新版本。";
                model["Nothing"] = "该报告尚未生成 PDF，不能发布；各部分全部审核通过并生成 PDF 后才能发布。";
            }
        }
        return pages.Render(title, caller, member, Template, model, year: number);
    }

    /// <summary>The page again after a refused post, under the status the API gives the refusal.</summary>
    public static bool ShowsAgain(ReportingException refused) => refused.Kind is ProblemKind.Validation or ProblemKind.Conflict;
}
