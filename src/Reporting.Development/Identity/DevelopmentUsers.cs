using Reporting.Core.Access;
using Reporting.Core.Directory;

namespace Reporting.Development.Identity;

/// <summary>
/// The people of the local development sign-in, made from the directory file: per department an author, an
/// approver and a second approver (four-eyes needs two), plus the district office's staff and administrator.
/// Used only with the development sign-in (local host); Azure has real people.
/// </summary>
public static class DevelopmentUsers
{
    public sealed record User(string Id, string Name, Membership Member);

    public static IReadOnlyList<User> For(DistrictDirectory directory)
    {
        var users = new List<User>();
        foreach (var d in directory.Departments)
        {
            var name = ShortName(directory, d);
            users.Add(new($"{d.Code}-author", name + "起草人", new($"{d.Code}-author", MemberRole.Author, d.Code)));
            users.Add(new($"{d.Code}-approver", name + "审核人", new($"{d.Code}-approver", MemberRole.Approver, d.Code)));
            users.Add(new($"{d.Code}-approver2", name + "审核人二", new($"{d.Code}-approver2", MemberRole.Approver, d.Code)));
        }
        users.Add(new("office", "区法治办工作人员", new("office", MemberRole.Office, null)));
        users.Add(new("office-admin", "区法治办管理员", new("office-admin", MemberRole.OfficeAdmin, null)));
        return users;
    }

    /// <summary>科工局 rather than 魏都区科学技术和工业信息化局: the short name without the district.</summary>
    private static string ShortName(DistrictDirectory directory, Department department)
    {
        var name = department.ShortName ?? department.Name;
        return name.StartsWith(directory.District, StringComparison.Ordinal) && name.Length > directory.District.Length ? name[directory.District.Length..]
            : name;
    }
}
