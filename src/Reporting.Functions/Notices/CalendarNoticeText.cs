using Reporting.Core.Directory;
using Reporting.Core.Notices;
using Reporting.Core.Templates;
using Reporting.Functions.Http;
using Reporting.Functions.Pages;

namespace Reporting.Functions.Notices;

/// <summary>
/// The words of the calendar's notices, for <see cref="NoticeComposer"/>: the reminder to a department's members
/// (催报提醒), the office's 催报 by hand, and the daily overdue list to the district office. Each part a department
/// lacks is named by its heading with its state (未提交, 已退回 with the 审核意见, 待审核) and the page that fixes it.
/// </summary>
internal sealed class CalendarNoticeText(DistrictDirectory directory, Routes routes, PublicLinks links)
{
    public (string Subject, List<string> Lines) Reminder(Notice.DeadlineReminder notice)
    {
        var facts = notice.Due;
        var lack = notice.Lack;
        var subject = $"【催报提醒】{ShortName(lack.Department)} {notice.Year}年度法治政府建设情况报告 距报送截止（{Words.Date(facts.Deadline)}）还有 {facts.DaysLeft} 天";
        var lines = new List<string>
        {
            $"{Name(lack.Department)}各位同事：",
            "",
            $"{Title(notice.Year, lack.Department)}应于 {Words.Date(facts.Deadline)}前报送{directory.Office.Name}，距截止还有 {facts.DaysLeft} 天。"
                + $"截至 {Words.Date(facts.Day)}，以下 {lack.Parts.Count} 个必填部分尚未审核通过：",
        };
        lines.AddRange(Parts(notice.Year, lack));
        lines.AddRange(Closing(notice.Year, lack.Department));
        return (subject, lines);
    }

    public (string Subject, List<string> Lines) Chase(Notice.ReportChased notice)
    {
        var facts = notice.Due;
        var lack = notice.Lack;
        var due = facts.DaysLeft >= 0 ? $"请于 {Words.Date(facts.Deadline)}前报送" : $"已逾期 {-facts.DaysLeft} 天，请尽快报送";
        var subject = $"【催报】{directory.Office.Name}催报：{ShortName(lack.Department)} {notice.Year}年度法治政府建设情况报告尚未完成，{due}";
        var lines = new List<string>
        {
            $"{Name(lack.Department)}各位同事：",
            "",
            $"{directory.Office.Name}（{(string.IsNullOrWhiteSpace(notice.ChasedBy) ? "工作人员" : notice.ChasedBy)}）于 {Words.Date(facts.Day)}催报："
                + $"{Title(notice.Year, lack.Department)}尚未完成，"
                + (facts.DaysLeft >= 0 ? $"报送截止日期为 {Words.Date(facts.Deadline)}（还有 {facts.DaysLeft} 天）。"
                    : $"报送截止日期 {Words.Date(facts.Deadline)}已过 {-facts.DaysLeft} 天。"),
        };
        if (!string.IsNullOrWhiteSpace(notice.Note))
        {
            lines.AddRange(["", $"{directory.Office.Name}附言："]);
            lines.AddRange(notice.Note.Split('\n').Select(line => "  " + line));
        }
        lines.AddRange(["", $"以下 {lack.Parts.Count} 个必填部分尚未审核通过："]);
        lines.AddRange(Parts(notice.Year, lack));
        lines.AddRange(Closing(notice.Year, lack.Department));
        return (subject, lines);
    }

    public (string Subject, List<string> Lines) Overdue(Notice.OverdueList notice)
    {
        var facts = notice.Due;
        var late = -facts.DaysLeft;
        var subject = $"【逾期名单】{directory.District}{notice.Year}年度法治政府建设情况报告：截至 {Words.Date(facts.Day)}，{notice.Departments.Count} 个部门逾期未完成（已逾期 {late} 天）";
        var lines = new List<string>
        {
            $"{directory.Office.Name}：",
            "",
            $"{notice.Year}年度法治政府建设情况报告的报送截止日期为 {Words.Date(facts.Deadline)}，已逾期 {late} 天。"
                + $"截至 {Words.Date(facts.Day)}，以下 {notice.Departments.Count} 个部门尚有必填部分未审核通过：",
            "",
        };
        // A department with nothing submitted is one line: its five parts would only repeat 未提交.
        var nothing = notice.Departments.Where(NothingSubmitted).ToList();
        foreach (var lack in notice.Departments.Except(nothing))
        {
            lines.Add($"{Name(lack.Department)}（{lack.Parts.Count} 个部分）：");
            lines.AddRange(lack.Parts.Select(p => $"  · {Words.Part(p.Section)}：{State(p)}"));
        }
        if (nothing.Count > 0)
        {
            lines.AddRange(["", $"尚未提交任何部分的部门（{nothing.Count} 个）："]);
            lines.AddRange(nothing.Select(lack => $"  · {Name(lack.Department)}"));
        }
        lines.AddRange(["", "全区总览（可逐个部门发送催报）：", Link(routes.OverviewPage(notice.Year))]);
        return (subject, lines);
    }

    private IEnumerable<string> Parts(int year, DepartmentLack lack)
    {
        foreach (var part in lack.Parts)
        {
            yield return "";
            yield return $"  · {Words.Part(part.Section)}";
            yield return $"    {State(part)}";
            var (action, path) = part.State switch
            {
                LackState.NotSubmitted => ("请起草人撰写并提交", routes.Form(year, lack.Department, part.Section)),
                LackState.Rejected => ("请起草人按审核意见修改后重新提交", routes.DraftPage(year, lack.Department, part.Section, part.Version)),
                _ => ("请审核人审核", routes.ReviewPage(year, lack.Department, part.Section, part.Version!.Value)),
            };
            yield return $"    {action}：{Link(path)}";
        }
    }

    private IEnumerable<string> Closing(int year, string department) =>
    [
        "",
        $"“{Words.Part(ReportTemplate.Other)}”为选填部分，不影响报送。本部门全部待办事项（登录后查看）：",
        Link(routes.Todo(year)),
        "",
        "本部门报告的进度：",
        Link(routes.DepartmentPage(year, department)),
    ];

    private static bool NothingSubmitted(DepartmentLack lack) =>
        lack.Parts.Count == ReportTemplate.RequiredSections.Count() && lack.Parts.All(p => p.State == LackState.NotSubmitted);

    private static string State(LackingPart part) => part.State switch
    {
        LackState.NotSubmitted => Words.NotSubmitted,
        LackState.Rejected => $"{Words.Rejected}（第 {part.Version} 版，审核意见：{(string.IsNullOrWhiteSpace(part.Comment) ? "未填写" : OneLine(part.Comment))}）",
        _ => $"{Words.Pending}（第 {part.Version} 版）",
    };

    private static string OneLine(string text) =>
        string.Join(" ", text.ReplaceLineEndings("\n").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    private string Title(int year, string department) => $"{Name(department)}{year}年度法治政府建设情况报告";

    private string Name(string code) => directory.Find(code)?.Name ?? "未知部门";

    /// <summary>科工局 rather than 魏都区科学技术和工业信息化局, for a subject line.</summary>
    private string ShortName(string code) => directory.Find(code) is { } d ? d.ShortName ?? d.Name : "未知部门";

    private string Link(string path) => links.Absolute(path).ToString();
}
