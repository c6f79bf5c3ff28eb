using Reporting.Core.Errors;

namespace Reporting.Functions.Wording;

public static partial class RefusalWording
{
    private static IEnumerable<Entry> ReviewEntries() =>
    [
        Say(RefusalCode.DecisionUnknown, "审核意见（decision）须为 approve（通过）或 reject（退回）。"),
        Say(RefusalCode.RejectionNeedsComment, RejectionNeedsComment),
        Say<int>(RefusalCode.CommentTooLong, max => $"审核说明不能超过 {max} 个字符。"),
        Say<int, string, string, int>(RefusalCode.DraftVersionNotFound,
            (year, department, section, version) => $"{year} 年 {department} 的“{section}”部分没有第 {version} 版草稿。"),
        Say<int, int>(RefusalCode.DraftVersionSuperseded, (version, newest) => $"第 {version} 版已被第 {newest} 版取代，只能审核该部分的最新版本。"),
        Say<int, DateTimeOffset?>(RefusalCode.DraftAlreadyRejected, (version, at) => $"第 {version} 版已于 {at:yyyy-MM-dd HH:mm} 被退回，请提交新版本后再审核。"),
        Say<int>(RefusalCode.DraftAlreadyApproved, version => $"第 {version} 版已审核通过，不能再退回；如需修改请提交新版本。"),
        Say(RefusalCode.DraftReviewedMeanwhile, "该草稿刚刚被其他人审核，请刷新后查看结果。"),
        Say<int>(RefusalCode.DateMalformed, year => $"成文日期（date）须为“年-月-日”格式，如 {year + 1}-01-15。"),
        Say(RefusalCode.DateOnRejection, "退回时不设成文日期；成文日期只随审核通过填写。"),
        Say<int>(RefusalCode.DateBeforeYear, year => $"成文日期不能早于报告所属的 {year} 年。"),
        Say<DateOnly>(RefusalCode.DateAfterToday, today => $"成文日期不能晚于今天（{today:yyyy-MM-dd}）。"),
    ];

    /// <summary>Also the hint beside 审核草稿's comment box, so the form says before what the refusal says after.</summary>
    public const string RejectionNeedsComment = "退回时须填写审核意见，写明需要修改的内容，起草人才知道如何修改。";
}
