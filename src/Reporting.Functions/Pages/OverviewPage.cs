using Microsoft.AspNetCore.Mvc;
using Reporting.Core;
using Reporting.Core.Access;
using Reporting.Core.Calendar;
using Reporting.Core.Publication;
using Reporting.Core.Templates;
using Reporting.Functions.Http;

using Reporting.Functions.ReadModels;
using Reporting.Typesetting;

namespace Reporting.Functions.Pages;

/// <summary>
/// 全区总览 for the district office: first the progress grid (every department × every part in status words, each
/// department's newest PDF and publication), then 催报 (全部催报, and one table of the unfinished departments with when
/// and by whom each was last chased and its own 催报 button), the volume with 立即汇编, and publication. Read through
/// <see cref="ReportQueries.GetYearAsync"/>, which applies the access rules.
/// </summary>
public sealed class OverviewPage(ReportQueries queries, PageRenderer pages, YearChoice years, TimeProvider clock, Routes routes,
    ReportingCalendar calendar, IPublicSite site, ReportingOptions options, DeadlineReminders reminders)
{
    private static readonly PageTemplate Template = PageTemplate.Of("OverviewPage");

    /// <param name="chased">After a 催报 by hand: the department and what the request did (<see cref="Functions.DeadlineFunctions.Outcome"/>).</param>
    /// <param name="chasedAll">After 全部催报: how many departments it chased and how many it skipped.</param>
    /// <param name="publication">what 发布/撤回 just did (published, withdrawn, year) to <paramref name="department"/>, to say so.</param>
    public async Task<IActionResult> RenderAsync(string? year, Caller caller, Membership? member,
        CancellationToken cancellationToken = default,
        (string? Department, string? Outcome) chased = default, string? publication = null, string? department = null,
        (string? Chased, string? Skipped) chasedAll = default)
    {
        var view = await queries.GetYearAsync(string.IsNullOrEmpty(year) ? years.InProgress.ToString() : year, caller, cancellationToken);
        var chase = ChaseList.From(view);
        var zone = options.ResolveTimeZone();
        var lastChases = await reminders.LastChasesAsync(view.Year, cancellationToken);
        var today = calendar.Today(clock.GetUtcNow());
        var chasedName = view.Departments.FirstOrDefault(d => d.Department == chased.Department)?.Name;
        var model = new
        {
            Action = routes.OverviewPage(),
            view.Year,
            YearSelect = await years.SelectAsync(view.Year, cancellationToken),
            Message = Published(publication, view.Departments.FirstOrDefault(d => d.Department == department)?.Name),
            Pub = new
            {
                Deadline = Words.Date(view.Publication.Deadline),
                Left = view.Publication.DaysLeft switch { > 0 and var n => $"还剩 {n} 天", 0 => "今天截止", var n => $"已过 {-n} 天" },
                view.Publication.Published,
                view.Publication.Unpublished,
                Ready = view.Departments.Where(d => d.NewestPdfVersion is not null && view.Publication.Unpublished.Contains(d.Department))
                    .Select(d => d.Name).ToList(),
                NoPdf = view.Departments.Count(d => d.NewestPdfVersion is null && view.Publication.Unpublished.Contains(d.Department)),
                All = routes.PublicationPage(view.Year),
                // The year's public index exists from its first publication on: no link before it, so none leads to a storage error.
                Site = view.Publication.Published > 0 ? new Uri(site.BaseAddress, PublicPaths.YearIndex(view.Year)).AbsoluteUri : null,
            },
            view.Complete,
            view.Missing,
            Volume = view.Volume is { } newest
                ? new
                {
                    Link = routes.VolumePdf(view.Year, newest.Version), Ofd = routes.VolumeOfd(view.Year, newest.Version),
                    newest.Version, Pages = newest.PageCount, newest.Reports,
                }
                : null,
            YearEndAction = routes.YearEnd(view.Year),
            YearEndId = Guid.NewGuid().ToString("N"),
            Headers = ReportTemplate.Sections
                .Select(s => new { Short = DocumentWords.PartShortName(s) + (s.Required ? "" : "（选填）"), Full = Words.Part(s) }).ToList(),
            Rows = view.Departments.Select(d => new
            {
                d.Name,
                Cells = d.Parts.Select(p => new { Word = Words.Status(p.Status), Class = "st-" + p.Status }).ToList(),
                Pdf = d.NewestPdfVersion is { } pdf ? routes.ReportPdf(view.Year, d.Department, pdf) : null,
                Ofd = d.NewestPdfVersion is { } ofd ? routes.ReportOfd(view.Year, d.Department, ofd) : null,
                PdfVersion = d.NewestPdfVersion,
                Pub = new
                {
                    State = PublicationWords.State(d.Publication, zone),
                    Class = d.Publication.Status,
                    Actions = PublicationActions(view.Year, d),
                },
            }).ToList(),
            ChaseCount = chase.Items.Count,
            ChaseRows = Math.Clamp(chase.Items.Count, 3, 15),
            ChaseText = chase.Text(),
            CsvLink = routes.ChaseCsv(view.Year),
            Chased = chased.Outcome == "chased-today" && chasedName is not null && lastChases.GetValueOrDefault(chased.Department!) is { } other
                ? $"{chasedName}今天已由{other.ChasedByName}于 {Words.Time(other.At, zone)} 催报，未重复发送；同一部门每天至多催报一次。"
                : Functions.DeadlineFunctions.Outcome(chased.Outcome, chasedName),
            ChasedAll = int.TryParse(chasedAll.Chased, out var all) && int.TryParse(chasedAll.Skipped, out var skipped)
                ? Functions.DeadlineFunctions.ChasedAll(all, skipped)
                : null,
            ChaseAllAction = routes.ChaseAll(view.Year),
            ChaseAllId = Guid.NewGuid().ToString("N"),
            MaxNote = Requests.ChaseBinder.MaxNoteLength,
            Deadline = Words.Date(calendar.SubmissionDeadline(view.Year)),
            // The departments a reminder would go to: a required part whose newest draft is not approved.
            Chases = view.Departments
                .Select(d => (d, Lacking: d.Parts.Count(p => p.Status != "approved" && ReportTemplate.Find(p.Section)?.Required == true)))
                .Where(x => x.Lacking > 0)
                .Select(x => new
                {
                    x.d.Name, x.Lacking, Action = routes.Chase(view.Year, x.d.Department), Id = Guid.NewGuid().ToString("N"),
                    Last = lastChases.GetValueOrDefault(x.d.Department) is { } last ? $"{When(last.At, zone, today)}，{last.ChasedByName}" : "尚未催报",
                    Today = lastChases.GetValueOrDefault(x.d.Department)?.Day == today,
                })
                .ToList(),
        };
        return ApiResult.Html(pages.Render($"{view.Year} 年度全区总览", caller, member, Template, model, year: view.Year));
    }

    /// <summary>When a department was last chased, short enough for a table cell: 今天 09:30, 12月5日 16:02, or with its year before this one.</summary>
    private static string When(DateTimeOffset at, TimeZoneInfo zone, DateOnly today)
    {
        var local = TimeZoneInfo.ConvertTime(at, zone);
        var day = DateOnly.FromDateTime(local.DateTime);
        return (day == today ? "今天" : day.Year == today.Year ? $"{day.Month}月{day.Day}日" : $"{day.Year}年{day.Month}月{day.Day}日") + local.ToString(" HH:mm");
    }

    /// <summary>The 催报 list as a CSV download named in Chinese.</summary>
    public async Task<IActionResult> CsvAsync(string? year, Caller caller, CancellationToken cancellationToken = default)
    {
        var view = await queries.GetYearAsync(year, caller, cancellationToken);
        return ApiResult.Download(ChaseList.From(view).Csv(), "text/csv; charset=utf-8", $"{view.Year}年度法治政府建设报告催报名单.csv", $"chase-{view.Year}.csv");
    }

    /// <summary>发布 for a report with a PDF not public (again: 重新发布 after a withdrawal), 撤回 and the public page for one that is.</summary>
    private List<NavLink> PublicationActions(int year, DepartmentStatusView d) => d.Publication.Status switch
    {
        "published" => [new("撤回", routes.PublicationPage(year, d.Department, withdraw: true)), new("公开页面", d.Publication.HtmlUrl!)],
        _ when d.NewestPdfVersion is null => [],
        "withdrawn" => [new("重新发布", routes.PublicationPage(year, d.Department))],
        _ => [new("发布", routes.PublicationPage(year, d.Department))],
    };

    /// <summary>What 发布/撤回 did, from the word the API's 303 carried.</summary>
    private static string? Published(string? publication, string? name) => publication switch
    {
        "published" when name is not null => $"已发布{name}的报告，公开页面和年度目录已更新。",
        "withdrawn" when name is not null => $"已撤回{name}的报告：公开的网页和 PDF 已删除，年度目录已更新，发布记录保留。",
        "year" => "全部发布完成：公开页面和年度目录已更新。",
        _ => null,
    };
}
