namespace Reporting.Core.Notices;

public abstract partial record NotificationMessage
{
    /// <summary>
    /// Tell author <paramref name="AuthorId"/> that version <paramref name="Version"/> of their department's report (a PDF holding
    /// parts they wrote) was made. One message per author rather than one to all: each is once-only on its own, and an
    /// author with no address skips only their own e-mail.
    /// </summary>
    public sealed record ReportMade(int Year, string Department, int Version, string AuthorId) : NotificationMessage(Year)
    {
        /// <summary>2023-kgj-made-v2-USER: a report version is made once, however often it is assembled; its next version is told again.</summary>
        public override string OutboxKey => $"{Year}-{Department}-made-v{Version}-{AuthorId}";
    }
}
