namespace Reporting.Core.Notices;

public abstract partial record NotificationMessage
{
    /// <summary>List the departments past the deadline to the district office, on day <paramref name="Day"/>.</summary>
    public sealed record OverdueList(int Year, DateOnly Day) : NotificationMessage(Year)
    {
        /// <summary>2024-overdue-2025-03-02: once a day.</summary>
        public override string OutboxKey => $"{Year}-overdue-{IsoDay(Day)}";
    }
}
