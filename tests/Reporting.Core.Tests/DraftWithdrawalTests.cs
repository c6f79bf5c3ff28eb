using Reporting.Core.Access;
using Reporting.Core.Drafts;
using Reporting.Core.Errors;
using Reporting.Core.Notices;
using Reporting.Core.Queues;
using Reporting.Core.Reports;
using Reporting.Core.Templates;
using Xunit;

namespace Reporting.Core.Tests;

public class DraftWithdrawalTests
{
    private static readonly ReportKey Key = new(2023, "kgj");
    private readonly TestWorld _world = new();

    private Task<WithdrawalOutcome> WithdrawAsync(string section, int version, Caller? caller = null) =>
        _world.Withdrawal.WithdrawAsync(new WithdrawDraftCommand(Key, ReportTemplate.Find(section)!, version), caller ?? TestWorld.Author());

    [Fact]
    public async Task Withdrawing_a_submitted_version_keeps_its_text_marks_it_withdrawn_and_records_who_and_when()
    {
        var submitted = await _world.SubmitAsync("duty");
        _world.Clock.Advance(TimeSpan.FromMinutes(5));

        var outcome = await WithdrawAsync("duty", 1);

        Assert.False(outcome.Repeated);
        var stored = (await _world.Drafts.GetAsync(Key, "duty", 1))!;
        Assert.Equal((DraftStatus.Withdrawn, _world.Clock.GetUtcNow(), submitted.Body), (stored.Status, stored.WithdrawnAt, stored.Body));
        Assert.Null(stored.Reviewer);
        var entry = Assert.Single(_world.Audit.Entries, e => e.Action == "draft.withdrawn");
        Assert.Equal(("2023/kgj", "kgj-author", "duty v1", _world.Clock.GetUtcNow()), (entry.Report, entry.Actor.Id, entry.Detail, entry.At));
    }

    [Fact]
    public async Task The_report_no_longer_waits_on_a_withdrawn_version_and_assembles_with_the_approved_ones()
    {
        await _world.CompleteReportAsync();
        await _world.SubmitAsync("duty");
        await _world.SubmitAsync("measures");
        var approval = await _world.DecideAsync("measures", 2);
        Assert.False(approval.AssemblyQueued);
        Assert.Equal([new AwaitedDraft("duty", 2, false)], AwaitedDraft.Find(await _world.Reports.GetAsync(Key), await _world.Drafts.ListAsync(Key)));

        var outcome = await WithdrawAsync("duty", 2);

        Assert.Equal((true, 2), (outcome.AssemblyQueued, outcome.PdfVersion));
        var report = await _world.Reports.GetAsync(Key);
        Assert.Empty(AwaitedDraft.Find(report, await _world.Drafts.ListAsync(Key)));
        Assert.Equal(new Dictionary<string, int> { ["preamble"] = 1, ["duty"] = 1, ["measures"] = 2, ["shortcomings"] = 1, ["plans"] = 1 },
            report.FindVersion(2)!.SourceVersions);
        Assert.Contains(new AssemblyMessage(2023, "kgj", 2), _world.Queue.Assemblies);
    }

    [Fact]
    public async Task A_withdrawn_version_cannot_be_approved_or_rejected_and_nothing_changes()
    {
        await _world.SubmitAsync("duty");
        var withdrawn = (await WithdrawAsync("duty", 1)).Draft;

        foreach (var decision in new[] { "approve", "reject" })
        {
            var e = await Assert.ThrowsAsync<ReportingException>(() => _world.DecideAsync("duty", 1, decision));
            Assert.Equal(ProblemKind.Conflict, e.Kind);
            Assert.Equal(Refusal.Of(RefusalCode.DraftWithdrawn, 1, withdrawn.WithdrawnAt), e.Refusal);
        }
        Assert.Equal(withdrawn, await _world.Drafts.GetAsync(Key, "duty", 1));
        Assert.Empty((await _world.Reports.GetAsync(Key)).Approved);
        Assert.DoesNotContain(_world.Audit.Entries, e => e.Action is "draft.approved" or "draft.rejected");
    }

    [Fact]
    public async Task Only_the_versions_own_author_may_withdraw_it()
    {
        await _world.SubmitAsync("duty");

        // The approver may write for the department too, but did not write this version.
        var e = await Assert.ThrowsAsync<ReportingException>(() => WithdrawAsync("duty", 1, TestWorld.Approver()));

        Assert.Equal(ProblemKind.Forbidden, e.Kind);
        Assert.Equal(Refusal.Of(RefusalCode.WithdrawByAuthorOnly, 1, "起草人"), e.Refusal);
        Assert.Equal(DraftStatus.Submitted, (await _world.Drafts.GetAsync(Key, "duty", 1))!.Status);
    }

    [Fact]
    public async Task Someone_outside_the_department_learns_nothing_of_the_draft()
    {
        await _world.SubmitAsync("duty");

        var e = await Assert.ThrowsAsync<ReportingException>(() => WithdrawAsync("duty", 1, TestWorld.Author("sfj")));

        Assert.Equal(ProblemKind.Forbidden, e.Kind);
        Assert.NotEqual(RefusalCode.WithdrawByAuthorOnly, e.Refusal.Code);
    }

    [Theory]
    [InlineData("approve", DraftStatus.Approved)]
    [InlineData("reject", DraftStatus.Rejected)]
    public async Task A_decided_version_cannot_be_withdrawn(string decision, DraftStatus status)
    {
        await _world.SubmitAsync("duty");
        var decided = (await _world.DecideAsync("duty", 1, decision)).Draft;

        var e = await Assert.ThrowsAsync<ReportingException>(() => WithdrawAsync("duty", 1));

        Assert.Equal(ProblemKind.Conflict, e.Kind);
        Assert.Equal(Refusal.Of(RefusalCode.WithdrawDecided, 1, status), e.Refusal);
        Assert.Equal(decided, await _world.Drafts.GetAsync(Key, "duty", 1));
    }

    [Fact]
    public async Task A_decision_that_lands_while_the_withdrawal_is_under_way_wins_and_the_withdrawal_is_refused()
    {
        await _world.SubmitAsync("duty");
        _world.Drafts.BeforeWithdrawal = async () => await _world.DecideAsync("duty", 1);

        var e = await Assert.ThrowsAsync<ReportingException>(() => WithdrawAsync("duty", 1));

        Assert.Equal(Refusal.Of(RefusalCode.WithdrawDecided, 1, DraftStatus.Approved), e.Refusal);
        Assert.Equal(DraftStatus.Approved, (await _world.Drafts.GetAsync(Key, "duty", 1))!.Status);
        Assert.DoesNotContain(_world.Audit.Entries, a => a.Action == "draft.withdrawn");
    }

    [Fact]
    public async Task Only_the_newest_version_can_be_withdrawn()
    {
        await _world.SubmitAsync("duty");
        await _world.SubmitAsync("duty");

        var e = await Assert.ThrowsAsync<ReportingException>(() => WithdrawAsync("duty", 1));

        Assert.Equal(Refusal.Of(RefusalCode.WithdrawSuperseded, 1, 2), e.Refusal);
    }

    [Fact]
    public async Task Withdrawing_again_answers_the_same_and_changes_nothing()
    {
        await _world.SubmitAsync("duty");
        var first = await WithdrawAsync("duty", 1);
        _world.Clock.Advance(TimeSpan.FromMinutes(1));

        var again = await WithdrawAsync("duty", 1);

        Assert.True(again.Repeated);
        Assert.Equal(first.Draft, again.Draft);
        Assert.Single(_world.Audit.Entries, e => e.Action == "draft.withdrawn");
    }

    [Fact]
    public async Task A_part_whose_only_version_was_withdrawn_is_chased_as_not_submitted_and_one_with_an_approved_version_is_not_chased()
    {
        await _world.SubmitAsync("duty");
        await WithdrawAsync("duty", 1);
        await _world.SubmitAsync("measures");
        await _world.DecideAsync("measures", 1);
        await _world.SubmitAsync("measures");
        await WithdrawAsync("measures", 2);

        var lack = await _world.Reminders.LackOfAsync(2023, "kgj", withComments: false);

        Assert.Contains(new LackingPart("duty", LackState.NotSubmitted), lack!.Parts);
        Assert.DoesNotContain(lack.Parts, p => p.Section == "measures");
    }

    [Fact]
    public async Task The_withdrawn_text_may_be_submitted_again_as_a_new_version()
    {
        var withdrawn = await _world.SubmitAsync("duty");
        await WithdrawAsync("duty", 1);

        var again = await _world.SubmitAsync("duty", withdrawn.Body);

        Assert.Equal((2, DraftStatus.Submitted, withdrawn.Body), (again.Version, again.Status, again.Body));
    }

    [Fact]
    public async Task After_a_withdrawal_a_text_the_same_as_the_standing_version_is_still_refused_naming_it()
    {
        var approved = await _world.SubmitAsync("duty");
        await _world.DecideAsync("duty", 1);
        await _world.SubmitAsync("duty");
        await WithdrawAsync("duty", 2);

        var e = await Assert.ThrowsAsync<ReportingException>(() => _world.SubmitAsync("duty", approved.Body));

        Assert.Equal(Refusal.Of(RefusalCode.BodyUnchanged, 1, DraftStatus.Approved), e.Refusal);
        Assert.Equal(2, (await _world.Drafts.ListAsync(Key)).Count(d => d.Section == "duty"));
    }
}
