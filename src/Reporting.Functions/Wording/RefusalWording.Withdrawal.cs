using Reporting.Core.Drafts;
using Reporting.Core.Errors;
using Reporting.Functions.Pages;

namespace Reporting.Functions.Wording;

public static partial class RefusalWording
{
    private static IEnumerable<Entry> WithdrawalEntries() =>
    [
        Say<int, string>(RefusalCode.WithdrawByAuthorOnly, (version, author) =>
            $"第 {version} 版由 {author} 提交，只有起草人本人可以撤回。如需修改，请提交新版本；审核人可以将其退回。", "只有起草人可以撤回"),
        Say<int, DraftStatus>(RefusalCode.WithdrawDecided, (version, status) =>
            $"第 {version} 版{Words.Status(status)}，审核完成的版本不能撤回。如需修改，请提交新版本。", "已审核的版本不能撤回"),
        Say<int, int>(RefusalCode.WithdrawSuperseded, (version, newest) =>
            $"第 {version} 版已被第 {newest} 版取代，不再审核，无需撤回；只能撤回该部分的最新版本。"),
        Say<int, DateTimeOffset?>(RefusalCode.DraftWithdrawn, (version, at) =>
            $"第 {version} 版已由起草人于 {Beijing(at)} 撤回，不能再审核；请等待起草人提交新版本。", "草稿已撤回"),
    ];

    /// <summary>A stored instant as people in the district read a clock (the refusal has no options at hand: Beijing is UTC+8 all year).</summary>
    private static string Beijing(DateTimeOffset? at) => at is { } value ? value.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd HH:mm") : "此前";
}
