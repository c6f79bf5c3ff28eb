using Reporting.Core.Notices;
using Reporting.Core.Queues;
using Reporting.Core.Tests;
using Xunit;

namespace Reporting.Functions.Tests;

/// <summary>What the report's status view says while a round is open and after its PDFs were notified, and what it costs to read.</summary>
public class ReportStatusViewTests
{
    private readonly TestWorld _world = new();

    [Fact]
    public async Task The_report_view_reads_the_outbox_once_however_many_pdf_versions_were_notified()
    {
        await _world.CompleteReportAsync();
        for (var version = 1; version <= 3; version++)
        {
            if (version > 1)
            {
                await _world.SubmitAsync("plans", $"第 {version} 次修改的安排。");
                await _world.DecideAsync("plans", version);
            }
            await _world.Assembler.AssembleAsync(new AssemblyMessage(2023, "kgj", version));
            await _world.Notifier.NotifyAsync(new NotificationMessage.ReportReady(2023, "kgj", version));
        }
        var outbox = new CountingOutbox(_world.Outbox);
        var queries = _world.Queries(outbox);

        var view = await queries.GetReportAsync("2023", "kgj", TestWorld.Office);

        Assert.Equal([1, 2, 3], view.Versions.Select(v => v.Version));
        Assert.All(view.Versions, v => Assert.Equal("sent", v.Notification!.Status));
        Assert.Equal(["/api/reports/2023/kgj/pdf?version=1", "/api/reports/2023/kgj/pdf?version=2", "/api/reports/2023/kgj/pdf?version=3"],
            view.Versions.Select(v => v.DownloadUrl));
        Assert.Equal(1, outbox.Queries);
    }

    /// <summary>Counts the outbox queries a read makes.</summary>
    private sealed class CountingOutbox(INotificationOutbox inner) : INotificationOutbox
    {
        public int Queries { get; private set; }

        public Task<IReadOnlyList<OutboxEntry>> FindAsync(string key, CancellationToken cancellationToken = default)
        {
            Queries++;
            return inner.FindAsync(key, cancellationToken);
        }

        public Task<IReadOnlyList<OutboxEntry>> ListForReportAsync(int year, string department, CancellationToken cancellationToken = default)
        {
            Queries++;
            return inner.ListForReportAsync(year, department, cancellationToken);
        }

        public Task<IReadOnlyList<OutboxEntry>> ListStartingWithAsync(string keyPrefix, CancellationToken cancellationToken = default)
        {
            Queries++;
            return inner.ListStartingWithAsync(keyPrefix, cancellationToken);
        }

        public Task<OutboxEntry?> TrySaveAsync(OutboxEntry entry, CancellationToken cancellationToken = default) =>
            inner.TrySaveAsync(entry, cancellationToken);

        public Task SaveSentAsync(OutboxEntry entry, CancellationToken cancellationToken = default) => inner.SaveSentAsync(entry, cancellationToken);

        public Task<IReadOnlyList<OutboxEntry>> ListDueAsync(DateTimeOffset dueBy, CancellationToken cancellationToken = default) =>
            inner.ListDueAsync(dueBy, cancellationToken);
    }

    [Fact]
    public async Task A_draft_awaiting_review_holds_the_round_and_the_status_says_what_assembly_waits_for()
    {
        var world = new TestWorld();
        foreach (var part in (string[])[.. TestWorld.RequiredParts, "other"]) await world.SubmitAsync(part);
        foreach (var part in TestWorld.RequiredParts) Assert.False((await world.DecideAsync(part, 1)).AssemblyQueued);
        Assert.Equal(["other"], (await world.DecideAsync("plans", 1)).AwaitingReview);

        var view = await world.Queries().GetReportAsync("2023", "kgj", TestWorld.Office);

        Assert.Empty(world.Queue.Assemblies);
        Assert.Equal("reviewing", view.Status);
        var wait = Assert.Single(view.AssemblyWaitsFor);
        Assert.Equal(("other", "五、其他需要报告的情况", 1, "第 1 版待审核"), (wait.Section, wait.Heading, wait.Version, wait.Reason));

        Assert.Equal("reviewing", (await world.Queries().GetYearAsync("2023", TestWorld.Office)).Departments.Single(d => d.Department == "kgj").Status);

        Assert.Equal(1, (await world.DecideAsync("other", 1)).PdfVersion);
        Assert.Empty((await world.Queries().GetReportAsync("2023", "kgj", TestWorld.Office)).AssemblyWaitsFor);
    }

    [Fact]
    public async Task Before_every_part_is_approved_the_status_lists_the_missing_parts_and_the_drafts_awaiting_review()
    {
        var world = new TestWorld();
        await world.SubmitAsync("duty");
        await world.DecideAsync("duty", 1);
        await world.SubmitAsync("measures");

        var view = await world.Queries().GetReportAsync("2023", "kgj", TestWorld.Office);

        Assert.Equal("drafting", view.Status);
        Assert.Equal(["preamble", "measures", "shortcomings", "plans"], view.AssemblyWaitsFor.Select(w => w.Section));
        Assert.Equal("第 1 版待审核", view.AssemblyWaitsFor.Single(w => w.Section == "measures").Reason);
        Assert.Equal("尚无审核通过的版本", view.AssemblyWaitsFor.Single(w => w.Section == "plans").Reason);
    }
}
