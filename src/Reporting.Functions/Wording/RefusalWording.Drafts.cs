using Reporting.Core.Drafts;
using Reporting.Core.Errors;
using Reporting.Core.Templates;
using Reporting.Typesetting;

namespace Reporting.Functions.Wording;

public static partial class RefusalWording
{
    private static IEnumerable<Entry> DraftEntries() =>
    [
        Say(RefusalCode.BodyEmpty, "正文不能为空。"),
        Say<int, int, int>(RefusalCode.BodyUnprintable,
            (line, column, codePoint) => $"正文第 {line} 行第 {column} 个字符（U+{codePoint:X4}）不是可打印的文字，请删除后再提交。"),
        Say<int, int, int, DisguiseKind>(RefusalCode.BodyDisguising, (line, column, codePoint, kind) =>
            $"正文第 {line} 行第 {column} 个字符（U+{codePoint:X4}，{Disguise(kind)}）不可见却能改变文字的显示顺序或外观，请删除后再提交。"),
        Say(RefusalCode.BodyIllFormed, "正文包含不完整的 Unicode 字符。"),
        Say<int, int>(RefusalCode.BodyTooLong, (count, max) => $"正文共 {count} 个字符，超过上限 {max} 个字符。"),
        Say<int, int, string, int>(RefusalCode.BodyGlyphMissing, (line, column, character, codePoint) =>
            $"正文第 {line} 行第 {column} 个字符“{character}”（U+{codePoint:X4}）无法用已配置的字体排印，请改用常用字或联系管理员配置字体。"),
        Say<IReadOnlyList<ReportSection>, ReportSection>(RefusalCode.WholeReportPasted, (foreign, chosen) =>
            $"正文中含有其他部分的标题（{string.Join("；", foreign.Select(s => $"“{Shorten(DocumentWords.Heading(s))}”"))}），像是把整篇报告粘贴进了{PartName(chosen)}。"
            + "请按部分分别提交，每次只粘贴这一部分的内容。"),
        Say<string, ReportSection, ReportSection>(RefusalCode.ForeignHeading, (line, headingOf, chosen) =>
            $"正文第一行“{line}”是{PartName(headingOf)}的标题，而现在提交的是{PartName(chosen)}"
            + (chosen.Order == 0 ? "（开头部分不带“一、”等标题）" : $"（应以“{DocumentWords.HeadingNumeral(chosen)}”开头）")
            + "。请选择正确的报告部分，或删去这一行。"),
        Say<string, int, int>(RefusalCode.HiddenCharacter,
            (field, position, codePoint) => $"{FieldLabel(field)}的第 {position} 个字符（U+{codePoint:X4}）是不可见的控制或格式字符，请删除后再提交。"),
        Say<int, int>(RefusalCode.YearNotYetCome, (year, current) => $"{year} 年尚未到来，不能提交该年度的报告；当前最晚可提交 {current} 年度。"),
        Say(RefusalCode.SectionMissing, "请选择报告部分（section）。"),
        Say<string, IReadOnlyList<string>>(RefusalCode.SectionUnknownChoices,
            (section, choices) => $"未知的报告部分“{section}”，可选：{string.Join("、", choices)}。"),
        Say(RefusalCode.SectionUnknown, "未知的报告部分。"),
        Say(RefusalCode.VersionNotPositive, "版本号须为正整数。"),
        Say<int, DraftStatus>(RefusalCode.BodyUnchanged, (version, status) => status switch
        {
            DraftStatus.Rejected => $"正文与已退回的第 {version} 版完全相同，未保存新版本。请按审核意见修改正文后再提交。",
            DraftStatus.Approved => $"正文与已通过的第 {version} 版完全相同，未保存新版本。如需修改，请改动正文后再提交。",
            _ => $"正文与待审核的第 {version} 版完全相同，未保存新版本（无需重复提交）。如需修改，请改动正文后再提交。",
        }, "正文没有改动"),
        Say<int>(RefusalCode.SubmissionIdMalformed, max => $"提交编号（submissionId 或 Idempotency-Key）须为 8 至 {max} 个英文字母、数字、“-”或“_”，如一个 GUID。"),
        Say<int, string>(RefusalCode.SubmissionIdReused, (version, section) =>
            $"这个提交编号已用于提交{PartName(section)}的第 {version} 版，而这次提交的部分或正文不同，未保存。请刷新页面后重新提交。",
            "提交编号已被使用"),
    ];

    /// <summary>What a disguising character is, as the refusal names it.</summary>
    private static string Disguise(DisguiseKind kind) => kind switch
    {
        DisguiseKind.BidiEmbeddingOrOverride => "双向文本嵌入或覆盖控制符",
        DisguiseKind.BidiIsolate => "双向文本隔离控制符",
        DisguiseKind.DirectionMark => "文字方向标记",
        DisguiseKind.DeprecatedFormat => "已废弃的格式控制符",
        DisguiseKind.InvisibleOperator => "不可见运算符",
        DisguiseKind.InterlinearAnnotation => "行间注释控制符",
        DisguiseKind.Tag => "标签字符",
        _ => "不可见的填充字符",
    };

    /// <summary>The field a short text came in, by the name its form gives it.</summary>
    private static string FieldLabel(string field) => field switch
    {
        "comment" => "审核说明",
        _ => $"字段“{field}”",
    };

    private static string PartName(string section) => ReportTemplate.Find(section) is { } part ? PartName(part) : $"“{section}”部分";

    private static string PartName(ReportSection section) => section.Order == 0 ? "开头部分" : $"“{Shorten(DocumentWords.Heading(section))}”部分";

    private static string Shorten(string text) => PartPlacement.Shorten(text);
}
