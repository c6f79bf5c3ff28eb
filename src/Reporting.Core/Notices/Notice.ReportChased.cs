namespace Reporting.Core.Notices;

public abstract partial record Notice
{
    /// <summary>
    /// 催报: the district office chased a department by hand; told to its members, with who sent it
    /// (<paramref name="ChasedBy"/>) and the office's own words (<paramref name="Note"/>, null when it added none).
    /// </summary>
    public sealed record ReportChased(NotificationMessage.ReportChased Message, string? To, DateTimeOffset At, DeadlineFacts Due, DepartmentLack Lack,
        string ChasedBy, string? Note) : Notice(To, At)
    {
        public override NotificationMessage.ReportChased Message { get; } = Message;
    }
}
