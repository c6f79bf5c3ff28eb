using Reporting.Core.Directory;
using Reporting.Core.Drafts;
using Reporting.Core.Errors;
using Reporting.Core.Templates;

namespace Reporting.Functions.Requests;

/// <summary>
/// Reads a draft submission (year, department, section and the text, from the form, JSON or an uploaded file) into Core's typed
/// <see cref="SubmitDraftCommand"/>. Malformed fields are refused here, every one at once (400); whether the caller may write for the
/// department, and whether the text may stand, is Core's to say.
/// </summary>
public static class SubmitDraftBinder
{
    /// <param name="submissionId">the post's one-time id (a form's hidden field, a client's field or Idempotency-Key); blank: none.</param>
    public static SubmitDraftCommand Bind(string? year, string? department, string? section, string? body, DistrictDirectory directory,
        string? submissionId = null)
    {
        var errors = new ValidationErrors();
        var key = ReportKeyBinder.Bind(year, department, directory, errors);
        var part = Section(section, errors);
        if (string.IsNullOrWhiteSpace(body)) errors.Add("body", RefusalCode.BodyEmpty);
        errors.ThrowIfAny();
        return new SubmitDraftCommand(key, part!, body!, string.IsNullOrWhiteSpace(submissionId) ? null : submissionId.Trim());
    }

    private static ReportSection? Section(string? section, ValidationErrors errors)
    {
        if (string.IsNullOrWhiteSpace(section)) { errors.Add("section", RefusalCode.SectionMissing); return null; }
        var found = ReportTemplate.Find(section.Trim());
        if (found is null)
            errors.Add("section", RefusalCode.SectionUnknownChoices, Shorten(section), ReportTemplate.Sections.Select(s => s.Key).ToList());
        return found;
    }

    private static string Shorten(string text) => text.Length <= 20 ? text : text[..20] + "…";
}
