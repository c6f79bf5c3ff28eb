namespace Reporting.Core.Notices;

public abstract partial record Notice
{
    /// <summary>A report's PDF is stored: told to the district office.</summary>
    /// <param name="Ofd">The same pages as OFD, stored beside the PDF; null when there is none (a PDF made before OFDs were written).</param>
    public sealed record ReportReady(NotificationMessage.ReportReady Message, string? To, DateTimeOffset At, NoticePdf Pdf, NoticePdf? Ofd) : Notice(To, At)
    {
        public override NotificationMessage.ReportReady Message { get; } = Message;

        /// <summary>For a second or later PDF: the version before (null for the first), and the parts that changed since it.</summary>
        public int? PreviousVersion { get; init; }

        public IReadOnlyList<ChangedPart> Changes { get; init; } = [];
    }
}
