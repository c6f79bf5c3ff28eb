namespace Reporting.Core.Notices;

public abstract partial record Notice
{
    /// <summary>A part's draft was approved; told to its author, with the reviewer and the comment.</summary>
    public sealed record DraftApproved(NotificationMessage.DraftApproved Message, string? To, DateTimeOffset At, DraftApproval Approval) : Notice(To, At)
    {
        public override NotificationMessage.DraftApproved Message { get; } = Message;
    }
}
