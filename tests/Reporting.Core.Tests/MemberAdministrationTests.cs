using Reporting.Core.Access;
using Reporting.Core.Errors;
using Xunit;

namespace Reporting.Core.Tests;

public class MemberAdministrationTests
{
    private readonly TestWorld _world = new();
    private static readonly Caller Admin = new("office-admin", "区法治办管理员");

    private static readonly MemberId Wang5 = new("wang5");

    private static PutMemberCommand Put(MemberRole role, string? department, string? ifMatch = null) => new(Wang5, role, department, IfMatch: ifMatch);

    private MemberAdministration Members => new(_world.Access, _world.Members, new ConfiguredMembers(TestMembers.For(_world.Directory)),
        _world.Directory, _world.Audit, _world.Clock);

    [Fact]
    public async Task An_admin_adds_changes_and_removes_a_member_and_each_change_is_audited()
    {
        var added = await Members.PutAsync(Put(MemberRole.Author, "kgj"), Admin);
        Assert.Equal(("author", "魏都区科学技术和工业信息化局"), (added.Role, added.DepartmentName));
        await Members.PutAsync(Put(MemberRole.Approver, "kgj"), Admin);
        Assert.Equal("approver", (await Members.GetAsync(Wang5, Admin)).Role);
        await Members.DeleteAsync(Wang5, Admin);

        var gone = await Assert.ThrowsAsync<ReportingException>(() => Members.GetAsync(Wang5, Admin));
        Assert.Equal(ProblemKind.NotFound, gone.Kind);
        Assert.Equal(["member.saved", "member.saved", "member.deleted"], _world.Audit.Entries.Select(e => e.Action));
        Assert.All(_world.Audit.Entries, e => Assert.Equal(Admin, e.Actor));
    }

    [Fact]
    public async Task A_change_based_on_a_stale_read_is_a_conflict_and_the_newer_change_stays()
    {
        var first = await Members.PutAsync(Put(MemberRole.Author, "kgj"), Admin);
        await Members.PutAsync(Put(MemberRole.Approver, "kgj", first.ETag), Admin);

        var e = await Assert.ThrowsAsync<ReportingException>(() => Members.PutAsync(Put(MemberRole.Office, null, first.ETag), Admin));

        Assert.Equal(ProblemKind.Conflict, e.Kind);
        Assert.Equal("approver", (await Members.GetAsync(Wang5, Admin)).Role);
    }

    [Fact]
    public async Task A_removal_confirmed_against_a_stale_read_is_a_conflict_and_a_second_one_finds_nothing_to_remove()
    {
        var shown = await Members.PutAsync(Put(MemberRole.Author, "kgj"), Admin);
        var current = await Members.PutAsync(Put(MemberRole.Approver, "kgj"), Admin);

        var stale = await Assert.ThrowsAsync<ReportingException>(() => Members.DeleteAsync(Wang5, Admin, ifMatch: shown.ETag));
        Assert.Equal(ProblemKind.Conflict, stale.Kind);
        Assert.Equal("approver", (await Members.GetAsync(Wang5, Admin)).Role);

        await Members.DeleteAsync(Wang5, Admin, ifMatch: current.ETag);
        var again = await Assert.ThrowsAsync<ReportingException>(() => Members.DeleteAsync(Wang5, Admin, ifMatch: current.ETag));
        Assert.Equal(RefusalCode.MemberNotFound, again.Refusal.Code);
        Assert.Single(_world.Audit.Entries, e => e.Action == "member.deleted");
    }

    [Fact]
    public async Task Nobody_but_an_office_admin_manages_members()
    {
        var e = await Assert.ThrowsAsync<ReportingException>(() => Members.PutAsync(Put(MemberRole.OfficeAdmin, null), TestWorld.Office));

        Assert.Equal(ProblemKind.Forbidden, e.Kind);
        Assert.Empty(await _world.Members.ListAsync());
    }
}
