using Reporting.Core.Errors;
using Reporting.Core.Publication;

namespace Reporting.Functions.Wording;

public static partial class RefusalWording
{
    private static IEnumerable<Entry> PublicationEntries() =>
    [
        Say<int, string>(RefusalCode.NotYetAssembled, (year, name) => $"{year} 年{name}的报告尚未生成 PDF，不能发布；各部分全部审核通过并生成 PDF 后才能发布。"),
        Say<VersionMismatch, int>(RefusalCode.ReviewedVersionStale, (mismatch, newest) => $"{Mismatch(mismatch)}。未发布；请审查第 {newest} 版后再发布。"),
        Say<int>(RefusalCode.NothingToPublish, year => $"{year} 年度还没有已生成 PDF 且未撤回的报告，没有可以发布的内容。"),
        Say<IReadOnlyList<VersionMismatch>>(RefusalCode.ReviewedVersionsStale, mismatches =>
            $"以下报告与保密审查时列出的版本不一致：{string.Join("；", mismatches.Select(Mismatch))}。全部发布未执行，没有发布任何报告；请重新审查后再发布。"),
        Say(RefusalCode.WithdrawReasonMissing, "请填写撤回原因。"),
        Say<int>(RefusalCode.TextTooLong, max => $"至多 {max} 字。"),
        Say<int, string>(RefusalCode.NotPublished, (year, name) => $"{year} 年{name}的报告尚未发布，无需撤回。"),
        Say(RefusalCode.ConfidentialityNotConfirmed, "发布前须完成保密审查，并确认“已保密审查”。"),
        Say(RefusalCode.ReviewCommentMissing, "请填写保密审查意见（如审查人、审查结论）。"),
        Say<int>(RefusalCode.ReviewCommentTooLong, max => $"保密审查意见至多 {max} 字。"),
        Say(RefusalCode.ReviewedVersionMissing, "请提交保密审查的 PDF 版本号（version），发布的将是这一版本。"),
        Say<string>(RefusalCode.ReviewedVersionMalformed, text => $"PDF 版本号（version）须为正整数，收到的是“{text}”。"),
        Say(RefusalCode.ReviewedVersionsMissing, "请提交保密审查的各报告 PDF 版本（versions，如 kgj=2,sfj=1），发布的将是这些版本。"),
        Say<string>(RefusalCode.ReviewedVersionsEntryMalformed, entry => $"“{entry}”不是“部门代码=版本号”（如 kgj=2），或部门代码未知。"),
        Say<string>(RefusalCode.ReviewedVersionsDuplicate, name => $"部门“{name}”在 versions 中出现了不止一次。"),
    ];

    /// <summary>One report whose reviewed version is not the one a publish would publish.</summary>
    private static string Mismatch(VersionMismatch m) => (m.Reviewed, m.Newest) switch
    {
        (null, var newest) => $"{m.DepartmentName}：有第 {newest} 版 PDF 待发布，不在保密审查的清单中",
        (var reviewed, null) => $"{m.DepartmentName}的报告没有可以发布的 PDF（第 {reviewed} 版不存在或已撤回）",
        (var reviewed, var newest) when newest > reviewed => $"{m.DepartmentName}：保密审查的是第 {reviewed} 版，此后已生成第 {newest} 版 PDF",
        (var reviewed, var newest) => $"{m.DepartmentName}：没有已生成的第 {reviewed} 版 PDF（最新为第 {newest} 版）",
    };
}
