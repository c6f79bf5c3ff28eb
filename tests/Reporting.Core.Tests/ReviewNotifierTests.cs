using Reporting.Core.Access;
using Reporting.Core.Drafts;
using Reporting.Core.Notices;
using Xunit;

namespace Reporting.Core.Tests;

public class ReviewNotifierTests
{
    private readonly TestWorld _world = new();

    /// <summary>kgj's approvers: two others, and the author themself (an author who also approves never reviews their own draft).</summary>
    private readonly ListedApprovers _approvers = new([
        new ApproverAddress("kgj-approver", "kgj-approver@members.test"),
        new ApproverAddress("kgj-author", "kgj-author@members.test"),
        new ApproverAddress("kgj-approver2", null),
    ]);

    private ReviewNotifier Notifier =>
        new(_world.Drafts, _approvers, _world.Outbox, _world.Composer, _world.Delivery, _world.Queue, _world.Audit, _world.Clock);

    private DraftSubmission Submission => new(_world.Directory, _world.Access, _world.Drafts, _world.Audit, _world.Coverage, _world.Wording, _world.Options,
        _world.Clock, Notifier);

    private Task<SubmittedDraft> SubmitAsync(string section, string? submissionId = null) =>
        Submission.SubmitOnceAsync(SubmitCommands.For(section, $"{section} 的正文。") with { SubmissionId = submissionId }, TestWorld.Author());

    /// <summary>Delivers every review notice queued so far, as the notification queue's function would, and empties the queue.</summary>
    private async Task<List<DeliveryResult?>> DeliverQueuedAsync()
    {
        var results = new List<DeliveryResult?>();
        while (_world.Queue.Notifications.TryDequeue(out var message))
            if (message is NotificationMessage.ReviewAwaited review) results.Add(await Notifier.NotifyAsync(review));
        return results;
    }

    private List<Notice.ReviewAwaited> Emailed => _world.Sender.Sent.Select(s => Assert.IsType<Notice.ReviewAwaited>(s.Fact)).ToList();

    [Fact]
    public async Task A_new_draft_tells_each_approver_but_its_author_at_once_and_e_mails_those_with_an_address()
    {
        await SubmitAsync("duty");

        var queued = _world.Queue.Notifications.OfType<NotificationMessage.ReviewAwaited>().ToList();
        Assert.Equal(["kgj-approver", "kgj-approver2"], queued.Select(m => m.ApproverId));
        Assert.Equal("2023-kgj-review-kgj-approver-202401050200", queued[0].OutboxKey);
        await DeliverQueuedAsync();

        var sent = Assert.Single(Emailed);
        Assert.Equal("kgj-approver@members.test", sent.To);
        Assert.Equal([new PendingDraft("duty", 1, "起草人", _world.Clock.GetUtcNow())], sent.Drafts);
        Assert.Null(_world.Outbox.Find(queued[1].OutboxKey, "email"));
    }

    [Fact]
    public async Task Submissions_within_fifteen_minutes_of_a_notice_wait_for_one_digest_listing_every_draft_still_awaiting()
    {
        await SubmitAsync("duty");
        await DeliverQueuedAsync();
        _world.Clock.Advance(TimeSpan.FromMinutes(2));
        await SubmitAsync("measures");
        _world.Clock.Advance(TimeSpan.FromMinutes(3));
        await SubmitAsync("plans");

        // Both wait in one digest, in the outbox only: nothing is queued until its window starts.
        var digest = Assert.IsType<NotificationMessage.ReviewAwaited>(_world.Outbox.Find("2023-kgj-review-kgj-approver-202401050215", "email")!.Notice);
        Assert.DoesNotContain(_world.Queue.Notifications, m => m is NotificationMessage.ReviewAwaited { ApproverId: "kgj-approver" });
        Assert.Empty(_world.Queue.Scheduled);
        // An early message for the digest, and a sweep before the window ends, send nothing.
        Assert.Null(await Notifier.NotifyAsync(digest));
        Assert.Equal(0, await _world.Delivery.SweepAsync());
        Assert.Single(Emailed);

        _world.Clock.Advance(TimeSpan.FromMinutes(10));
        Assert.Equal(1, await _world.Delivery.SweepAsync());
        await DeliverQueuedAsync();
        await Notifier.NotifyAsync(digest);

        Assert.Equal(2, Emailed.Count);
        Assert.Equal(["duty", "measures", "plans"], Emailed[1].Drafts.Select(d => d.Section));
    }

    [Fact]
    public async Task The_next_window_counts_from_when_the_last_notice_went_and_a_quiet_approver_is_told_at_once_again()
    {
        await SubmitAsync("duty");
        _world.Clock.Advance(TimeSpan.FromSeconds(30));
        await DeliverQueuedAsync();
        _world.Clock.Advance(TimeSpan.FromMinutes(1));
        await SubmitAsync("measures");
        Assert.NotNull(_world.Outbox.Find("2023-kgj-review-kgj-approver-202401050216", "email"));

        _world.Clock.Advance(TimeSpan.FromMinutes(30));
        await SubmitAsync("plans");
        Assert.Contains(_world.Queue.Notifications, m => m.OutboxKey == "2023-kgj-review-kgj-approver-202401050231");
    }

    [Fact]
    public async Task A_digest_leaves_out_drafts_decided_or_withdrawn_meanwhile_and_is_withdrawn_unsent_when_nothing_is_left()
    {
        await SubmitAsync("duty");
        await DeliverQueuedAsync();
        var measures = (await SubmitAsync("measures")).Draft;
        await _world.DecideAsync("duty", 1);
        await _world.DecideAsync("measures", measures.Version, "reject");
        _world.Clock.Advance(ReviewWindow.Spacing);
        await _world.Delivery.SweepAsync();

        var results = await DeliverQueuedAsync();

        Assert.All(results, Assert.Null);
        Assert.Single(Emailed);
        Assert.True(_world.Outbox.Find("2023-kgj-review-kgj-approver-202401050215", "email")!.IsWithdrawn);
    }

    [Fact]
    public async Task A_duplicate_message_and_a_repeated_post_send_nothing_twice()
    {
        var id = Guid.NewGuid().ToString("N");
        await SubmitAsync("duty", id);
        var message = _world.Queue.Notifications.OfType<NotificationMessage.ReviewAwaited>().First(m => m.ApproverId == "kgj-approver");

        await Notifier.NotifyAsync(message);
        var again = await Notifier.NotifyAsync(message);
        var repeated = await SubmitAsync("duty", id);

        Assert.Empty(again!.SentNow);
        Assert.True(repeated.Repeated);
        Assert.Equal(2, _world.Queue.Notifications.Count);
        Assert.Empty(_world.Queue.Scheduled);
        Assert.Single(Emailed);
    }

    private sealed class ListedApprovers(IReadOnlyList<ApproverAddress> approvers) : IDepartmentApprovers
    {
        public Task<IReadOnlyList<ApproverAddress>> OfDepartmentAsync(string department, CancellationToken cancellationToken = default) =>
            Task.FromResult(department == "kgj" ? approvers : []);
    }
}
