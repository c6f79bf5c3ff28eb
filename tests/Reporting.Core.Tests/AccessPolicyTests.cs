using Reporting.Core.Access;
using Reporting.Core.Drafts;
using Reporting.Core.Errors;
using Xunit;

namespace Reporting.Core.Tests;

public class AccessPolicyTests
{
    private readonly TestWorld _world = new();

    private static readonly Dictionary<string, Membership?> Members = new()
    {
        ["author"] = new("kgj-author", MemberRole.Author, "kgj"),
        ["approver"] = new("kgj-approver", MemberRole.Approver, "kgj"),
        ["other"] = new("sfj-approver", MemberRole.Approver, "sfj"),
        ["office"] = new("office", MemberRole.Office, null),
        ["admin"] = new("office-admin", MemberRole.OfficeAdmin, null),
        ["unknown"] = null,
    };

    // The README's rules table, row by row, for 科工局's report: Y allowed, N refused.
    [Theory]
    [InlineData(ReportAction.SubmitDraft, "YYNNNN")]
    [InlineData(ReportAction.ReadReport, "YYNYYN")]
    [InlineData(ReportAction.ReviewDraft, "NYNNNN")]
    [InlineData(ReportAction.DownloadPdf, "YYNYYN")]
    [InlineData(ReportAction.DistrictYear, "NNNYYN")]
    [InlineData(ReportAction.ManageMembers, "NNNNYN")]
    [InlineData(ReportAction.ManageSeals, "NNNNYN")]
    public void The_policy_answers_the_rules_table(ReportAction action, string expected)
    {
        var columns = new[] { "author", "approver", "other", "office", "admin", "unknown" };
        var actual = string.Concat(columns.Select(c =>
        {
            var member = Members[c];
            var refusal = AccessPolicy.Refusal(new Caller(member?.UserId ?? "stranger", "某人"), member, action, "kgj");
            if (refusal is not null)
            {
                Assert.StartsWith("access.", refusal.Code);
                Assert.DoesNotContain(refusal.Args, a => a is "kgj" or "sfj"); // people read it: no department codes
            }
            return refusal is null ? 'Y' : 'N';
        }));
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void The_system_may_do_anything_and_a_person_whose_id_reads_system_may_not()
    {
        Assert.Null(AccessPolicy.Refusal(Caller.System, null, ReportAction.DistrictYear, null));
        Assert.NotNull(AccessPolicy.Refusal(new Caller("system", "系统"), null, ReportAction.DistrictYear, null));
    }

    [Fact]
    public async Task An_approver_who_wrote_the_draft_may_not_approve_it_and_another_approver_may()
    {
        var draft = await _world.Submission.SubmitAsync(SubmitCommands.For("duty", "正文。"), TestWorld.Approver());

        var e = await Assert.ThrowsAsync<ReportingException>(() =>
            _world.Review.DecideAsync(ReviewCommands.For("duty", draft.Version, DraftDecision.Approve), TestWorld.Approver()));
        Assert.Equal(ProblemKind.Forbidden, e.Kind);
        Assert.Equal(Refusal.Of(RefusalCode.OwnDraftReview), e.Refusal);

        var outcome = await _world.Review.DecideAsync(ReviewCommands.For("duty", draft.Version, DraftDecision.Approve),
            new Caller("kgj-approver2", "科工局审核人二"));
        Assert.Equal(("科工局审核人二", "kgj-approver2", "kgj-approver"), (outcome.Draft.Reviewer, outcome.Draft.ReviewerId, outcome.Draft.AuthorId));
    }

    [Fact]
    public async Task A_stored_membership_wins_over_the_configured_one_and_unknown_users_have_no_rights()
    {
        await _world.Members.SaveAsync(new Membership("kgj-author", MemberRole.Author, "sfj"));

        var moved = await Assert.ThrowsAsync<ReportingException>(() => _world.SubmitAsync("duty"));
        Assert.Equal(ProblemKind.Forbidden, moved.Kind);
        var stranger = await Assert.ThrowsAsync<ReportingException>(() =>
            _world.Access.DemandAsync(new Caller("6f1c2d3e-0000-4000-8000-00000000abcd", "陌生人"), ReportAction.ReadReport, "kgj"));
        Assert.Equal(Refusal.Of(RefusalCode.NotAMember, "陌生人", "6f1c2d3e-0000-4000-8000-00000000abcd"), stranger.Refusal);
        Assert.Empty(_world.Audit.Entries);
    }

    [Fact]
    public void Bootstrap_admins_come_from_a_comma_separated_setting_and_a_malformed_id_stops_the_app()
    {
        Assert.Equal(["a1", "b-2"], ConfiguredMembers.Admins(" a1, b-2 ,").Select(m => m.UserId));
        Assert.All(ConfiguredMembers.Admins("a1"), m => Assert.Equal(MemberRole.OfficeAdmin, m.Role));
        Assert.Throws<InvalidOperationException>(() => ConfiguredMembers.Admins("a1,张三").ToList());
    }
}
