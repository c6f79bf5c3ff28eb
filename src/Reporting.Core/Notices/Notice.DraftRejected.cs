namespace Reporting.Core.Notices;

public abstract partial record Notice
{
    /// <summary>退回: a draft was sent back; told to its author, with the reviewer and the comment.</summary>
    public sealed record DraftRejected(NotificationMessage.DraftRejected Message, string? To, DateTimeOffset At, DraftRejection Rejection) : Notice(To, At)
    {
        public override NotificationMessage.DraftRejected Message { get; } = Message;
    }
}
