using System.Text.Json;
using Reporting.Azure.Blobs;
using Reporting.Azure.Queues;
using Reporting.Azure.Storage;
using Reporting.Azure.Tables;
using Reporting.Core;
using Reporting.Core.Access;
using Reporting.Core.Documents;
using Reporting.Core.Drafts;
using Reporting.Core.Errors;
using Reporting.Core.Notices;
using Reporting.Core.Queues;
using Reporting.Core.ReportAssembly;
using Reporting.Core.Reports;
using Reporting.Core.Templates;
using Reporting.TestSupport;
using Reporting.Typesetting;
using Xunit;

namespace Reporting.Azure.Tests;

/// <summary>Submission and approval workflows against real Table Storage and queues, with approvals genuinely racing.</summary>
[Collection(AzuriteCollection.Name)]
public class ApprovalWorkflowTests(AzuriteFixture azurite)
{
    private static readonly string[] Required = ["preamble", "duty", "measures", "shortcomings", "plans"];
    private static readonly string[] Departments = ["kgj", "sfj", "czj", "jyj"];

    private sealed class EveryGlyph : IGlyphCoverage
    {
        public IReadOnlyList<MissingGlyph> FindMissing(string text) => [];
    }

    private sealed class NoAddresses : IAuthorAddresses
    {
        public string? AddressOf(Draft draft) => null;
    }

    private sealed class NoWords : INoticeComposer
    {
        public Task<ComposedNotice> ComposeAsync(Reporting.Core.Notices.Notice notice, CancellationToken cancellationToken = default) =>
            Task.FromResult(new ComposedNotice(notice, "", ""));
    }

    /// <summary>The workflows over one isolated set of tables and queues.</summary>
    private sealed class Workflows(StorageClients clients)
    {
        public StorageClients Clients { get; } = clients;
        public TableDraftRepository Drafts { get; } = new(clients);
        public TableReportRepository Reports { get; } = new(clients);
        private ReportingOptions Options { get; } = new();
        public TableAuditLog Audit { get; } = new(clients);

        /// <summary>Memberships from the real members table, falling back to each department's author and approver (kgj-author, kgj-approver, …).</summary>
        private AccessControl Access => new(new TableMemberRepository(Clients), new ConfiguredMembers(AzuriteCollection.Directory.Departments.SelectMany(d =>
            new Membership[] { new($"{d.Code}-author", MemberRole.Author, d.Code), new($"{d.Code}-approver", MemberRole.Approver, d.Code) })));

        public DraftSubmission Submission =>
            new(AzuriteCollection.Directory, Access, Drafts, Audit, new EveryGlyph(), new DocumentWords(), Options, TimeProvider.System);
        public DraftReview Review => new(Access, Drafts, Reports, new StorageWorkQueue(Clients), Rejections, Approvals, Audit, Options, TimeProvider.System);

        /// <summary>No channel is configured here: a rejection or an approval is registered and queued, and nothing is sent.</summary>
        private OnceOnlyDelivery Delivery => new(new TableNotificationOutbox(Clients), [], new StorageWorkQueue(Clients), Options, new NotificationOptions(),
            TimeProvider.System);

        private RejectionNotifier Rejections =>
            new(Drafts, new NoAddresses(), new NoWords(), Delivery, new StorageWorkQueue(Clients), Audit, TimeProvider.System);

        private ApprovalNotifier Approvals => new(Drafts, new NoAddresses(), new NoWords(), Delivery, new StorageWorkQueue(Clients), TimeProvider.System);

        public Task<Draft> SubmitAsync(string department, string section, string body) =>
            Submission.SubmitAsync(new SubmitDraftCommand(new ReportKey(2023, department), ReportTemplate.Find(section)!, body),
                new Caller($"{department}-author", "起草人"));

        public Task<ReviewOutcome> ApproveAsync(string department, string section, int version, string reviewer = "审核人") =>
            Review.DecideAsync(new ReviewDraftCommand(new ReportKey(2023, department), ReportTemplate.Find(section)!, version, DraftDecision.Approve, null),
                new Caller($"{department}-approver", reviewer));

        public async Task<List<AssemblyMessage>> QueuedAssembliesAsync()
        {
            var peeked = await Clients.Queues.GetQueueClient(Clients.Options.AssemblyQueue).PeekMessagesAsync(32);
            return peeked.Value.Select(m => JsonSerializer.Deserialize<AssemblyMessage>(m.MessageText, StorageWorkQueue.Json)!).ToList();
        }
    }

    private async Task<Workflows> WorkflowsAsync() => new(await azurite.CreateIsolatedClientsAsync());

    [Fact]
    public async Task Racing_approvals_of_different_parts_all_count_and_each_report_is_queued_for_assembly_once()
    {
        var w = await WorkflowsAsync();
        foreach (var department in Departments)
            foreach (var part in Required)
                await w.SubmitAsync(department, part, $"{department} {part} 正文。");

        var outcomes = await Together.RunAsync((from department in Departments
                                                from part in Required
                                                select (Func<Task<ReviewOutcome>>)(() => w.ApproveAsync(department, part, 1, $"审核人-{part}"))).ToList());

        foreach (var department in Departments)
        {
            var report = await w.Reports.GetAsync(new ReportKey(2023, department));
            Assert.Equal(Required.Order(), report.Approved.Select(p => p.Section).Order());
            Assert.All(report.Approved, p => Assert.Equal((1, $"审核人-{p.Section}"), (p.Version, p.Reviewer)));
            var version = Assert.Single(report.Versions);
            Assert.Equal(1, version.Version);
            Assert.Equal(Required.Order(), version.SourceVersions.Keys.Order());
            Assert.Single(outcomes, o => o.Draft.Report.Department == department && o.AssemblyQueued);
        }
        Assert.All(outcomes, o => Assert.Equal(DraftStatus.Approved, o.Draft.Status));
        Assert.Equal(Departments.Order().Select(d => new AssemblyMessage(2023, d, 1)), (await w.QueuedAssembliesAsync()).OrderBy(m => m.Department));
    }

    [Fact]
    public async Task Racing_approvals_of_the_same_draft_approve_it_once_and_the_others_hear_a_conflict_or_see_that_approval()
    {
        var w = await WorkflowsAsync();
        await w.SubmitAsync("kgj", "duty", "正文。");

        var reviewers = await Together.RunAsync(6, async i =>
        {
            try
            {
                return (await w.ApproveAsync("kgj", "duty", 1, $"审核人{i}")).Draft.Reviewer;
            }
            catch (ReportingException e) when (e.Kind == ProblemKind.Conflict)
            {
                return null;
            }
        });

        var stored = (await w.Drafts.GetAsync(new ReportKey(2023, "kgj"), "duty", 1))!;
        Assert.Equal(DraftStatus.Approved, stored.Status);
        // Every caller that did not hear a conflict saw the one stored approval.
        Assert.All(reviewers.OfType<string>(), r => Assert.Equal(stored.Reviewer, r));
        Assert.NotEmpty(reviewers.OfType<string>());
    }

    [Fact]
    public async Task One_approval_posted_several_times_at_once_is_answered_as_made_each_time_and_decided_once()
    {
        var w = await WorkflowsAsync();
        await w.SubmitAsync("czj", "duty", "正文。");

        // A double click on 通过: the same approver's same decision, racing. None hears a conflict for a decision that was made.
        var outcomes = await Together.RunAsync(4, _ => w.ApproveAsync("czj", "duty", 1));

        Assert.All(outcomes, o => Assert.Equal(DraftStatus.Approved, o.Draft.Status));
        var trail = await w.Audit.ListAsync(new ReportKey(2023, "czj").ToString());
        Assert.Single(trail, a => a.Action == "draft.approved");
    }

    [Fact]
    public async Task A_rejection_racing_an_approval_of_the_same_draft_by_the_same_approver_is_refused_once_the_approval_is_made()
    {
        var w = await WorkflowsAsync();
        await w.SubmitAsync("jyj", "duty", "正文。");
        var key = new ReportKey(2023, "jyj");
        var caller = new Caller("jyj-approver", "审核人");

        var answers = await Together.RunAsync(2, async i =>
        {
            var decision = i % 2 == 0 ? DraftDecision.Approve : DraftDecision.Reject;
            try
            {
                await w.Review.DecideAsync(new ReviewDraftCommand(key, ReportTemplate.Find("duty")!, 1, decision, "意见"), caller);
                return decision.ToString();
            }
            catch (ReportingException e) when (e.Kind == ProblemKind.Conflict)
            {
                return "conflict";
            }
        });

        // One decision is made; the other one, a different decision, is refused rather than answered as if it had been made.
        Assert.Single(answers, a => a == "conflict");
        var stored = (await w.Drafts.GetAsync(key, "duty", 1))!;
        Assert.Contains(stored.Status == DraftStatus.Approved ? "Approve" : "Reject", answers);
    }

    [Fact]
    public async Task Repeating_the_last_approval_resends_the_pending_assembly_without_a_new_pdf_version()
    {
        var w = await WorkflowsAsync();
        foreach (var part in Required)
        {
            await w.SubmitAsync("kgj", part, $"{part} 正文。");
            await w.ApproveAsync("kgj", part, 1);
        }

        var again = await w.ApproveAsync("kgj", "plans", 1);

        Assert.False(again.AssemblyQueued);
        Assert.Equal([new AssemblyMessage(2023, "kgj", 1), new AssemblyMessage(2023, "kgj", 1)], await w.QueuedAssembliesAsync());
        Assert.Single((await w.Reports.GetAsync(new ReportKey(2023, "kgj"))).Versions);
    }

    [Fact]
    public async Task The_kgj_report_pasted_part_by_part_is_stored_as_written_and_its_own_headings_become_the_headings()
    {
        var w = await WorkflowsAsync();
        var text = RepoPaths.FixtureText("kgj-2023.txt");
        var expected = PlainTextReport.Parse(text, new DocumentWords());
        // What an author pastes for each part: its lines from the report, numbered heading line included.
        var lines = text.Replace("\r\n", "\n").Split('\n');
        int[] starts = [2, .. "一二三四".Select(n => Array.FindIndex(lines, l => l.StartsWith(n + "、"))), lines.Length];
        var key = new ReportKey(2023, "kgj");

        for (var i = 0; i < Required.Length; i++)
        {
            var pasted = string.Join("\r\n", lines[starts[i]..starts[i + 1]]);
            var draft = await w.SubmitAsync("kgj", Required[i], pasted);
            Assert.Equal(expected.Parts[Required[i]], draft.Body);
            await w.ApproveAsync("kgj", Required[i], draft.Version);
        }

        Assert.Equal(ReportStatus.Assembling, (await w.Reports.GetAsync(key)).Status);
        // The trail names who did what, by id and display name: five submissions by the author, five approvals by the approver.
        var trail = await w.Audit.ListAsync(key.ToString());
        Assert.Equal(5, trail.Count(a => (a.Action, a.Actor.Id, a.Actor.Name) == ("draft.submitted", "kgj-author", "起草人")));
        Assert.Equal(5, trail.Count(a => (a.Action, a.Actor.Id, a.Actor.Name) == ("draft.approved", "kgj-approver", "审核人")));
        var version = Assert.Single((await w.Reports.GetAsync(key)).Versions);
        // Building the document reads only the drafts; typesetting and storing the PDF are the end-to-end tests' part.
        var document = await new ReportAssembler(AzuriteCollection.Directory, w.Drafts, w.Reports, null!, null!, null!, null!, null!, null!, null!,
                new DocumentWords(), new ReportingOptions(), TimeProvider.System)
            .BuildDocumentAsync(key, AzuriteCollection.Directory.Find("kgj")!, version);
        // Each numbered part begins with its own heading line: printed as the heading, as written, not as a paragraph.
        Assert.Equal([.. "一二三四".Select(n => lines.First(l => l.StartsWith(n + "、")).Trim())],
            document.Blocks.Where(b => b.Kind == BlockKind.Heading).Select(b => b.Text));
        Assert.Equal(expected.Parts.Values.Sum(p => ReportDocumentBuilder.Paragraphs(p).Count()) - 4,
            document.Blocks.Count(b => b.Kind == BlockKind.Paragraph));
        Assert.Equal(ReportDocumentBuilder.Paragraphs(expected.Parts["plans"]).Last(), document.Blocks[^1].Text);
    }
}
