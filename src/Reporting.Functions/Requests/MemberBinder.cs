using Reporting.Core.Access;
using Reporting.Core.Directory;
using Reporting.Core.Errors;
using Reporting.Core.Reports;

namespace Reporting.Functions.Requests;

/// <summary>
/// Reads a member's id (route) and a membership as an administrator sent it (role, department, e-mail, If-Match) into Core's typed
/// <see cref="MemberId"/> and <see cref="PutMemberCommand"/>. Malformed fields are refused here, every one at once (400), then a
/// malformed If-Match; whether the caller may manage members, and whether the change still applies, is Core's to say.
/// </summary>
public static class MemberBinder
{
    public static MemberId Id(string? userId) =>
        Membership.IsUserId(userId) ? new MemberId(userId!) : throw ReportingException.Invalid("userId", RefusalCode.UserIdMalformed);

    public static PutMemberCommand Put(string? userId, string? role, string? department, string? email, string? ifMatch, DistrictDirectory directory)
    {
        var errors = new ValidationErrors();
        var address = Email(email, errors);
        if (!Membership.IsUserId(userId)) errors.Add("userId", RefusalCode.UserIdMalformed);
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
        var departmentRole = parsed is MemberRole.Author or MemberRole.Approver;
        if (departmentRole)
        {
            if (code is null) errors.Add("department", RefusalCode.MemberNeedsDepartment);
            else if (!ReportKey.IsSlug(code) || directory.Find(code) is null)
                errors.Add("department", RefusalCode.DepartmentUnknown, code.Length > 20 ? code[..20] + "…" : code);
        }
        else if (parsed is not null && code is not null)
            errors.Add("department", RefusalCode.OfficeRoleWithDepartment);
        errors.ThrowIfAny();
        return new PutMemberCommand(new MemberId(userId!), parsed!.Value, departmentRole ? code : null, address, ETag(ifMatch));
    }

    /// <summary>A plain address (name@domain), as an administrator typed it; null when empty.</summary>
    private static string? Email(string? value, ValidationErrors errors)
    {
        var text = value?.Trim();
        if (string.IsNullOrEmpty(text)) return null;
        if (text.Length <= 254 && System.Net.Mail.MailAddress.TryCreate(text, out var parsed) && parsed.Address == text
            && parsed.DisplayName.Length == 0) return text;
        errors.Add("email", RefusalCode.EmailMalformed);
        return null;
    }

    /// <summary>
    /// An entity tag as HTTP writes one (RFC 9110: optional W/, then a quoted string of visible characters), or null. Anything
    /// else cannot be a tag this app handed out, and storage would refuse it as malformed rather than as stale.
    /// </summary>
    public static string? ETag(string? ifMatch)
    {
        var tag = ifMatch?.Trim();
        if (string.IsNullOrEmpty(tag)) return null;
        var quoted = tag.StartsWith("W/", StringComparison.Ordinal) ? tag[2..] : tag;
        return quoted.Length >= 3 && quoted[0] == '"' && quoted[^1] == '"' && quoted[1..^1].All(c => c is > ' ' and <= '~' and not '"')
            ? tag
            : throw ReportingException.Invalid("etag", RefusalCode.ETagMalformed);
    }
}
