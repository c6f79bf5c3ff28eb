namespace Reporting.Core.Notices;

public abstract partial record Notice
{
    /// <summary>Review awaited: drafts of a report await an approver who may decide them (not their author), in template order.</summary>
    public sealed record ReviewAwaited(NotificationMessage.ReviewAwaited Message, string? To, DateTimeOffset At, IReadOnlyList<PendingDraft> Drafts)
        : Notice(To, At)
    {
        public override NotificationMessage.ReviewAwaited Message { get; } = Message;
    }
}
