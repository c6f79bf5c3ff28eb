using Reporting.Core.Access;
using Reporting.Functions.Wording;

namespace Reporting.Functions.ReadModels;

/// <summary>The JSON shape of a membership: codes for programs, Chinese names for people; the ETag to send back as If-Match.</summary>
public sealed record MemberJson(string UserId, string Role, string RoleName, string? Department, string? DepartmentName, string Source, string? ETag)
{
    /// <summary>Where reminders and 催报 reach this member; null when none was set.</summary>
    public string? Email { get; init; }

    public static MemberJson From(MemberView view) =>
        new(view.UserId, view.Role, RoleWords.NameOfCode(view.Role), view.Department, view.DepartmentName, view.Source, view.ETag) { Email = view.Email };
}
