namespace Reporting.Core.Notices;

public abstract partial record NotificationMessage
{
    /// <summary>Tell an author that draft <paramref name="Version"/> of part <paramref name="Section"/> was approved.</summary>
    public sealed record DraftApproved(int Year, string Department, string Section, int Version) : NotificationMessage(Year)
    {
        /// <summary>2023-kgj-approved-duty-v2: a draft version is approved at most once, however often the approval is posted.</summary>
        public override string OutboxKey => $"{Year}-{Department}-approved-{Section}-v{Version}";
    }
}
