using System.Text.RegularExpressions;

namespace Reporting.Core.Access;

/// <summary>
/// One person's place: a department and a role in it (author, approver), or a district-office role (office, office-admin).
/// A user has at most one membership.
/// </summary>
public sealed partial record Membership(string UserId, MemberRole Role, string? Department, string? ETag = null)
{
    /// <summary>Where the calendar's reminders and 催报 reach this person (optional; the sign-in knows none of it).</summary>
    public string? Email { get; init; }

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
}
