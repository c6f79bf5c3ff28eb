namespace Reporting.Core.Notices;

public abstract partial record NotificationMessage
{
    /// <summary>Remind a department's members, on the calendar's reminder day <paramref name="Day"/>, of what they still owe.</summary>
    public sealed record DeadlineReminder(int Year, string Department, DateOnly Day) : NotificationMessage(Year)
    {
        /// <summary>2024-kgj-reminder-2025-02-15: once per department and day.</summary>
        public override string OutboxKey => $"{Year}-{Department}-reminder-{IsoDay(Day)}";
    }
}
