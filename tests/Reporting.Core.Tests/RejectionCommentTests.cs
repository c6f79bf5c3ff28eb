using Reporting.Core.Drafts;
using Reporting.Core.Errors;
using Reporting.Core.Reports;
using Xunit;

namespace Reporting.Core.Tests;

/// <summary>退回 tells the author what to change: without a comment it is refused, and nothing is decided.</summary>
public sealed class RejectionCommentTests
{
    private readonly TestWorld _world = new();

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  \n ")]
    public async Task A_rejection_without_a_comment_is_refused_in_chinese_and_the_draft_stays_pending(string? comment)
    {
        await _world.SubmitAsync("duty");

        var e = await Assert.ThrowsAsync<ReportingException>(() =>
            _world.Review.DecideAsync(ReviewCommands.For("duty", 1, DraftDecision.Reject, comment), TestWorld.Approver()));

        Assert.Equal(ProblemKind.Validation, e.Kind);
        Assert.Equal([Refusal.Of(RefusalCode.RejectionNeedsComment)], e.Errors["comment"]);
        Assert.Equal(DraftStatus.Submitted, (await _world.Drafts.GetAsync(new ReportKey(2023, "kgj"), "duty", 1))!.Status);
    }

    [Fact]
    public async Task An_approval_needs_no_comment()
    {
        await _world.SubmitAsync("duty");

        var outcome = await _world.Review.DecideAsync(ReviewCommands.For("duty", 1, DraftDecision.Approve), TestWorld.Approver());

        Assert.Equal(DraftStatus.Approved, outcome.Draft.Status);
    }
}
