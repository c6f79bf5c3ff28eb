using Reporting.Core.Drafts;
using Reporting.Core.Errors;
using Reporting.Core.Notices;
using Reporting.Core.Reports;
using Reporting.Core.Templates;
using Xunit;

namespace Reporting.Core.Tests;

public class ApprovalNotifierTests
{
    private readonly TestWorld _world = new();

    private async Task<NotificationMessage.DraftApproved> ApproveDutyAsync(string? comment = null)
    {
        var draft = await _world.SubmitAsync("duty");
        await _world.Review.DecideAsync(ReviewCommands.For("duty", draft.Version, DraftDecision.Approve, comment), TestWorld.Approver(name: "科工局审核人"));
        return new NotificationMessage.DraftApproved(2023, "kgj", "duty", draft.Version);
    }

    private List<NotificationMessage.DraftApproved> Queued() => _world.Queue.Notifications.OfType<NotificationMessage.DraftApproved>().ToList();

    [Fact]
    public async Task An_approval_registers_its_notice_per_draft_version_in_the_outbox_and_queues_it_at_once()
    {
        var message = await ApproveDutyAsync();

        Assert.Equal("2023-kgj-approved-duty-v1", message.OutboxKey);
        Assert.Equal(message, Assert.Single(Queued()));
        Assert.False(_world.Outbox.Find(message.OutboxKey, "email")!.IsSent);
    }

    [Fact]
    public async Task The_author_is_told_once_with_the_part_reviewer_and_comment()
    {
        var message = await ApproveDutyAsync("内容完整。");

        var first = await _world.Approvals.NotifyAsync(message);
        var again = await _world.Approvals.NotifyAsync(message);

        Assert.Equal(["email"], first!.SentNow);
        Assert.Empty(again!.SentNow);
        var fact = Assert.IsType<Notice.DraftApproved>(Assert.Single(_world.Sender.Sent).Fact);
        Assert.Equal(("kgj-author@authors.test", "kgj", 1), (fact.To, fact.Message.Department, fact.Message.Version));
        Assert.Equal(new DraftApproval("duty", "起草人", "科工局审核人", "内容完整。"), fact.Approval);
    }

    [Fact]
    public async Task A_repeated_approval_requeues_the_same_notice_but_never_sends_a_second_email()
    {
        var message = await ApproveDutyAsync();
        await _world.Approvals.NotifyAsync(message);

        await _world.Review.DecideAsync(ReviewCommands.For("duty", 1, DraftDecision.Approve), TestWorld.Approver());
        foreach (var queued in Queued()) await _world.Approvals.NotifyAsync(queued);

        Assert.Equal([message, message], Queued());
        Assert.Single(_world.Sender.Sent);
    }

    [Fact]
    public async Task A_batch_approval_queues_one_notice_per_approved_draft()
    {
        var duty = await _world.SubmitAsync("duty");
        var plans = await _world.SubmitAsync("plans");

        await new BatchApproval(_world.Access, _world.Review).ApproveAsync(new BatchApprovalCommand(new ReportKey(2023, "kgj"),
            [(ReportTemplate.Find("duty")!, duty.Version), (ReportTemplate.Find("plans")!, plans.Version)], "同意。"), TestWorld.Approver());

        Assert.Equal([ApprovalNotifier.MessageFor(duty), ApprovalNotifier.MessageFor(plans)], Queued());
    }

    [Fact]
    public async Task A_rejection_sends_no_approval_notice()
    {
        var draft = await _world.SubmitAsync("duty");
        await _world.Review.DecideAsync(ReviewCommands.For("duty", draft.Version, DraftDecision.Reject, "请修改。"), TestWorld.Approver());

        Assert.Empty(Queued());
        Assert.Null(await _world.Approvals.NotifyAsync(new NotificationMessage.DraftApproved(2023, "kgj", "duty", draft.Version)));
    }

    [Fact]
    public async Task An_author_without_an_address_gets_no_email_while_the_webhook_still_goes_out()
    {
        _world.WithWebhook();
        _world.Addresses.NoneKnown = true;
        var message = await ApproveDutyAsync();

        var result = await _world.Approvals.NotifyAsync(message);

        Assert.Equal(["webhook"], result!.Channels.Select(c => c.Channel));
        Assert.Empty(_world.Sender.Sent);
        Assert.Null(Assert.Single(_world.Webhook.Sent).Fact.To);
    }

    [Fact]
    public async Task An_approval_refused_for_a_superseded_version_queues_nothing()
    {
        await _world.SubmitAsync("duty");
        await _world.SubmitAsync("duty", "第二版正文。");

        await Assert.ThrowsAsync<ReportingException>(() =>
            _world.Review.DecideAsync(ReviewCommands.For("duty", 1, DraftDecision.Approve), TestWorld.Approver()));

        Assert.Empty(Queued());
    }
}
