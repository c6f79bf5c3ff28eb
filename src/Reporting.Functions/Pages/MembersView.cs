using Microsoft.AspNetCore.Http;
using Reporting.Core.Access;

namespace Reporting.Functions.Pages;

/// <summary>
/// What 成员管理 is showing, as its GET parameters say and every link and form of the page passes on: the year the page
/// was reached from (for the navigation), and the list's filter by department (a code, or <see cref="NoDepartment"/> for
/// the district office's roles) and role (a role code). Anything else in them is ignored, not refused: a filter that
/// cannot match shows no rows.
/// </summary>
public sealed record MembersView(int? Year, string? Department, string? Role)
{
    /// <summary>The department filter's value for members of no department (the district office's roles).</summary>
    public const string NoDepartment = "none";

    public bool Filtered => Department is not null || Role is not null;

    public static MembersView From(IQueryCollection query) => new(
        int.TryParse(query["year"].ToString(), out var year) && year is >= 2000 and <= 2999 ? year : null,
        Value(query["department"].ToString()),
        Value(query["role"].ToString()));

    public bool Shows(MemberView member) =>
        (Department is null || (Department == NoDepartment ? member.Department is null : member.Department == Department))
        && (Role is null || member.Role == Role);

    /// <summary>The parameters that keep this view, followed by <paramref name="more"/>.</summary>
    public (string Name, string? Value)[] Query(params (string Name, string? Value)[] more) =>
        [("year", Year?.ToString()), ("department", Department), ("role", Role), .. more];

    /// <summary>The same without the filter (清除筛选).</summary>
    public MembersView Unfiltered => this with { Department = null, Role = null };

    /// <summary>A department or role code as the page's own selects send one; anything else is no filter.</summary>
    private static string? Value(string text) =>
        text.Trim() is { Length: > 0 and <= 32 } value && value.All(c => char.IsAsciiLetterOrDigit(c) || c == '-') ? value : null;
}
