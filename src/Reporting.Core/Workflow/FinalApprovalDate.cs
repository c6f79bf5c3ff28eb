using System.Globalization;
using Reporting.Core.Drafts;
using Reporting.Core.Errors;

namespace Reporting.Core.Workflow;

/// <summary>
/// The 成文日期 an approver may set when approving (field <c>date</c>, yyyy-MM-dd): printed on the PDF when that approval is
/// the round's last. A date before the report's year or after today (Beijing) is refused; so is a date on a rejection.
/// </summary>
public static class FinalApprovalDate
{
    public const string Format = "yyyy-MM-dd";

    /// <returns>The date, or null when none was given or it was refused (the reason in <paramref name="errors"/>).</returns>
    public static DateOnly? Parse(string? text, DraftDecision? decision, int reportYear, DateOnly today, ValidationErrors errors)
    {
        var value = text?.Trim();
        if (string.IsNullOrEmpty(value)) return null;
        if (!DateOnly.TryParseExact(value, Format, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            errors.Add("date", $"成文日期（date）须为“年-月-日”格式，如 {reportYear + 1}-01-15。");
        else if (decision == DraftDecision.Reject)
            errors.Add("date", "退回时不设成文日期；成文日期只随审核通过填写。");
        else if (date.Year < reportYear)
            errors.Add("date", $"成文日期不能早于报告所属的 {reportYear} 年。");
        else if (date > today)
            errors.Add("date", $"成文日期不能晚于今天（{today:yyyy-MM-dd}）。");
        else return date;
        return null;
    }
}
