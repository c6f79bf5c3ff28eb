using Reporting.Azure.Tables;
using Reporting.Core.Access;
using Reporting.Core.Errors;
using Reporting.TestSupport;
using Xunit;

namespace Reporting.Azure.Tests;

[Collection(AzuriteCollection.Name)]
public class TableMemberRepositoryTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task A_membership_is_stored_replaced_listed_and_deleted_and_a_stale_etag_is_a_conflict()
    {
        var members = new TableMemberRepository(await azurite.CreateIsolatedClientsAsync());
        const string oid = "6f1c2d3e-0000-4000-8000-00000000abcd";

        Assert.Null(await members.GetAsync(oid));
        var first = await members.SaveAsync(new Membership(oid, MemberRole.Author, "kgj"));
        var second = await members.SaveAsync(new Membership(oid, MemberRole.Approver, "kgj"));
        await members.SaveAsync(new Membership("office-1", MemberRole.Office, null));

        var read = (await members.GetAsync(oid))!;
        Assert.Equal((MemberRole.Approver, "kgj", second.ETag), (read.Role, read.Department, read.ETag));
        Assert.Equal([oid, "office-1"], (await members.ListAsync()).Select(m => m.UserId).Order());
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => members.SaveAsync(first with { Role = MemberRole.Author }));
        Assert.Equal(MemberRole.Approver, (await members.GetAsync(oid))!.Role);

        // A removal confirmed against an ETag the row no longer has removes nothing.
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => members.DeleteAsync(oid, first.ETag));
        Assert.NotNull(await members.GetAsync(oid));
        Assert.True(await members.DeleteAsync(oid, second.ETag));
        Assert.False(await members.DeleteAsync(oid, second.ETag));
        Assert.False(await members.DeleteAsync(oid));
        Assert.Null(await members.GetAsync(oid));
    }

    [Fact]
    public async Task A_membership_keeps_its_email_address_and_one_without_stays_without()
    {
        var members = new TableMemberRepository(await azurite.CreateIsolatedClientsAsync());

        await members.SaveAsync(new Membership("kgj-author", MemberRole.Author, "kgj") { Email = "zhang.san@kgj.weidu.gov.cn" });
        await members.SaveAsync(new Membership("kgj-approver", MemberRole.Approver, "kgj"));

        Assert.Equal("zhang.san@kgj.weidu.gov.cn", (await members.GetAsync("kgj-author"))!.Email);
        Assert.Null((await members.GetAsync("kgj-approver"))!.Email);
    }
}
