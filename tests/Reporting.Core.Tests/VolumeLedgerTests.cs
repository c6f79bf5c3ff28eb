using Reporting.Core.Reports;
using Xunit;

namespace Reporting.Core.Tests;

public class VolumeLedgerTests
{
    private static readonly DateTimeOffset T0 = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(15);

    private static VolumeLedger WithClaim(string fingerprint = "f1")
    {
        var ledger = new VolumeLedger(2023);
        ledger.Claim(fingerprint, new Dictionary<string, int> { ["kgj"] = 1 }, new Dictionary<string, string[]> { ["sfj"] = ["duty"] }, T0);
        return ledger;
    }

    [Fact]
    public void A_year_without_volumes_claims_version_1()
    {
        var ledger = new VolumeLedger(2023);

        Assert.Equal(VolumeDecision.ClaimNew, ledger.Decide("f1", T0, Lifetime));
        Assert.Equal(1, ledger.Claim("f1", new Dictionary<string, int>(), new Dictionary<string, string[]>(), T0).Version);
    }

    [Fact]
    public void A_live_claim_on_the_same_content_is_being_built_elsewhere_and_a_lapsed_one_is_taken_over()
    {
        var ledger = WithClaim();

        Assert.Equal(VolumeDecision.BeingBuiltElsewhere, ledger.Decide("f1", T0 + Lifetime - TimeSpan.FromSeconds(1), Lifetime));
        Assert.Equal(VolumeDecision.TakeOver, ledger.Decide("f1", T0 + Lifetime, Lifetime));
        Assert.Equal(T0 + Lifetime, ledger.Renew(1, T0 + Lifetime).ClaimedAt);
    }

    [Fact]
    public void Changed_content_claims_the_next_version_even_while_another_is_being_built()
    {
        var ledger = WithClaim();

        Assert.Equal(VolumeDecision.ClaimNew, ledger.Decide("f2", T0, Lifetime));
        Assert.Equal(2, ledger.Claim("f2", new Dictionary<string, int>(), new Dictionary<string, string[]>(), T0).Version);
    }

    [Fact]
    public void A_stored_volume_is_notified_once_and_then_nothing_changes()
    {
        var ledger = WithClaim();
        ledger.MarkStored(1, "reports/2023/volume/2023-volume-v1.pdf", "aa", 30, T0.AddMinutes(1));

        Assert.Equal(VolumeDecision.NotifyOnly, ledger.Decide("f1", T0.AddDays(1), Lifetime));
        ledger.MarkNotified(1, T0.AddMinutes(2));
        Assert.Equal(VolumeDecision.NothingChanged, ledger.Decide("f1", T0.AddDays(1), Lifetime));
    }

    [Fact]
    public void Storing_notifying_and_renewing_a_stored_volume_keep_what_was_recorded_first()
    {
        var ledger = WithClaim();
        var stored = ledger.MarkStored(1, "reports/v1.pdf", "aa", 30, T0.AddMinutes(1));
        ledger.MarkNotified(1, T0.AddMinutes(2));

        Assert.Equal(stored with { NotifiedAt = T0.AddMinutes(2) }, ledger.MarkStored(1, "reports/other.pdf", "bb", 99, T0.AddMinutes(3)));
        Assert.Equal(T0.AddMinutes(2), ledger.MarkNotified(1, T0.AddMinutes(4)).NotifiedAt);
        Assert.Equal(T0, ledger.Renew(1, T0.AddMinutes(5)).ClaimedAt);
        Assert.Throws<InvalidOperationException>(() => ledger.MarkStored(2, "x", "y", 1, T0));
    }

    [Fact]
    public void Only_older_versions_whose_claim_lapsed_are_orphans_and_an_abandoned_newest_is_followed_by_a_new_claim()
    {
        var ledger = WithClaim("f1");
        ledger.Claim("f2", new Dictionary<string, int>(), new Dictionary<string, string[]>(), T0 + TimeSpan.FromSeconds(30));

        Assert.Empty(ledger.Orphans(T0 + Lifetime - TimeSpan.FromSeconds(1), Lifetime)); // v1's run may still be alive
        Assert.Equal([1], ledger.Orphans(T0 + Lifetime, Lifetime).Select(v => v.Version)); // v2 is the newest: taken over, not orphaned

        var abandoned = ledger.Abandon(1, T0 + Lifetime);
        Assert.True(abandoned is { IsAbandoned: true, IsBuilding: false, IsStored: false });
        Assert.DoesNotContain(ledger.Orphans(T0 + Lifetime * 2, Lifetime), v => v.Version == 1);
        Assert.Equal(VolumeDecision.ClaimNew, new VolumeLedger(2023, [abandoned]).Decide("f1", T0 + Lifetime, Lifetime));
    }

    [Fact]
    public void A_version_abandoned_while_its_run_was_still_storing_is_stored_after_all_and_renewal_hands_a_claim_over()
    {
        var ledger = WithClaim();
        Assert.Equal("run-a", ledger.Renew(1, T0, "run-a").ClaimId);
        var takenOver = ledger.Renew(1, T0.AddMinutes(1), "run-b");
        Assert.Equal(("run-b", T0.AddMinutes(1)), (takenOver.ClaimId, takenOver.ClaimedAt));
        Assert.Equal("run-b", ledger.Renew(1, T0.AddMinutes(2)).ClaimId);
        ledger.Abandon(1, T0.AddMinutes(3));

        var stored = ledger.MarkStored(1, "reports/v1.pdf", "aa", 30, T0.AddMinutes(4));

        Assert.True(stored is { IsStored: true, IsAbandoned: false, AbandonedAt: null });
        Assert.Equal(stored, ledger.Abandon(1, T0.AddMinutes(5)));
    }
}
