using System.Text.Json;
using Reporting.Azure.Queues;
using Reporting.Azure.Tables;
using Reporting.Core.Abstractions;
using Reporting.Core.Drafts;
using Reporting.Core.Reports;
using Reporting.Core.Workflow;
using Reporting.TestSupport;
using Xunit;

namespace Reporting.Azure.Tests;

/// <summary>The approval workflow against real Table Storage and queues, with approvals genuinely racing.</summary>
[Collection(AzuriteCollection.Name)]
public class ConcurrentApprovalTests(AzuriteFixture azurite)
{
    private static readonly string[] Required = ["preamble", "duty", "measures", "shortcomings", "plans"];
    private static readonly string[] Departments = ["kgj", "sfj", "czj", "jyj"];

    [Fact]
    public async Task Racing_approvals_of_different_parts_all_count_and_each_report_is_queued_for_assembly_once()
    {
        var clients = await azurite.CreateIsolatedClientsAsync();
        var drafts = new TableDraftRepository(clients);
        var reports = new TableReportRepository(clients);
        var review = new DraftReview(AzuriteCollection.Directory, drafts, reports, new StorageWorkQueue(clients), new TableAuditLog(clients),
            new ReportingOptions(), TimeProvider.System);
        foreach (var department in Departments)
            foreach (var part in Required)
                await drafts.AddNextVersionAsync(new Draft(new ReportKey(2023, department), part, 0, "起草人", $"{department} {part} 正文。", DateTimeOffset.UtcNow));

        var outcomes = await Together.RunAsync((from department in Departments
                                                from part in Required
                                                select (Func<Task<ReviewOutcome>>)(() => review.DecideAsync(
                                                    new ReviewDraftCommand("2023", department, part, "1", "approve", $"审核人-{part}", null), new Caller($"审核人-{part}")))).ToList());

        foreach (var department in Departments)
        {
            var report = await reports.GetAsync(new ReportKey(2023, department));
            Assert.Equal(Required.Order(), report.Approved.Select(p => p.Section).Order());
            Assert.All(report.Approved, p => Assert.Equal((1, $"审核人-{p.Section}"), (p.Version, p.Reviewer)));
            var version = Assert.Single(report.Versions);
            Assert.Equal(1, version.Version);
            Assert.Equal(Required.Order(), version.SourceVersions.Keys.Order());
            Assert.Single(outcomes, o => o.Draft.Report.Department == department && o.AssemblyQueued);
        }
        Assert.All(outcomes, o => Assert.Equal(DraftStatus.Approved, o.Draft.Status));

        var queued = await clients.Queues.GetQueueClient(clients.Options.AssemblyQueue).PeekMessagesAsync(32);
        var messages = queued.Value.Select(m => JsonSerializer.Deserialize<AssemblyMessage>(m.MessageText, StorageWorkQueue.Json)!).ToList();
        Assert.Equal(Departments.Order().Select(d => new AssemblyMessage(2023, d, 1)), messages.OrderBy(m => m.Department));
    }

    [Fact]
    public async Task Racing_approvals_of_the_same_draft_approve_it_once_and_the_loser_hears_a_conflict()
    {
        var clients = await azurite.CreateIsolatedClientsAsync();
        var drafts = new TableDraftRepository(clients);
        var review = new DraftReview(AzuriteCollection.Directory, drafts, new TableReportRepository(clients), new StorageWorkQueue(clients),
            new TableAuditLog(clients), new ReportingOptions(), TimeProvider.System);
        await drafts.AddNextVersionAsync(new Draft(new ReportKey(2023, "kgj"), "duty", 0, "起草人", "正文。", DateTimeOffset.UtcNow));

        var reviewers = await Together.RunAsync(6, async i =>
        {
            try
            {
                return (await review.DecideAsync(new ReviewDraftCommand("2023", "kgj", "duty", "1", "approve", null, null), new Caller($"审核人{i}"))).Draft.Reviewer;
            }
            catch (Core.Errors.ReportingException e) when (e.Kind == Core.Errors.ProblemKind.Conflict)
            {
                return null;
            }
        });

        var stored = (await drafts.GetAsync(new ReportKey(2023, "kgj"), "duty", 1))!;
        Assert.Equal(DraftStatus.Approved, stored.Status);
        // Every caller that did not hear a conflict saw the one stored approval.
        Assert.All(reviewers.OfType<string>(), r => Assert.Equal(stored.Reviewer, r));
        Assert.NotEmpty(reviewers.OfType<string>());
    }
}
