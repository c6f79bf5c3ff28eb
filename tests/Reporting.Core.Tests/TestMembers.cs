using Reporting.Core.Access;
using Reporting.Core.Directory;

namespace Reporting.Core.Tests;

/// <summary>The configured people the tests act as: per department an author and two approvers (four-eyes), and the district office.</summary>
public static class TestMembers
{
    public static IEnumerable<Membership> For(DistrictDirectory directory) =>
        directory.Departments.SelectMany(d => new Membership[]
        {
            new($"{d.Code}-author", MemberRole.Author, d.Code),
            new($"{d.Code}-approver", MemberRole.Approver, d.Code),
            new($"{d.Code}-approver2", MemberRole.Approver, d.Code),
        }).Concat([new("office", MemberRole.Office, null), new("office-admin", MemberRole.OfficeAdmin, null)]);
}
