namespace Reporting.Core.Notices;

public abstract partial record NotificationMessage
{
    /// <summary>
    /// Pass the district office's 催报 on to a department. <paramref name="Id"/> is the 催报's day (yyyy-MM-dd, see
    /// <see cref="OnDay"/>): a department is chased at most once a day. A message queued by earlier code carries the
    /// one-time id of the office's form instead; it reads and sends the same way.
    /// </summary>
    public sealed record ReportChased(int Year, string Department, string Id) : NotificationMessage(Year)
    {
        /// <summary>2024-kgj-chase-2025-02-20: once per department and day, however often and by whomever it is posted.</summary>
        public override string OutboxKey => $"{Year}-{Department}-chase-{Id}";

        /// <summary>The 催报 of <paramref name="department"/>'s report on <paramref name="day"/> (the calendar's day).</summary>
        public static ReportChased OnDay(int year, string department, DateOnly day) => new(year, department, IsoDay(day));
    }
}
