using Reporting.Core.Directory;
using Reporting.Core.Notices;
using Reporting.Functions.Http;
using Reporting.Functions.Pages;
using Reporting.Typesetting;

namespace Reporting.Functions.Notices;

/// <summary>
/// The words of review notices, for <see cref="NoticeComposer"/>. 待审核: one draft named in the subject (part, version,
/// who submitted it), or a digest naming how many; each draft with its 审核 link, then 我的待办 for everything waiting.
/// 已通过: the part and version in the subject; the reviewer, the time and the 审核意见 in the body, then the 草稿 page and 我的待办.
/// </summary>
internal sealed class ReviewNoticeText(DistrictDirectory directory, Routes routes, PublicLinks links, TimeZoneInfo zone)
{
    public (string Subject, List<string> Lines) Awaited(Notice.ReviewAwaited notice)
    {
        var message = notice.Message;
        var found = directory.Find(message.Department);
        var department = found?.Name ?? "未知部门";
        // 科工局 rather than the full name in the subject line.
        var shortName = found?.ShortName ?? department;
        var drafts = notice.Drafts;
        var subject = drafts is [var only]
            ? $"待您审核：{message.Year} 年{shortName}“{Words.Part(only.Section)}”第 {only.Version} 版（{Named(only.Author)}提交）"
            : $"待您审核：{message.Year} 年{shortName} {drafts.Count} 份草稿（{string.Join("、", drafts.Select(d => Named(d.Author)).Distinct())}提交）";
        var lines = new List<string>
        {
            "您好：",
            "",
            $"{department}{message.Year}年度法治政府建设情况报告有以下 {drafts.Count} 份草稿等待您审核：",
        };
        foreach (var draft in drafts)
            lines.AddRange([
                "",
                $"  · “{Words.Part(draft.Section)}”第 {draft.Version} 版，{Named(draft.Author)}于 {Words.Time(draft.SubmittedAt, zone)}提交",
                "    审核：" + links.Absolute(routes.ReviewPage(message.Year, message.Department, draft.Section, draft.Version)),
            ]);
        lines.AddRange(["", "我的待办（全部待您处理的事项）：", links.Absolute(routes.Todo(message.Year)).ToString()]);
        return (subject, lines);
    }

    public (string Subject, List<string> Lines) Approved(Notice.DraftApproved notice)
    {
        var (message, approval) = (notice.Message, notice.Approval);
        var found = directory.Find(message.Department);
        var department = found?.Name ?? "未知部门";
        var subject = $"已通过：{message.Year} 年{found?.ShortName ?? department}“{Words.Part(approval.Section)}”第 {message.Version} 版";
        var lines = new List<string>
        {
            $"{Named(approval.Author)}：",
            "",
            $"您提交的{DocumentWords.ReportTitle(department, message.Year)}中的以下部分已审核通过：",
            "",
            $"部分：{Words.Part(approval.Section)}",
            $"版本：第 {message.Version} 版",
            $"审核人：{Named(approval.Reviewer)}",
            $"通过时间：{Words.Time(notice.At, zone)}",
        };
        if (!string.IsNullOrWhiteSpace(approval.Comment))
        {
            lines.Add("审核意见：");
            lines.AddRange(approval.Comment.ReplaceLineEndings("\n").Split('\n').Select(line => "  " + line));
        }
        lines.AddRange([
            "",
            "该部分的草稿、各版本和审核记录：",
            links.Absolute(routes.DraftPage(message.Year, message.Department, approval.Section, message.Version)).ToString(),
            "",
            "我的待办（全部待您处理的事项）：",
            links.Absolute(routes.Todo(message.Year)).ToString(),
        ]);
        return (subject, lines);
    }

    private static string Named(string name) => string.IsNullOrWhiteSpace(name) ? "（未记录）" : name;
}
