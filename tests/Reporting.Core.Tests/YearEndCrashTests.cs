using Reporting.Core.Access;
using Reporting.Core.ReportAssembly;
using Reporting.Core.Reports;
using Reporting.Core.YearEnd;
using Reporting.TestSupport;
using Xunit;

namespace Reporting.Core.Tests;

/// <summary>
/// Crashes during 年终汇编 heal: a claim is a one-minute lease renewed while its run lives, the run after a crash takes
/// it over once it lapses, no volume version stays "building", and no temporary file outlives its run.
/// </summary>
public sealed class YearEndCrashTests : IDisposable
{
    private readonly TestWorld _world = new() { Scratch = Path.Combine(Path.GetTempPath(), "reporting-core-tests-" + Guid.NewGuid().ToString("N")) };

    public void Dispose()
    {
        if (System.IO.Directory.Exists(_world.Scratch)) System.IO.Directory.Delete(_world.Scratch!, recursive: true);
    }

    private static readonly TimeSpan Lease = new ReportingOptions().YearEndClaimLifetime;

    private async Task<VolumeLedger> LedgerAsync() => await _world.Ledgers.GetAsync(2023);

    private IEnumerable<string> ScratchFiles => System.IO.Directory.Exists(_world.Scratch) ? System.IO.Directory.EnumerateFiles(_world.Scratch!) : [];

    /// <summary>A run that claims the next volume and dies while typesetting it: its claim stays in the ledger, nobody renews it.</summary>
    private async Task RunThatDiesAsync()
    {
        _world.Typesetter.WhileTypesettingVolume = () => throw new InvalidOperationException("the host died while typesetting");
        await Assert.ThrowsAsync<InvalidOperationException>(() => _world.YearEnd.RunAsync(2023, Caller.System));
        _world.Typesetter.WhileTypesettingVolume = null;
    }

    [Fact]
    public void The_year_end_claim_is_a_lease_of_one_minute()
    {
        Assert.Equal(TimeSpan.FromMinutes(1), Lease);
    }

    [Fact]
    public async Task A_run_that_died_holding_its_claim_is_taken_over_by_a_run_a_minute_later_which_finishes_and_tells_once()
    {
        await _world.CompleteReportAsync("kgj");
        await RunThatDiesAsync();
        Assert.True((await LedgerAsync()).Find(1)!.IsBuilding);
        Assert.Empty(ScratchFiles); // the dying run's own file went in its finally
        // What a killed process leaves behind: its finally never ran.
        File.WriteAllText(Path.Combine(_world.Scratch!, "volume-2023-v1-0123456789abcdef.pdf"), "%PDF- half a volume");

        _world.Clock.Advance(Lease / 2);
        var early = await _world.YearEnd.RunAsync(2023, Caller.System);
        Assert.Equal(("in-progress", 1), (early.Outcome, early.VolumeVersion));

        _world.Clock.Advance(Lease / 2 + TimeSpan.FromSeconds(1));
        var taken = await _world.YearEnd.RunAsync(2023, Caller.System);

        Assert.Equal(("created", 1), (taken.Outcome, taken.VolumeVersion));
        var ledger = await LedgerAsync();
        Assert.Equal([1], ledger.Volumes.Select(v => v.Version));
        Assert.True(ledger.Find(1)!.IsStored);
        Assert.NotNull(ledger.Find(1)!.NotifiedAt);
        Assert.Equal("2023-volume-v1", Assert.Single(_world.Sender.Sent).Key);
        Assert.Empty(ScratchFiles);
    }

    [Fact]
    public async Task After_a_second_crash_and_changed_content_the_dead_runs_version_is_abandoned_and_none_stays_building()
    {
        await _world.CompleteReportAsync("kgj");
        Assert.Equal("created", (await _world.YearEnd.RunAsync(2023, Caller.System)).Outcome);
        await _world.CompleteReportAsync("sfj");
        await RunThatDiesAsync(); // v2 claimed, never built
        await _world.CompleteReportAsync("czj");
        _world.Clock.Advance(Lease + TimeSpan.FromSeconds(1));

        var result = await _world.YearEnd.RunAsync(2023, Caller.System);

        Assert.Equal(("created", 3), (result.Outcome, result.VolumeVersion));
        var ledger = await LedgerAsync();
        Assert.Equal([(1, "stored"), (2, "abandoned"), (3, "stored")], ledger.Volumes.Select(v => (v.Version, State(v))));
        Assert.False(_world.Pdfs.Blobs.ContainsKey(YearEndRun.BlobName(2023, 2)));
        Assert.Equal(["2023-volume-v1", "2023-volume-v3"], _world.Sender.Sent.Select(n => n.Key));

        // Later runs leave the settled versions alone.
        _world.Clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal("unchanged", (await _world.YearEnd.RunAsync(2023, Caller.System)).Outcome);
        Assert.Equal([(1, "stored"), (2, "abandoned"), (3, "stored")], (await LedgerAsync()).Volumes.Select(v => (v.Version, State(v))));
        Assert.Empty(ScratchFiles);
    }

    [Fact]
    public async Task A_dead_runs_version_whose_pdf_was_stored_before_the_crash_is_settled_as_stored_from_that_pdf()
    {
        await _world.CompleteReportAsync("kgj");
        _world.Pdfs.AfterCreate = name =>
        {
            if (name == YearEndRun.BlobName(2023, 1)) throw new InvalidOperationException($"the host died right after storing {name}");
        };
        await Assert.ThrowsAsync<InvalidOperationException>(() => _world.YearEnd.RunAsync(2023, Caller.System));
        _world.Pdfs.AfterCreate = null;
        Assert.True((await LedgerAsync()).Find(1)!.IsBuilding);
        var pdf = await _world.Pdfs.FindAsync(YearEndRun.BlobName(2023, 1));
        await _world.CompleteReportAsync("sfj");
        _world.Clock.Advance(Lease + TimeSpan.FromSeconds(1));

        var result = await _world.YearEnd.RunAsync(2023, Caller.System);

        Assert.Equal(("created", 2), (result.Outcome, result.VolumeVersion));

        var first = (await LedgerAsync()).Find(1)!;
        Assert.Equal(("stored", pdf!.Sha256, pdf.PageCount), (State(first), first.Sha256, first.PageCount));
        // The OFD is stored before the PDF, so the version settled from its PDF has its twin too.
        Assert.NotNull(await _world.Pdfs.FindAsync(OfdTwin.Of(YearEndRun.BlobName(2023, 1))));
        Assert.Empty(ScratchFiles);
    }

    [Fact]
    public async Task A_dead_runs_version_with_only_its_ofd_stored_is_taken_over_and_stored_with_both_files_from_one_render()
    {
        await _world.CompleteReportAsync("kgj");
        var ofdName = OfdTwin.Of(YearEndRun.BlobName(2023, 1));
        _world.Pdfs.AfterCreate = name =>
        {
            if (name == ofdName) throw new InvalidOperationException($"the host died right after storing {name}");
        };
        await Assert.ThrowsAsync<InvalidOperationException>(() => _world.YearEnd.RunAsync(2023, Caller.System));
        _world.Pdfs.AfterCreate = null;
        var ofd = _world.Pdfs.Blobs[ofdName].Pdf;
        Assert.Null(await _world.Pdfs.FindAsync(YearEndRun.BlobName(2023, 1)));
        _world.Clock.Advance(Lease + TimeSpan.FromSeconds(1));

        var taken = await _world.YearEnd.RunAsync(2023, Caller.System);

        Assert.Equal(("created", 1), (taken.Outcome, taken.VolumeVersion));
        Assert.True((await LedgerAsync()).Find(1)!.IsStored);
        Assert.Same(ofd, _world.Pdfs.Blobs[ofdName].Pdf);
        Assert.Equal(2, _world.Typesetter.Volumes.Count);
        Assert.Equal("2023-volume-v1", Assert.Single(_world.Sender.Sent).Key);
        Assert.Empty(ScratchFiles);
    }

    [Fact]
    public async Task A_live_run_renews_its_claim_so_no_other_run_takes_it_over_however_long_it_typesets()
    {
        _world.Options.YearEndClaimLifetime = TimeSpan.FromSeconds(3); // renewed every second of real time
        await _world.CompleteReportAsync("kgj");
        using var release = new ManualResetEventSlim();
        _world.Typesetter.WhileTypesettingVolume = () => release.Wait(TimeSpan.FromMinutes(2));
        var running = Task.Run(() => _world.YearEnd.RunAsync(2023, Caller.System));
        try
        {
            await Eventually.HoldsAsync(() => Task.FromResult(!_world.Typesetter.Volumes.IsEmpty),
                TimeSpan.FromSeconds(30), "the run did not start typesetting");
            Assert.Equal([".ofd", ".pdf"], ScratchFiles.Select(Path.GetExtension).Order()); // the volume being typeset, in both formats

            var claimedAt = (await LedgerAsync()).Find(1)!.ClaimedAt;
            _world.Clock.Advance(TimeSpan.FromSeconds(2));
            await Eventually.HoldsAsync(async () => (await LedgerAsync()).Find(1)!.ClaimedAt > claimedAt, TimeSpan.FromSeconds(30),
                "the running run did not renew its claim");
            _world.Clock.Advance(TimeSpan.FromSeconds(2)); // past the first claim's lapse, within the renewed one

            var second = await _world.YearEnd.RunAsync(2023, Caller.System);
            Assert.Equal(("in-progress", 1), (second.Outcome, second.VolumeVersion));
        }
        finally
        {
            release.Set();
        }
        Assert.Equal(("created", 1), ((await running).Outcome, (await running).VolumeVersion));
        Assert.Single(_world.Typesetter.Volumes);
        Assert.Equal("2023-volume-v1", Assert.Single(_world.Sender.Sent).Key);
        Assert.Empty(ScratchFiles);
    }

    private static string State(VolumeVersion volume) => volume.IsStored ? "stored" : volume.IsAbandoned ? "abandoned" : "building";
}
