using Reporting.Core.Access;
using Reporting.Core.Drafts;
using Reporting.Core.Errors;
using Reporting.Core.Notices;
using Xunit;

namespace Reporting.Core.Tests;

public class RejectionNotifierTests
{
    private readonly TestWorld _world = new();

    private async Task<NotificationMessage.DraftRejected> RejectDutyAsync(string comment = "请补充数据。")
    {
        var draft = await _world.SubmitAsync("duty");
        await _world.Review.DecideAsync(ReviewCommands.For("duty", draft.Version, DraftDecision.Reject, comment), TestWorld.Approver(name: "科工局审核人"));
        return new NotificationMessage.DraftRejected(2023, "kgj", "duty", draft.Version);
    }

    [Fact]
    public async Task A_rejection_registers_its_notice_in_the_outbox_and_queues_it()
    {
        var message = await RejectDutyAsync();

        Assert.Equal("2023-kgj-duty-v1-rejected", message.OutboxKey);
        Assert.Equal(message, Assert.Single(_world.Queue.Notifications));
        Assert.False(_world.Outbox.Find(message.OutboxKey, "email")!.IsSent);
    }

    [Fact]
    public async Task The_author_is_told_once_with_the_part_reviewer_and_comment()
    {
        var message = await RejectDutyAsync("第二段数据有误，\n请核实。");

        var first = await _world.Rejections.NotifyAsync(message);
        var again = await _world.Rejections.NotifyAsync(message);

        Assert.Equal(["email"], first!.SentNow);
        Assert.Empty(again!.SentNow);
        var fact = Assert.IsType<Notice.DraftRejected>(Assert.Single(_world.Sender.Sent).Fact);
        Assert.Equal(("kgj-author@authors.test", "kgj", 1), (fact.To, fact.Message.Department, fact.Message.Version));
        Assert.Equal(new DraftRejection("duty", "起草人", "科工局审核人", "第二段数据有误，\n请核实。"), fact.Rejection);
        Assert.Contains(_world.Audit.Entries, e => e.Action == "draft.rejection-notified");
    }

    [Fact]
    public async Task A_repeated_rejection_request_is_refused_and_requeues_but_never_sends_a_second_email()
    {
        var message = await RejectDutyAsync();
        await _world.Rejections.NotifyAsync(message);

        await Assert.ThrowsAsync<ReportingException>(() =>
            _world.Review.DecideAsync(ReviewCommands.For("duty", 1, DraftDecision.Reject, "再退一次"), TestWorld.Approver()));
        foreach (var queued in _world.Queue.Notifications.OfType<NotificationMessage.DraftRejected>().ToList()) await _world.Rejections.NotifyAsync(queued);

        Assert.Equal(2, _world.Queue.Notifications.Count);
        Assert.Single(_world.Sender.Sent);
    }

    [Fact]
    public async Task An_author_without_an_address_gets_no_email_which_is_recorded_while_the_webhook_still_goes_out()
    {
        _world.WithWebhook();
        _world.Addresses.NoneKnown = true;
        var message = await RejectDutyAsync();

        var result = await _world.Rejections.NotifyAsync(message);

        Assert.Equal(["webhook"], result!.Channels.Select(c => c.Channel));
        Assert.True(result.Delivered);
        Assert.Empty(_world.Sender.Sent);
        Assert.Null(Assert.Single(_world.Webhook.Sent).Fact.To);
        Assert.Null(_world.Outbox.Find(message.OutboxKey, "email"));
        Assert.Single(_world.Audit.Entries, e => e.Action == "draft.rejection-unaddressed");
        _world.Clock.Advance(TimeSpan.FromHours(1));
        Assert.Equal(0, await _world.Delivery.SweepAsync());
    }

    [Fact]
    public async Task The_address_the_author_signed_in_with_is_recorded_with_the_draft_and_used()
    {
        var draft = await _world.Submission.SubmitAsync(SubmitCommands.For("duty", "正文。"), new Caller("kgj-author", "张三", "zhang3@weidu.example.gov.cn"));
        await _world.Review.DecideAsync(ReviewCommands.For("duty", 1, DraftDecision.Reject, "请修改。"), TestWorld.Approver());

        await _world.Rejections.NotifyAsync(new NotificationMessage.DraftRejected(2023, "kgj", "duty", draft.Version));

        Assert.Equal("zhang3@weidu.example.gov.cn", draft.AuthorEmail);
        Assert.Equal("zhang3@weidu.example.gov.cn", Assert.Single(_world.Sender.Sent).Fact.To);
    }

    [Fact]
    public async Task An_approval_sends_no_rejection_notice()
    {
        var draft = await _world.SubmitAsync("duty");
        await _world.DecideAsync("duty", draft.Version);

        Assert.Empty(_world.Queue.Notifications.OfType<NotificationMessage.DraftRejected>());
        Assert.Null(await _world.Rejections.NotifyAsync(new NotificationMessage.DraftRejected(2023, "kgj", "duty", draft.Version)));
    }
}
