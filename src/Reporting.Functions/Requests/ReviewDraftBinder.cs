using System.Globalization;
using Reporting.Core.Directory;
using Reporting.Core.Drafts;
using Reporting.Core.Errors;

namespace Reporting.Functions.Requests;

/// <summary>
/// Reads an approval (the draft's route, the decision, comment and 成文日期 fields) into Core's typed <see cref="ReviewDraftCommand"/>.
/// Malformed input is refused here, every bad field at once (400); whether the caller may decide, and what the decision may
/// be, is Core's to say.
/// </summary>
public static class ReviewDraftBinder
{
    public const string DateFormat = "yyyy-MM-dd";

    public static ReviewDraftCommand Bind(string? year, string? department, string? section, string? version,
        string? decision, string? comment, string? date, DistrictDirectory directory)
    {
        var errors = new ValidationErrors();
        var (key, part, number) = DraftLocator.Parse(year, department, section, version, directory, errors);
        var parsed = Decision(decision);
        if (parsed is null) errors.Add("decision", RefusalCode.DecisionUnknown);
        var dated = Date(date, key.Year, errors);
        errors.ThrowIfAny();
        return new ReviewDraftCommand(key, part, number, parsed!.Value, comment, dated);
    }

    /// <summary>The decision as forms and scripts send it: approve/reject, their past participles, or the buttons' 通过/退回.</summary>
    public static DraftDecision? Decision(string? value) => value?.Trim().ToLowerInvariant() switch
    {
        "approve" or "approved" or "通过" => DraftDecision.Approve,
        "reject" or "rejected" or "退回" => DraftDecision.Reject,
        _ => null,
    };

    /// <summary>The optional 成文日期 (yyyy-MM-dd); the example in the refusal is a January day of the year after the report's.</summary>
    private static DateOnly? Date(string? text, int reportYear, ValidationErrors errors)
    {
        var value = text?.Trim();
        if (string.IsNullOrEmpty(value)) return null;
        if (DateOnly.TryParseExact(value, DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)) return date;
        // A report year that is itself refused gives no example to offer; its own error is enough.
        if (!errors.Has("year")) errors.Add("date", RefusalCode.DateMalformed, reportYear);
        return null;
    }
}
