using Reporting.Core.Errors;

namespace Reporting.Functions.Wording;

public static partial class RefusalWording
{
    private static IEnumerable<Entry> ReportEntries() =>
    [
        Say(RefusalCode.YearMissing, "请填写年度（year）。"),
        Say<int, int>(RefusalCode.YearOutOfRange, (min, max) => $"年度须为 {min} 至 {max} 之间的四位数字。"),
        Say(RefusalCode.DepartmentMissing, "请填写部门代码（department）。"),
        Say(RefusalCode.DepartmentMalformed, "部门代码只能由小写字母、数字和连字符组成。"),
        Say<string>(RefusalCode.DepartmentUnknown, code => $"未知的部门代码“{code}”。"),
    ];
}
