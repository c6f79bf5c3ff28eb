using Reporting.Azure.Tables;
using Reporting.Core.Errors;
using Reporting.Core.Reports;
using Reporting.TestSupport;
using Xunit;

namespace Reporting.Azure.Tests;

[Collection(AzuriteCollection.Name)]
public class TableVolumeLedgerRepositoryTests(AzuriteFixture azurite)
{
    private static readonly DateTimeOffset T0 = new(2024, 1, 1, 0, 5, 0, TimeSpan.FromHours(8));

    [Fact]
    public async Task A_ledger_round_trips_with_its_volumes_and_a_stale_etag_is_a_conflict()
    {
        var ledgers = new TableVolumeLedgerRepository(await azurite.CreateIsolatedClientsAsync());
        Assert.Null((await ledgers.GetAsync(2023)).ETag);
        var ledger = new VolumeLedger(2023);
        ledger.Claim("f1", new Dictionary<string, int> { ["kgj"] = 2 }, new Dictionary<string, string[]> { ["sfj"] = ["duty", "plans"] }, T0);
        ledger.MarkStored(1, "reports/2023/volume/2023-volume-v1.pdf", "aa", 31, T0.AddMinutes(1));
        await ledgers.SaveAsync(ledger);

        var first = await ledgers.GetAsync(2023);
        var second = await ledgers.GetAsync(2023);
        var v1 = Assert.Single(first.Volumes);
        Assert.Equal(("f1", 2, 31, T0), (v1.Fingerprint, v1.Reports["kgj"], v1.PageCount, v1.ClaimedAt));
        Assert.Equal(["duty", "plans"], v1.Missing["sfj"]);
        first.MarkNotified(1, T0.AddMinutes(2));
        await ledgers.SaveAsync(first);
        second.Claim("f2", new Dictionary<string, int>(), new Dictionary<string, string[]>(), T0.AddMinutes(3));

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => ledgers.SaveAsync(second));
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => ledgers.SaveAsync(new VolumeLedger(2023)));
        Assert.Equal(T0.AddMinutes(2), Assert.Single((await ledgers.GetAsync(2023)).Volumes).NotifiedAt);
    }
}
