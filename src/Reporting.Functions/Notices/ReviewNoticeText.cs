using Reporting.Core.Directory;
using Reporting.Core.Notices;
using Reporting.Functions.Http;
using Reporting.Functions.Pages;

namespace Reporting.Functions.Notices;

/// <summary>
/// The words of 待审核 notices, for <see cref="NoticeComposer"/>: one draft named in the subject (part, version, who
/// submitted it), or a digest naming how many; each draft with its 审核 link, then 我的待办 for everything waiting.
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

    private static string Named(string name) => string.IsNullOrWhiteSpace(name) ? "（未记录）" : name;
}
