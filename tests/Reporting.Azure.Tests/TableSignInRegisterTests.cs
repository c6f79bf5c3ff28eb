using Reporting.Azure.Tables;
using Reporting.Core.Access;
using Reporting.TestSupport;
using Xunit;

namespace Reporting.Azure.Tests;

/// <summary>The signins table in Azurite: a row per person, the newest write wins, a missing table is made on first write and reads as empty.</summary>
[Collection(AzuriteCollection.Name)]
public class TableSignInRegisterTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task A_person_is_kept_once_with_the_newest_name_and_time()
    {
        var clients = await azurite.CreateIsolatedClientsAsync();
        var register = new TableSignInRegister(clients);
        var at = new DateTimeOffset(2026, 12, 7, 9, 30, 0, TimeSpan.Zero);

        await register.SaveAsync(new SignedInPerson("6f1c2d3e-0000-4000-8000-00000000abcd", "张三", at));
        await register.SaveAsync(new SignedInPerson("6f1c2d3e-0000-4000-8000-00000000abcd", "张三丰", at.AddDays(1)));
        await register.SaveAsync(new SignedInPerson("li4", "李四", at));

        var everyone = (await register.ListAsync(10)).OrderBy(p => p.UserId, StringComparer.Ordinal).ToList();
        Assert.Equal([new SignedInPerson("6f1c2d3e-0000-4000-8000-00000000abcd", "张三丰", at.AddDays(1)), new SignedInPerson("li4", "李四", at)], everyone);
        Assert.Single(await register.ListAsync(1));
    }

    [Fact]
    public async Task A_deployment_without_the_table_reads_nobody_and_makes_it_on_the_first_sign_in()
    {
        var clients = await azurite.CreateIsolatedClientsAsync();
        await clients.Table(clients.Options.SignInsTable).DeleteAsync();
        var register = new TableSignInRegister(clients);

        Assert.Empty(await register.ListAsync(10));
        await register.SaveAsync(new SignedInPerson("wang5", "王五", DateTimeOffset.UnixEpoch));
        Assert.Equal("王五", Assert.Single(await register.ListAsync(10)).Name);
    }
}
