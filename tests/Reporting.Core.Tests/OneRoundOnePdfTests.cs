using Reporting.Core.Access;
using Reporting.Core.Drafts;
using Reporting.Core.Queues;
using Reporting.Core.Reports;
using Reporting.TestSupport;
using Xunit;

namespace Reporting.Core.Tests;

/// <summary>One round of approvals makes one PDF: assembly waits until no part has a newer draft awaiting its decision.</summary>
public class OneRoundOnePdfTests
{
    private static readonly ReportKey Key = new(2023, "kgj");
    private static readonly string[] SixParts = [.. TestWorld.RequiredParts, "other"];

    private static IEnumerable<string[]> Orders(string[] items) =>
        items.Length <= 1 ? [items] : items.SelectMany((first, i) => Orders([.. items[..i], .. items[(i + 1)..]]).Select(rest => (string[])[first, .. rest]));

    private static async Task<TestWorld> SubmitSixAsync()
    {
        var world = new TestWorld();
        foreach (var part in SixParts) await world.SubmitAsync(part);
        return world;
    }

    [Fact]
    public async Task Every_order_of_approving_six_submitted_parts_queues_exactly_one_assembly_containing_all_six()
    {
        var orders = Orders(SixParts).ToList();
        Assert.Equal(720, orders.Count);
        foreach (var order in orders)
        {
            var world = await SubmitSixAsync();
            var queued = new List<int?>();
            foreach (var part in order) queued.Add((await world.DecideAsync(part, 1)).PdfVersion);

            var report = await world.Reports.GetAsync(Key);
            var only = Assert.Single(report.Versions);
            Assert.True(only.SourceVersions.Count == 6, $"order {string.Join(',', order)}: v1 has {only.SourceVersions.Count} parts");
            Assert.Equal([null, null, null, null, null, 1], queued);
            Assert.Equal([new AssemblyMessage(2023, "kgj", 1)], world.Queue.Assemblies);
        }
    }

    [Fact]
    public async Task Racing_approvals_of_six_parts_make_one_pdf_version_containing_all_six()
    {
        for (var round = 0; round < 25; round++)
        {
            var world = await SubmitSixAsync();

            var outcomes = await Together.RunAsync(SixParts.Select(part => (Func<Task<ReviewOutcome>>)(() => world.DecideAsync(part, 1))).ToList());

            var report = await world.Reports.GetAsync(Key);
            Assert.Equal(6, Assert.Single(report.Versions).SourceVersions.Count);
            Assert.Single(outcomes, o => o.AssemblyQueued);
            Assert.All(world.Queue.Assemblies, m => Assert.Equal(1, m.Version));
            Assert.NotEmpty(world.Queue.Assemblies);
        }
    }

    [Fact]
    public async Task Rejecting_the_awaited_draft_releases_the_round_with_the_parts_approved()
    {
        var world = await SubmitSixAsync();
        foreach (var part in TestWorld.RequiredParts) await world.DecideAsync(part, 1);

        var outcome = await world.DecideAsync("other", 1, "reject");

        Assert.Equal((true, 1), (outcome.AssemblyQueued, outcome.PdfVersion));
        Assert.False(Assert.Single((await world.Reports.GetAsync(Key)).Versions).SourceVersions.ContainsKey("other"));
    }

    [Fact]
    public async Task A_newer_draft_of_an_approved_part_holds_the_round_until_it_is_decided()
    {
        var world = new TestWorld();
        await world.SubmitAsync("duty");
        await world.DecideAsync("duty", 1);
        await world.SubmitAsync("duty", "修改后的第一部分。");
        foreach (var part in TestWorld.RequiredParts.Where(p => p != "duty"))
        {
            await world.SubmitAsync(part);
            Assert.False((await world.DecideAsync(part, 1)).AssemblyQueued);
        }

        var outcome = await world.DecideAsync("duty", 2);

        Assert.Equal(1, outcome.PdfVersion);
        Assert.Equal(2, Assert.Single((await world.Reports.GetAsync(Key)).Versions).SourceVersions["duty"]);
    }

    [Fact]
    public async Task The_year_end_run_does_not_assemble_a_round_held_by_a_draft_awaiting_review_and_lists_it_as_incomplete()
    {
        var world = await SubmitSixAsync();
        foreach (var part in TestWorld.RequiredParts) await world.DecideAsync(part, 1);

        var result = await world.YearEnd.RunAsync(2023, Caller.System);

        Assert.Empty(result.AssembledNow);
        Assert.Equal(["other"], result.Missing["kgj"]);
        Assert.Empty((await world.Reports.GetAsync(Key)).Versions);
    }

    [Fact]
    public async Task A_rejection_racing_the_last_approval_still_releases_the_round_because_it_writes_the_report_too()
    {
        var world = await SubmitSixAsync();
        foreach (var part in TestWorld.RequiredParts.Where(p => p != "plans")) await world.DecideAsync(part, 1);
        var raced = false;
        world.Reports.BeforeSave = async report =>
        {
            if (raced || report.ApprovedVersion("plans") is null) return;
            raced = true;
            // The approval of plans read "other v1 awaits review"; before it saves, another approver rejects other v1.
            // The rejection sees plans unapproved, queues nothing, but writes the report: the approval's save conflicts,
            // and its retry sees the rejection.
            Assert.False((await world.DecideAsync("other", 1, "reject")).AssemblyQueued);
        };

        var outcome = await world.DecideAsync("plans", 1);

        Assert.True(raced);
        Assert.Equal(1, outcome.PdfVersion);
        Assert.False(Assert.Single((await world.Reports.GetAsync(Key)).Versions).SourceVersions.ContainsKey("other"));
    }
}
