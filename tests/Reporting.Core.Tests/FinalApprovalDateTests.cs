using Reporting.Core.Drafts;
using Reporting.Core.Errors;
using Reporting.Core.Queues;
using Reporting.Core.Reports;
using Xunit;

namespace Reporting.Core.Tests;

/// <summary>The 成文日期: the Beijing date of the round's last approval, or the date its approver set; fixed for the version.</summary>
public class FinalApprovalDateTests
{
    private static readonly ReportKey Key = new(2023, "kgj");
    private readonly TestWorld _world = new();

    private async Task ApproveAllButPlansAsync()
    {
        foreach (var part in TestWorld.RequiredParts.Where(p => p != "plans"))
        {
            await _world.SubmitAsync(part);
            await _world.DecideAsync(part, 1);
        }
        await _world.SubmitAsync("plans");
    }

    private Task<ReviewOutcome> ApprovePlansAsync(string? date, string decision = "approve") =>
        _world.Review.DecideAsync(ReviewCommands.For("plans", 1, ReviewCommands.Decision(decision), decision == "reject" ? "请修改。" : null,
            date: date is null ? null : DateOnly.ParseExact(date, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)), TestWorld.Approver());

    private async Task<DateOnly> DocumentDateAsync(int version = 1)
    {
        var report = await _world.Reports.GetAsync(Key);
        var document = await _world.Assembler.BuildDocumentAsync(Key, _world.Directory.Find("kgj")!, report.FindVersion(version)!);
        return document.Date;
    }

    [Fact]
    public async Task Without_a_date_the_pdf_is_dated_the_beijing_day_of_the_last_approval_and_keeps_it_however_late_it_is_made()
    {
        await ApproveAllButPlansAsync();
        _world.Clock.Now = new DateTimeOffset(2024, 1, 5, 20, 30, 0, TimeSpan.Zero);   // 2024-01-06 04:30 in Beijing
        await ApprovePlansAsync(null);

        _world.Clock.Advance(TimeSpan.FromDays(40));
        await _world.Assembler.AssembleAsync(new AssemblyMessage(2023, "kgj", 1));

        Assert.Equal(new DateOnly(2024, 1, 6), Assert.Single(_world.Typesetter.Rendered).Date);
        Assert.Equal(new DateOnly(2024, 1, 6), await DocumentDateAsync());
    }

    [Fact]
    public async Task A_date_set_with_the_last_approval_is_printed_and_recorded_in_the_audit_trail()
    {
        await ApproveAllButPlansAsync();

        var outcome = await ApprovePlansAsync("2023-12-29");
        await _world.Assembler.AssembleAsync(new AssemblyMessage(2023, "kgj", 1));

        Assert.True(outcome.AssemblyQueued);
        Assert.Equal(new DateOnly(2023, 12, 29), Assert.Single(_world.Typesetter.Rendered).Date);
        Assert.Contains(_world.Audit.Entries, e => e.Action == "draft.approved" && e.Detail.EndsWith(" (dated 2023-12-29)", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_date_set_on_an_earlier_part_gives_way_to_the_day_of_the_later_last_approval()
    {
        foreach (var part in TestWorld.RequiredParts)
            await _world.SubmitAsync(part);
        await _world.Review.DecideAsync(ReviewCommands.For("preamble", 1, DraftDecision.Approve, date: new DateOnly(2023, 12, 1)), TestWorld.Approver());
        _world.Clock.Advance(TimeSpan.FromMinutes(5));
        foreach (var part in TestWorld.RequiredParts.Where(p => p != "preamble"))
            await _world.DecideAsync(part, 1);

        Assert.Equal(new DateOnly(2024, 1, 5), await DocumentDateAsync());
    }

    [Theory]
    [InlineData("2022-12-31", "approve", RefusalCode.DateBeforeYear)]
    [InlineData("2024-01-06", "approve", RefusalCode.DateAfterToday)]
    [InlineData("2024-01-03", "reject", RefusalCode.DateOnRejection)]
    public async Task A_date_before_the_report_year_in_the_future_malformed_or_on_a_rejection_is_refused_and_nothing_is_decided(
        string date, string decision, string code)
    {
        await ApproveAllButPlansAsync();

        var refused = await Assert.ThrowsAsync<ReportingException>(() => ApprovePlansAsync(date, decision));

        Assert.Equal(ProblemKind.Validation, refused.Kind);
        Assert.Equal(code, Assert.Single(refused.Errors["date"]).Code);
        Assert.Equal(DraftStatus.Submitted, (await _world.Drafts.GetAsync(Key, "plans", 1))!.Status);
        Assert.Empty(_world.Queue.Assemblies);
    }
}
