using Reporting.Core.Errors;

namespace Reporting.Functions.Wording;

public static partial class RefusalWording
{
    private static IEnumerable<Entry> CalendarEntries() =>
    [
        Say(RefusalCode.ChaseDepartmentUnknown, "未知的部门。"),
        Say(RefusalCode.ChaseIdMalformed, "催报标识（id）须为 8 至 64 个字母或数字；请刷新全区总览后重试。"),
        Say<int>(RefusalCode.ChaseNoteTooLong, max => $"附言最多 {max} 个字。"),
        Say(RefusalCode.ChaseNoteHasControl, "附言含有不可见的控制字符。"),
        Say<string, DateTimeOffset>(RefusalCode.ChasedToday,
            (name, at) => $"该部门今天已由{name}于 {at:HH:mm} 催报，未重复发送；同一部门每天至多催报一次，明天可再次催报。"),
        Say(RefusalCode.YearEndIdMalformed, "汇编标识（id）须为 1 至 64 个字母或数字；请刷新全区总览后重试。"),
        Say<int, string>(RefusalCode.YearEndRunNotFound, (year, _) => $"没有找到这次 {year} 年度的汇编；请回到全区总览查看报告汇编。"),
    ];
}
