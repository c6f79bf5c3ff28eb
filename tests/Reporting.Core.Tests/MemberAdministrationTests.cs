using Reporting.Core.Access;
using Reporting.Core.Errors;
using Reporting.Core.Workflow;
using Xunit;

namespace Reporting.Core.Tests;

public class MemberAdministrationTests
{
    private readonly TestWorld _world = new();
    private static readonly Caller Admin = new("office-admin", "区法治办管理员");

    private MemberAdministration Members => new(_world.Access, _world.Members, new ConfiguredMembers(TestMembers.For(_world.Directory)),
        _world.Directory, _world.Audit, _world.Clock);

    [Fact]
    public async Task An_admin_adds_changes_and_removes_a_member_and_each_change_is_audited()
    {
        var added = await Members.PutAsync("wang5", "author", "kgj", Admin);
        Assert.Equal(("author", "魏都区科学技术和工业信息化局"), (added.Role, added.DepartmentName));
        await Members.PutAsync("wang5", "approver", "kgj", Admin);
        Assert.Equal("approver", (await Members.GetAsync("wang5", Admin)).Role);
        await Members.DeleteAsync("wang5", Admin);

        var gone = await Assert.ThrowsAsync<ReportingException>(() => Members.GetAsync("wang5", Admin));
        Assert.Equal(ProblemKind.NotFound, gone.Kind);
        Assert.Equal(["member.saved", "member.saved", "member.deleted"], _world.Audit.Entries.Select(e => e.Action));
        Assert.All(_world.Audit.Entries, e => Assert.Equal(Admin, e.Actor));
    }

    [Theory]
    [InlineData("wang5", "boss", "kgj", "role")]
    [InlineData("wang5", "author", null, "department")]
    [InlineData("wang5", "author", "nosuch", "department")]
    [InlineData("wang5", "office", "kgj", "department")]
    [InlineData("王五", "author", "kgj", "userId")]
    public async Task A_bad_membership_is_refused_in_chinese_and_nothing_is_stored(string userId, string role, string? department, string field)
    {
        var e = await Assert.ThrowsAsync<ReportingException>(() => Members.PutAsync(userId, role, department, Admin));

        Assert.Equal(ProblemKind.Validation, e.Kind);
        Assert.Contains(Assert.Single(e.Errors[field]).Code, RefusalCodes.All);
        Assert.Empty(await _world.Members.ListAsync());
    }

    [Fact]
    public async Task A_change_based_on_a_stale_read_is_a_conflict_and_the_newer_change_stays()
    {
        var first = await Members.PutAsync("wang5", "author", "kgj", Admin);
        await Members.PutAsync("wang5", "approver", "kgj", Admin, ifMatch: first.ETag);

        var e = await Assert.ThrowsAsync<ReportingException>(() => Members.PutAsync("wang5", "office", null, Admin, ifMatch: first.ETag));

        Assert.Equal(ProblemKind.Conflict, e.Kind);
        Assert.Equal("approver", (await Members.GetAsync("wang5", Admin)).Role);
    }

    [Fact]
    public async Task Nobody_but_an_office_admin_manages_members()
    {
        var e = await Assert.ThrowsAsync<ReportingException>(() => Members.PutAsync("wang5", "office-admin", null, TestWorld.Office));

        Assert.Equal(ProblemKind.Forbidden, e.Kind);
        Assert.Empty(await _world.Members.ListAsync());
    }
}
