namespace Reporting.Core.Notices;

public abstract partial record Notice
{
    /// <summary>After the deadline, the daily list to the district office of every department not finished, with what each lacks.</summary>
    public sealed record OverdueList(NotificationMessage.OverdueList Message, string? To, DateTimeOffset At, DeadlineFacts Due,
        IReadOnlyList<DepartmentLack> Departments) : Notice(To, At)
    {
        public override NotificationMessage.OverdueList Message { get; } = Message;
    }
}
