using Reporting.Core.Errors;
using Reporting.Core.Templates;

namespace Reporting.Core.Drafts;

/// <summary>
/// Catches text submitted under the wrong part: a body whose first line is another part's numbered heading
/// (“一、…” chosen as 二), or the whole report pasted into one part. Either would print a report whose headings
/// contradict each other, and the author rarely notices in a 200,000-character box.
/// </summary>
public static class PartPlacement
{
    /// <summary>Adds to <paramref name="errors"/> when an already normalised <paramref name="body"/> belongs elsewhere.</summary>
    public static void Check(string body, ReportSection section, ValidationErrors errors)
    {
        var lines = body.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToList();
        if (lines.Count == 0) return;
        var others = ReportTemplate.Sections.Where(s => s.Order > 0 && s != section).ToList();
        var foreign = others.Where(s => lines.Any(l => DraftBody.IsOwnHeading(l, s))).ToList();
        if (foreign.Count >= 2)
        {
            errors.Add("body", $"正文中含有其他部分的标题（{string.Join("；", foreign.Select(s => Quote(s.Heading)))}），像是把整篇报告粘贴进了{Name(section)}。"
                + "请按部分分别提交，每次只粘贴这一部分的内容。");
            return;
        }
        if (others.FirstOrDefault(s => DraftBody.IsOwnHeading(lines[0], s)) is { } first)
            errors.Add("body", $"正文第一行“{Shorten(lines[0])}”是{Name(first)}的标题，而现在提交的是{Name(section)}"
                + (section.Order == 0 ? "（开头部分不带“一、”等标题）" : $"（应以“{section.Heading[..2]}”开头）")
                + "。请选择正确的报告部分，或删去这一行。");
    }

    private static string Name(ReportSection section) => section.Order == 0 ? "开头部分" : $"“{Shorten(section.Heading)}”部分";

    private static string Quote(string heading) => $"“{Shorten(heading)}”";

    private static string Shorten(string text) => text.Length <= 16 ? text : text[..16] + "…";
}
