using Reporting.Core.Directory;
using Reporting.Core.Notices;
using Reporting.Functions.Http;
using Reporting.Functions.Pages;
using Reporting.Typesetting;

namespace Reporting.Functions.Notices;

/// <summary>
/// The words of 报告已生成 told to an author, for <see cref="NoticeComposer"/>: the report by its title and version in the subject;
/// when it was made, its pages and the parts of it the author wrote in the body; then 本部门报告 and the PDF's download page. No
/// storage link: that one is a bearer link, kept to the district office's notice, and an author can sign in.
/// </summary>
internal sealed class ReportMadeNoticeText(DistrictDirectory directory, Routes routes, PublicLinks links, TimeZoneInfo zone)
{
    public (string Subject, List<string> Lines) Made(Notice.ReportMade notice)
    {
        var message = notice.Message;
        var department = directory.Find(message.Department)?.Name ?? "未知部门";
        var subject = $"【报告已生成】{department} {message.Year}年度法治政府建设情况的报告（第{message.Version}版）";
        var lines = new List<string>
        {
            $"{Named(notice.Author)}：",
            "",
            $"本部门的报告已生成：{DocumentWords.ReportTitle(department, message.Year)}（第{message.Version}版），"
                + $"于 {Words.Time(notice.At, zone)}排版生成，共 {notice.PageCount} 页。",
            "",
            "本版收入您起草的以下部分：",
        };
        lines.AddRange(notice.Sections.Select(section => $"  · {Words.Part(section)}"));
        lines.AddRange([
            "",
            "本部门报告（各部分状态和各版 PDF）：",
            links.Absolute(routes.DepartmentPage(message.Year, message.Department)).ToString(),
            "",
            "下载 PDF（登录本系统后打开，核对权限后生成临时下载链接）：",
            links.Absolute(routes.ReportPdf(message.Year, message.Department, message.Version)).ToString(),
        ]);
        return (subject, lines);
    }

    private static string Named(string name) => string.IsNullOrWhiteSpace(name) ? "（未记录）" : name;
}
