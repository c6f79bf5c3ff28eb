using Reporting.Core;
using Reporting.Core.Access;
using Reporting.Core.Directory;
using Reporting.Core.Seals;
using Reporting.Functions.Http;

using Reporting.Functions.ReadModels;
using Reporting.Functions.Requests;

namespace Reporting.Functions.Pages;

/// <summary>
/// 本部门报告: a department's report for a year as its members and the district office read it: each part's newest
/// draft and approved version, what the next PDF waits for, the PDF versions with their notice per channel, and a
/// download button that asks the API for a fresh link. Read through <see cref="ReportQueries"/>, so the same rules apply.
/// </summary>
public sealed class DepartmentPage(
    ReportQueries queries, PageRenderer pages, DistrictDirectory directory, ReportingOptions options, YearChoice years, Routes routes,
    IOrganisationSeals seals)
{
    private static readonly PageTemplate Template = PageTemplate.Of("DepartmentPage");

    public async Task<string> RenderAsync(string? year, string? department, Caller caller, Membership? member, CancellationToken cancellationToken = default)
    {
        var number = string.IsNullOrEmpty(year) ? years.InProgress : ReportKeyBinder.Year(year);
        // A member reads their own department whatever the link says; the district office picks one.
        var office = member?.IsOffice == true;
        var code = office ? (string.IsNullOrEmpty(department) ? null : department) : member?.Department;
        (object Model, bool Making)? report = code is null ? null : await ReportAsync(number, code, writes: !office, caller, member, cancellationToken);
        var making = report?.Making == true;
        var values = new Dictionary<string, object?>
        {
            ["Action"] = routes.DepartmentPage(),
            ["Year"] = number,
            ["YearSelect"] = await years.SelectAsync(number, cancellationToken),
            ["Role"] = office ? "office" : member?.Department is null ? "none" : "member",
            ["Departments"] = office ? directory.Departments.Select(d => new { d.Code, d.Name, Selected = d.Code == code }).ToList() : [],
            ["LinkMinutes"] = (int)options.DownloadLinkLifetime.TotalMinutes,
            ["Report"] = report?.Model,
        };
        // While the PDF is being made the page asks for it and shows it once made (HtmlPage.FollowScript).
        return pages.Render("本部门报告", caller, member, Template, values, making ? HtmlPage.FollowScript : null, number);
    }

    private async Task<(object Model, bool Making)> ReportAsync(int year, string department, bool writes, Caller caller, Membership? member,
        CancellationToken cancellationToken)
    {
        var report = await queries.GetReportAsync(year.ToString(), department, caller, cancellationToken);
        var zone = options.ResolveTimeZone();
        var parts = report.Sections.Select(s =>
        {
            var newest = s.Drafts.Count == 0 ? null : s.Drafts[^1];
            return new
            {
                Part = Words.Part(s.Section) + (s.Required ? "" : "（选填）"),
                Status = newest is null ? Words.NotSubmitted : Words.Status(newest.Status),
                Newest = newest is null ? "—" : $"第 {newest.Version} 版，{newest.Author}，{Words.Time(newest.SubmittedAt, zone)}提交",
                Approved = s.ApprovedVersion is { } approved ? $"第 {approved} 版" : "无",
                Versions = newest is null ? null : routes.DraftPage(year, department, s.Section),
                Write = writes ? routes.Form(year, department, s.Section) : null,
            };
        }).ToList();
        var pdfs = report.Versions.OrderByDescending(v => v.Version).Select(v => new
        {
            v.Version,
            Pages = v.PageCount is { } count ? $"{count} 页" : "—",
            Status = PdfStatus(v),
            Assembled = v.AssembledAt is { } at ? Words.Time(at, zone) : v.AssemblingSince is { } since ? $"自 {Words.Time(since, zone)}起" : "—",
            Notified = v.NotifiedAt is { } notified ? $"已于 {Words.Time(notified, zone)}通知" : "尚未通知",
            Channels = (v.Notification?.Channels ?? []).Select(c => new { Name = Words.NoticeChannel(c.Channel), State = Words.NoticeState(c, zone) }).ToList(),
            Download = v.Status == "assembled" ? routes.ReportPdf(year, department, v.Version) : null,
            Ofd = v.Status == "assembled" ? routes.ReportOfd(year, department, v.Version) : null,
            Docx = v.Status == "assembled" ? routes.ReportDocx(year, department, v.Version) : null,
        }).ToList();
        var making = report.Status == "assembling";
        return (new
        {
            Name = report.DepartmentName,
            Status = Words.ReportState(report.Status),
            Follow = making ? Making(routes.Report(year, department)).Attributes : null,
            Here = routes.DepartmentPage(year, department),
            Sealed = await seals.IsSealedAsync(department, cancellationToken),
            SealsPage = member?.Role == MemberRole.OfficeAdmin ? routes.SealsPage() : null,
            Waits = report.AssemblyWaitsFor.Select(w => new { Part = Words.Part(w.Section), w.Reason }).ToList(),
            NothingWaits = report.Status == "assembled" ? "最新通过的各部分均已生成 PDF。" : "各部分均已通过，下一版 PDF 正在生成。",
            Parts = parts,
            Pdfs = pdfs,
            Publication = new
            {
                Class = report.Publication.Status,
                Text = report.Publication.Status switch
                {
                    "published" => $"已于 {Words.Time(report.Publication.PublishedAt!.Value, zone)}向社会公开第 {report.Publication.Version} 版。",
                    "withdrawn" => $"已于 {Words.Time(report.Publication.WithdrawnAt!.Value, zone)}撤回，目前不公开。撤回原因：{report.Publication.Reason}",
                    _ => "尚未向社会公开。报告生成 PDF 后，由区法治办保密审查并发布。",
                },
                Html = report.Publication.HtmlUrl,
                Pdf = report.Publication.PdfUrl,
            },
        }, making);
    }

    /// <summary>The report's PDF being made, followed at the report's JSON every 3 s for 10 minutes, until its status is no longer assembling.</summary>
    private static FollowedProgress Making(string report) => new(report, "status", ["assembling"], "assembling", TimeSpan.FromSeconds(3),
        TimeSpan.FromMinutes(10), "PDF 仍在生成，本页已停止自动查看，请稍后刷新本页。");

    private static string PdfStatus(PdfVersionView pdf) => pdf switch
    {
        { Status: not "assembled" } => "生成中",
        { NotifiedAt: not null } => "已生成，已通知区法治办",
        { Notification.Status: "retrying" } => "已生成，通知未送达，正在重试",
        { Notification.Status: "sending" } => "已生成，通知发送中",
        _ => "已生成，等待通知",
    };
}
