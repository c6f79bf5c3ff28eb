namespace Reporting.Core.Notices;

public abstract partial record NotificationMessage
{
    /// <summary>Tell an author that draft <paramref name="Version"/> of part <paramref name="Section"/> was sent back (退回通知).</summary>
    public sealed record DraftRejected(int Year, string Department, string Section, int Version) : NotificationMessage(Year)
    {
        /// <summary>2023-kgj-duty-v2-rejected: a draft version is rejected at most once.</summary>
        public override string OutboxKey => $"{Year}-{Department}-{Section}-v{Version}-rejected";
    }
}
