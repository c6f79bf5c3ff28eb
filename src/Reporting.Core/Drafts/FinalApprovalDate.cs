using Reporting.Core.Errors;

namespace Reporting.Core.Drafts;

/// <summary>
/// The 成文日期 an approver may set when approving: printed on the PDF when that approval is the round's last. A date before
/// the report's year or after today (Beijing) is refused; so is a date on a rejection. The app layer reads the field
/// (<c>date</c>, yyyy-MM-dd) and refuses a malformed one.
/// </summary>
public static class FinalApprovalDate
{
    /// <returns>The date, or null when none was given or it was refused (the reason in <paramref name="errors"/>).</returns>
    public static DateOnly? Check(DateOnly? date, DraftDecision decision, int reportYear, DateOnly today, ValidationErrors errors)
    {
        if (date is not { } value) return null;
        if (decision == DraftDecision.Reject)
            errors.Add("date", RefusalCode.DateOnRejection);
        else if (value.Year < reportYear)
            errors.Add("date", RefusalCode.DateBeforeYear, reportYear);
        else if (value > today)
            errors.Add("date", RefusalCode.DateAfterToday, today);
        else return value;
        return null;
    }
}
