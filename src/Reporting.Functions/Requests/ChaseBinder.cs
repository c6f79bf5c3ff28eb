using System.Text.RegularExpressions;
using Reporting.Core.Calendar;
using Reporting.Core.Directory;
using Reporting.Core.Errors;
using Reporting.Core.Reports;

namespace Reporting.Functions.Requests;

/// <summary>
/// Reads a 催报 (the route's year and department, the form's one-time <c>id</c> and optional <c>message</c>) into Core's typed
/// <see cref="ChaseDepartmentCommand"/>, and 全部催报 (the same without a department) into <see cref="ChaseAllCommand"/>.
/// Malformed fields are refused here, every one at once (400); whether the caller may chase, and whether the department
/// still lacks anything, is Core's to say.
/// </summary>
public static partial class ChaseBinder
{
    /// <summary>Longest 催报 message the office may add.</summary>
    public const int MaxNoteLength = 500;

    [GeneratedRegex(@"^[A-Za-z0-9]{8,64}\z", RegexOptions.CultureInvariant)] // \z: "$" would also match before a final line feed
    private static partial Regex FormIdPattern();

    public static ChaseDepartmentCommand Bind(int year, string? department, string? id, string? note, DistrictDirectory directory)
    {
        var errors = new ValidationErrors();
        if (!ReportKey.IsSlug(department) || directory.Find(department!) is null) errors.Add("department", RefusalCode.ChaseDepartmentUnknown);
        var (formId, text) = Fields(errors, id, note);
        errors.ThrowIfAny();
        return new ChaseDepartmentCommand(new ReportKey(year, department!), formId!, text);
    }

    public static ChaseAllCommand BindAll(int year, string? id, string? note)
    {
        var errors = new ValidationErrors();
        var (formId, text) = Fields(errors, id, note);
        errors.ThrowIfAny();
        return new ChaseAllCommand(year, formId!, text);
    }

    /// <summary>The form's id and the office's words, each refusal added to <paramref name="errors"/>.</summary>
    private static (string? FormId, string? Note) Fields(ValidationErrors errors, string? id, string? note)
    {
        var formId = id?.Trim();
        if (formId is null || !FormIdPattern().IsMatch(formId)) errors.Add("id", RefusalCode.ChaseIdMalformed);
        var text = string.IsNullOrWhiteSpace(note) ? null : note.Trim().ReplaceLineEndings("\n");
        if (text is { Length: > MaxNoteLength }) errors.Add("message", RefusalCode.ChaseNoteTooLong, MaxNoteLength);
        if (text is not null && text.Any(c => char.IsControl(c) && c != '\n')) errors.Add("message", RefusalCode.ChaseNoteHasControl);
        return (formId, text);
    }
}
