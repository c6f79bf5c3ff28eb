namespace Reporting.Core.Notices;

public abstract partial record Notice
{
    /// <summary>The calendar's reminder to a department's members: the deadline and the parts it still lacks.</summary>
    public sealed record DeadlineReminder(NotificationMessage.DeadlineReminder Message, string? To, DateTimeOffset At, DeadlineFacts Due, DepartmentLack Lack)
        : Notice(To, At)
    {
        public override NotificationMessage.DeadlineReminder Message { get; } = Message;
    }
}
