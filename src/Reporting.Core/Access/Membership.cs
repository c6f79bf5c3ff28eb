using System.Text.RegularExpressions;
using Reporting.Core.Directory;
using Reporting.Core.Errors;
using Reporting.Core.Reports;

namespace Reporting.Core.Access;

/// <summary>
/// One person's place: a department and a role in it (author, approver), or a district-office role (office, office-admin).
/// A user has at most one membership.
/// </summary>
public sealed partial record Membership(string UserId, MemberRole Role, string? Department, string? ETag = null)
{
    /// <summary>Where the calendar's reminders and 催报 reach this person (optional; the sign-in knows none of it).</summary>
    public string? Email { get; init; }

    /// <summary>A plain address (name@domain), as an administrator typed it; null when empty.</summary>
    public static string? ParseEmail(string? value, ValidationErrors errors)
    {
        var text = value?.Trim();
        if (string.IsNullOrEmpty(text)) return null;
        if (text.Length <= 254 && System.Net.Mail.MailAddress.TryCreate(text, out var parsed) && parsed.Address == text
            && parsed.DisplayName.Length == 0) return text;
        errors.Add("email", RefusalCode.EmailMalformed);
        return null;
    }

    public bool IsDepartmentRole => Role is MemberRole.Author or MemberRole.Approver;
    public bool IsOffice => Role is MemberRole.Office or MemberRole.OfficeAdmin;

    /// <summary>Entra object ids (GUIDs), development ids like kgj-author, e-mail-like names: nothing that needs escaping in a table key or a URL.</summary>
    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9._@-]{0,127}\z", RegexOptions.CultureInvariant)] // \z: "$" would also match before a final line feed
    private static partial Regex UserIdPattern();

    public static bool IsUserId(string? value) => value is not null && UserIdPattern().IsMatch(value);

    public static string Code(MemberRole role) => role switch
    {
        MemberRole.Author => "author",
        MemberRole.Approver => "approver",
        MemberRole.Office => "office",
        _ => "office-admin",
    };

    /// <summary>Validates a membership as an administrator sent it (user id from the route, role and department from the body).</summary>
    public static Membership Parse(string? userId, string? role, string? department, DistrictDirectory directory, string? email = null)
    {
        var errors = new ValidationErrors();
        var address = ParseEmail(email, errors);
        if (!IsUserId(userId)) errors.Add("userId", RefusalCode.UserIdMalformed);
        MemberRole? parsed = role?.Trim() switch
        {
            "author" => MemberRole.Author,
            "approver" => MemberRole.Approver,
            "office" => MemberRole.Office,
            "office-admin" => MemberRole.OfficeAdmin,
            _ => null,
        };
        if (parsed is null) errors.Add("role", RefusalCode.RoleUnknown);
        var code = string.IsNullOrWhiteSpace(department) ? null : department.Trim();
        if (parsed is MemberRole.Author or MemberRole.Approver)
        {
            if (code is null) errors.Add("department", RefusalCode.MemberNeedsDepartment);
            else if (!ReportKey.IsSlug(code) || directory.Find(code) is null)
                errors.Add("department", RefusalCode.DepartmentUnknown, code.Length > 20 ? code[..20] + "…" : code);
        }
        else if (parsed is not null && code is not null)
            errors.Add("department", RefusalCode.OfficeRoleWithDepartment);
        errors.ThrowIfAny();
        return new Membership(userId!, parsed!.Value, parsed is MemberRole.Author or MemberRole.Approver ? code : null) { Email = address };
    }
}
