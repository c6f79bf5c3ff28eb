using Reporting.Core.Drafts;
using Reporting.Core.Reports;
using Reporting.Core.Templates;

namespace Reporting.Core.Tests;

/// <summary>Typed review commands as the app layer binds them, from the values a test names.</summary>
public static class ReviewCommands
{
    public static ReviewDraftCommand For(string section, int version, DraftDecision decision, string? comment = null, string department = "kgj",
        int year = 2023, DateOnly? date = null) =>
        new(new ReportKey(year, department), ReportTemplate.Find(section)!, version, decision, comment, date);

    /// <summary>"approve" or "reject", as the tests name the two buttons.</summary>
    public static DraftDecision Decision(string name) => name switch
    {
        "approve" => DraftDecision.Approve,
        "reject" => DraftDecision.Reject,
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "a test names approve or reject"),
    };
}
