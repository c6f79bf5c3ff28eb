using Reporting.Core.Access;
using Reporting.Core.Errors;
using Reporting.Core.Tests;
using Reporting.Functions.Requests;
using Xunit;

namespace Reporting.Functions.Tests;

/// <summary>The HTTP edge reads a member's id and a membership into Core's typed values and refuses malformed ones itself.</summary>
public class MemberBinderTests
{
    private readonly TestWorld _world = new();

    private ReportingException Refused(string? userId, string? role, string? department, string? email = null, string? ifMatch = null) =>
        Assert.Throws<ReportingException>(() => MemberBinder.Put(userId, role, department, email, ifMatch, _world.Directory));

    [Fact]
    public void A_well_formed_membership_becomes_a_typed_command_trimmed_and_with_its_etag()
    {
        var command = MemberBinder.Put("wang5", " approver ", " kgj ", " wang5@example.org ", "W/\"1\"", _world.Directory);

        Assert.Equal(new PutMemberCommand(new MemberId("wang5"), MemberRole.Approver, "kgj", "wang5@example.org", "W/\"1\""), command);
    }

    [Fact]
    public void A_district_office_role_carries_no_department_and_an_empty_if_match_replaces_whatever_is_there()
    {
        var command = MemberBinder.Put("wang5", "office-admin", "  ", "", "  ", _world.Directory);

        Assert.Equal((MemberRole.OfficeAdmin, null, null, null), (command.Role, command.Department, command.Email, command.IfMatch));
    }

    [Theory]
    [InlineData("wang5", "boss", "kgj", "role", RefusalCode.RoleUnknown)]
    [InlineData("wang5", "author", null, "department", RefusalCode.MemberNeedsDepartment)]
    [InlineData("wang5", "author", "nosuch", "department", RefusalCode.DepartmentUnknown)]
    [InlineData("wang5", "office", "kgj", "department", RefusalCode.OfficeRoleWithDepartment)]
    [InlineData("王五", "author", "kgj", "userId", RefusalCode.UserIdMalformed)]
    [InlineData("probe-lf\n", "author", "kgj", "userId", RefusalCode.UserIdMalformed)]
    public void A_bad_membership_is_refused_naming_the_field_with_its_code(string userId, string role, string? department, string field, string code)
    {
        var e = Refused(userId, role, department);

        Assert.Equal(ProblemKind.Validation, e.Kind);
        Assert.Equal(code, Assert.Single(e.Errors[field]).Code);
    }

    [Fact]
    public void Every_bad_field_is_refused_at_once_and_a_malformed_if_match_only_after_them()
    {
        Assert.Equal(["email", "role", "userId"], Refused("王五", "boss", null, "Wang <wang5@example.org>", "nonsense").Errors.Keys.Order());

        var etag = Refused("wang5", "office", null, ifMatch: "nonsense");
        Assert.Equal(Refusal.Of(RefusalCode.ETagMalformed), Assert.Single(etag.Errors["etag"]));
    }

    [Theory]
    [InlineData("kgj-author", true)]
    [InlineData("probe-lf\n", false)]
    [InlineData("../etc", false)]
    [InlineData(null, false)]
    public void A_member_id_from_the_route_is_bound_or_refused_as_malformed(string? userId, bool bound)
    {
        if (bound) Assert.Equal(userId, MemberBinder.Id(userId).Value);
        else Assert.Equal(RefusalCode.UserIdMalformed, Assert.Single(Assert.Throws<ReportingException>(() => MemberBinder.Id(userId)).Errors["userId"]).Code);
    }
}
