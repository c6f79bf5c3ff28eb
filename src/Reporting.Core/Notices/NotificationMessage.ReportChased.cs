namespace Reporting.Core.Notices;

public abstract partial record NotificationMessage
{
    /// <summary>Pass the district office's 催报 on to a department; <paramref name="Id"/> is the one-time id of the office's form.</summary>
    public sealed record ReportChased(int Year, string Department, string Id) : NotificationMessage(Year)
    {
        /// <summary>2024-kgj-chase-ID: once per 催报 form, however often it is posted.</summary>
        public override string OutboxKey => $"{Year}-{Department}-chase-{Id}";
    }
}
