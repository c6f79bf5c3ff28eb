namespace Reporting.Core.Notices;

public abstract partial record NotificationMessage
{
    /// <summary>Tell the district office that PDF version <paramref name="Version"/> of a report is ready.</summary>
    public sealed record ReportReady(int Year, string Department, int Version) : NotificationMessage(Year)
    {
        /// <summary>2023-kgj-v1: one notice per report version.</summary>
        public override string OutboxKey => $"{Year}-{Department}-v{Version}";
    }
}
