using Reporting.Core.Drafts;
using Reporting.Core.Errors;
using Reporting.Core.Queues;
using Reporting.Core.Reports;
using Xunit;

namespace Reporting.Core.Tests;

public class DraftReviewTests
{
    private static readonly ReportKey Key = new(2023, "kgj");
    private readonly TestWorld _world = new();

    private async Task ApproveAllButPlansAsync()
    {
        foreach (var part in TestWorld.RequiredParts.Where(p => p != "plans"))
        {
            await _world.SubmitAsync(part);
            var outcome = await _world.DecideAsync(part, 1);
            Assert.False(outcome.AssemblyQueued);
        }
    }

    [Fact]
    public async Task Approving_the_last_required_part_queues_exactly_one_assembly_of_pdf_version_1()
    {
        await ApproveAllButPlansAsync();
        Assert.Empty(_world.Queue.Assemblies);
        await _world.SubmitAsync("plans");

        var outcome = await _world.DecideAsync("plans", 1);

        Assert.True(outcome.AssemblyQueued);
        Assert.Equal(1, outcome.PdfVersion);
        Assert.Empty(outcome.MissingSections);
        Assert.Equal([new AssemblyMessage(2023, "kgj", 1)], _world.Queue.Assemblies);
        Assert.Equal(DraftStatus.Approved, (await _world.Drafts.GetAsync(Key, "plans", 1))!.Status);
    }

    [Fact]
    public async Task An_approval_that_leaves_parts_missing_says_which()
    {
        await _world.SubmitAsync("duty");

        var outcome = await _world.DecideAsync("duty", 1);

        Assert.False(outcome.AssemblyQueued);
        Assert.Equal(["preamble", "measures", "shortcomings", "plans"], outcome.MissingSections);
    }

    [Fact]
    public async Task Repeating_an_approval_resends_the_pending_assembly_but_creates_no_new_version()
    {
        await _world.CompleteReportAsync();
        var approvedAt = (await _world.Drafts.GetAsync(Key, "plans", 1))!.ReviewedAt;
        _world.Clock.Advance(TimeSpan.FromHours(1));

        var again = await _world.DecideAsync("plans", 1);

        Assert.False(again.AssemblyQueued);
        Assert.Null(again.PdfVersion);
        Assert.Equal([1, 1], _world.Queue.Assemblies.Select(m => m.Version));
        Assert.Single((await _world.Reports.GetAsync(Key)).Versions);
        Assert.Equal(approvedAt, (await _world.Drafts.GetAsync(Key, "plans", 1))!.ReviewedAt);
        Assert.Single(_world.Audit.Entries, e => e.Action == "draft.approved" && e.Detail.StartsWith("plans v1"));
    }

    [Fact]
    public async Task Repeating_an_approval_after_assembly_queues_nothing()
    {
        await _world.CompleteReportAsync();
        var report = await _world.Reports.GetAsync(Key);
        report.MarkAssembled(1, "reports/x.pdf", "aa", 3, _world.Clock.Now);
        await _world.Reports.SaveAsync(report);

        await _world.DecideAsync("duty", 1);

        Assert.Single(_world.Queue.Assemblies);
    }

    [Fact]
    public async Task Approving_a_version_that_does_not_exist_is_not_found()
    {
        await _world.SubmitAsync("duty");

        var e = await Assert.ThrowsAsync<ReportingException>(() => _world.DecideAsync("duty", 2));

        Assert.Equal(ProblemKind.NotFound, e.Kind);
        Assert.Equal(Refusal.Of(RefusalCode.DraftVersionNotFound, 2023, "kgj", "duty", 2), e.Refusal);
    }

    [Fact]
    public async Task Approving_a_rejected_version_is_a_conflict()
    {
        await _world.SubmitAsync("duty");
        var rejected = await _world.DecideAsync("duty", 1, "reject");
        Assert.Equal(DraftStatus.Rejected, rejected.Draft.Status);

        var e = await Assert.ThrowsAsync<ReportingException>(() => _world.DecideAsync("duty", 1));

        Assert.Equal(ProblemKind.Conflict, e.Kind);
        Assert.Equal(RefusalCode.DraftAlreadyRejected, e.Refusal.Code);
        Assert.Empty((await _world.Reports.GetAsync(Key)).Approved);
    }

    [Fact]
    public async Task Approving_a_version_superseded_by_a_newer_one_is_a_conflict()
    {
        await _world.SubmitAsync("duty");
        await _world.SubmitAsync("duty");

        var e = await Assert.ThrowsAsync<ReportingException>(() => _world.DecideAsync("duty", 1));

        Assert.Equal(ProblemKind.Conflict, e.Kind);
        Assert.Equal(Refusal.Of(RefusalCode.DraftVersionSuperseded, 1, 2), e.Refusal);
        Assert.Equal(DraftStatus.Submitted, (await _world.Drafts.GetAsync(Key, "duty", 1))!.Status);
    }

    [Fact]
    public async Task Rejecting_an_approved_version_is_a_conflict()
    {
        await _world.SubmitAsync("duty");
        await _world.DecideAsync("duty", 1);

        var e = await Assert.ThrowsAsync<ReportingException>(() => _world.DecideAsync("duty", 1, "reject"));

        Assert.Equal(ProblemKind.Conflict, e.Kind);
    }

    [Fact]
    public async Task A_rejection_records_the_reviewer_and_comment_and_approves_nothing()
    {
        await _world.SubmitAsync("duty");

        var outcome = await _world.Review.DecideAsync(ReviewCommands.For("duty", 1, DraftDecision.Reject, "  请补充数据。 "), TestWorld.Approver(name: "张三"));

        Assert.Equal((DraftStatus.Rejected, "张三", "kgj-approver", "请补充数据。"),
            (outcome.Draft.Status, outcome.Draft.Reviewer, outcome.Draft.ReviewerId, outcome.Draft.ReviewComment));
        // The report row is written (under its ETag, so a racing approval re-reads the rejection) but gains nothing.
        var report = await _world.Reports.GetAsync(Key);
        Assert.Equal((0, 0, false), (report.Approved.Count, report.Versions.Count, outcome.AssemblyQueued));
    }

    [Fact]
    public async Task Approving_a_newer_version_after_the_first_pdf_queues_pdf_version_2()
    {
        await _world.CompleteReportAsync();
        await _world.SubmitAsync("measures", "修改后的举措。");

        var outcome = await _world.DecideAsync("measures", 2);

        Assert.Equal(2, outcome.PdfVersion);
        var report = await _world.Reports.GetAsync(Key);
        Assert.Equal([1, 2], report.Versions.Select(v => v.Version));
        Assert.Equal(2, report.FindVersion(2)!.SourceVersions["measures"]);
    }

    [Fact]
    public async Task An_approval_still_counts_when_another_approval_saved_the_report_first()
    {
        await ApproveAllButPlansAsync();
        await _world.SubmitAsync("plans");
        await _world.SubmitAsync("other");
        var raced = false;
        _world.Reports.BeforeSave = async report =>
        {
            if (raced || report.Approved.All(p => p.Section != "plans")) return;
            raced = true;
            // Another approver's save of the "other" part lands between this approval's read and write.
            var rival = await _world.Reports.GetAsync(Key);
            rival.Approve("other", 1, "另一审核人", _world.Clock.Now);
            await _world.Reports.SaveAsync(rival);
        };

        var outcome = await _world.DecideAsync("plans", 1);

        Assert.True(raced);
        var report = await _world.Reports.GetAsync(Key);
        Assert.Equal(["duty", "measures", "other", "plans", "preamble", "shortcomings"], report.Approved.Select(p => p.Section).Order());
        Assert.Equal(1, outcome.PdfVersion);
        Assert.Equal(1, Assert.Single(report.Versions).SourceVersions["other"]);
    }
}
