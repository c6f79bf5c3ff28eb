using Reporting.Azure.Tables;
using Reporting.Core.Calendar;
using Reporting.Core.YearEnd;
using Reporting.TestSupport;
using Xunit;

namespace Reporting.Azure.Tests;

/// <summary>The chase records and the queued year-end runs over Azurite: inserted once, replaced only under the ETag they were read with.</summary>
[Collection(AzuriteCollection.Name)]
public class TableChaseAndYearEndRunTests(AzuriteFixture azurite)
{
    private static readonly DateTimeOffset T0 = new(2025, 2, 20, 9, 30, 0, TimeSpan.FromHours(8));

    [Fact]
    public async Task A_chase_record_is_inserted_once_replaced_under_its_etag_and_listed_by_year()
    {
        var chases = new TableChaseRecordRepository(await azurite.CreateIsolatedClientsAsync());
        Assert.Empty(await chases.ListAsync(2024));
        var first = new ChaseRecord(2024, "kgj", new DateOnly(2025, 2, 20), T0, "office", "区法治办工作人员", "a1b2c3d4e5");

        var saved = await chases.TrySaveAsync(first);
        var twice = await chases.TrySaveAsync(first with { FormId = "f0f0f0f0f0" });
        var next = await chases.TrySaveAsync(saved! with { Day = new DateOnly(2025, 2, 21), At = T0.AddDays(1), ChasedByName = "区法治办管理员" });
        var stale = await chases.TrySaveAsync(saved with { FormId = "b2b2b2b2b2" });
        await chases.TrySaveAsync(first with { Department = "sfj" });

        Assert.NotNull(next);
        Assert.Null(twice);
        Assert.Null(stale);
        var kgj = await chases.GetAsync(2024, "kgj");
        Assert.Equal((new DateOnly(2025, 2, 21), T0.AddDays(1), "区法治办管理员", "a1b2c3d4e5", next!.ETag),
            (kgj!.Day, kgj.At, kgj.ChasedByName, kgj.FormId, kgj.ETag));
        Assert.Equal(["kgj", "sfj"], (await chases.ListAsync(2024)).Select(c => c.Department).Order());
        Assert.Empty(await chases.ListAsync(2023));
    }

    [Fact]
    public async Task A_year_end_run_round_trips_and_a_stale_etag_changes_nothing()
    {
        var runs = new TableYearEndRequestRepository(await azurite.CreateIsolatedClientsAsync());
        var queued = await runs.TrySaveAsync(new YearEndRequest(2024, "a1b2c3d4", "office", "区法治办工作人员", T0));
        Assert.Null(await runs.TrySaveAsync(new YearEndRequest(2024, "a1b2c3d4", "office-admin", "区法治办管理员", T0)));

        var done = await runs.TrySaveAsync(queued! with
        {
            State = YearEndState.Done,
            StartedAt = T0.AddSeconds(1),
            FinishedAt = T0.AddSeconds(9),
            Attempts = 1,
            Outcome = "created",
            VolumeVersion = 2,
            PageCount = 31,
            AssembledNow = ["kgj", "sfj"],
            ElapsedMilliseconds = 8000.5,
        });
        Assert.Null(await runs.TrySaveAsync(queued with { State = YearEndState.Failed }));

        var stored = await runs.GetAsync(2024, "a1b2c3d4");
        Assert.Equal((YearEndState.Done, "created", 2, 31, 1, 8000.5, T0.AddSeconds(9)),
            (stored!.State, stored.Outcome, stored.VolumeVersion, stored.PageCount, stored.Attempts, stored.ElapsedMilliseconds, stored.FinishedAt));
        Assert.Equal(["kgj", "sfj"], stored.AssembledNow);
        Assert.Equal(("office", "区法治办工作人员", T0, done!.ETag), (stored.RequestedBy, stored.RequestedByName, stored.RequestedAt, stored.ETag));
        Assert.Null(await runs.GetAsync(2024, "b2c3d4e5"));
    }
}
