using Reporting.Core.Notices;

namespace Reporting.Azure.Notifications;

/// <summary>How a notice is named to machines (the webhook's type, the e-mail's X-Notice-Kind), and the PDF its kind carries.</summary>
internal static class NoticeEvent
{
    /// <summary>The event a receiver dispatches on.</summary>
    public static string Type(Notice notice) => notice switch
    {
        Notice.ReportReady => "report.ready",
        Notice.VolumeReady => "volume.ready",
        Notice.DraftRejected => "draft.rejected",
        Notice.DeadlineReminder => "deadline.reminder",
        Notice.OverdueList => "deadline.overdue",
        Notice.ReportChased => "report.chased",
        Notice.ReviewAwaited => "review.awaited",
        Notice.DraftApproved => "draft.approved",
        Notice.ReportMade => "report.made",
        _ => throw new ArgumentOutOfRangeException(nameof(notice), notice.GetType().Name, "Not a notice kind this adapter knows."),
    };

    /// <summary>The PDF a report's or a volume's notice is about; the other kinds carry none.</summary>
    public static NoticePdf? Pdf(Notice notice) => notice switch
    {
        Notice.ReportReady report => report.Pdf,
        Notice.VolumeReady volume => volume.Pdf,
        _ => null,
    };
}
