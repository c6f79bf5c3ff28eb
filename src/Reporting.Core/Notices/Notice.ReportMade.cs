namespace Reporting.Core.Notices;

public abstract partial record Notice
{
    /// <summary>A department's report PDF was made; told to one author of the parts it holds, with the parts they wrote (template order).</summary>
    public sealed record ReportMade(NotificationMessage.ReportMade Message, string? To, DateTimeOffset At, string Author, int PageCount,
        IReadOnlyList<string> Sections) : Notice(To, At)
    {
        public override NotificationMessage.ReportMade Message { get; } = Message;
    }
}
