using System.Net.Http.Json;
using Reporting.Azure.Queues;
using Reporting.Core.Directory;
using Reporting.Core.Notices;

namespace Reporting.Azure.Notifications;

/// <summary>POSTs the notice's facts as JSON (type report.ready, volume.ready, draft.rejected, deadline.reminder, deadline.overdue, report.chased,
/// review.awaited, draft.approved or report.made, and the department) to the configured webhook (section "Webhook", key Url);
/// not a channel when none is set.</summary>
public class WebhookNotificationSender(HttpClient http, WebhookOptions options, DistrictDirectory directory) : INotificationSender
{
    public string Channel => "webhook";

    public bool IsConfigured => options.Url is not null;

    public virtual async Task SendAsync(ComposedNotice notice, CancellationToken cancellationToken = default)
    {
        if (options.Url is null) throw new InvalidOperationException("No webhook URL is configured (Webhook__Url).");
        var fact = notice.Fact;
        // The identity in the flat fields every kind shares (department "" and version 0 where the kind has none).
        var identity = NotificationMessageFields.From(fact.Message);
        var pdf = NoticeEvent.Pdf(fact);
        var report = fact as Notice.ReportReady;
        var rejection = (fact as Notice.DraftRejected)?.Rejection;
        var approval = (fact as Notice.DraftApproved)?.Approval;
        var volume = (fact as Notice.VolumeReady)?.Contents;
        var chase = fact as Notice.ReportChased;
        var review = fact as Notice.ReviewAwaited;
        var made = fact as Notice.ReportMade;
        (DeadlineFacts Due, IReadOnlyList<DepartmentLack> Lacking)? calendar = fact switch
        {
            Notice.DeadlineReminder reminder => (reminder.Due, [reminder.Lack]),
            Notice.OverdueList overdue => (overdue.Due, overdue.Departments),
            Notice.ReportChased chased => (chased.Due, [chased.Lack]),
            _ => null,
        };
        var payload = new
        {
            type = NoticeEvent.Type(fact),
            key = notice.Key,
            year = fact.Year,
            department = identity.Department is { Length: > 0 } code ? code : null,
            departmentName = DepartmentName(identity.Department),
            version = identity.Version ?? 0,
            at = fact.At,
            subject = notice.Subject,
            pageCount = pdf?.PageCount,
            sha256 = pdf?.Sha256,
            downloadUrl = pdf?.StorageLink,
            linkExpiresAt = pdf?.LinkExpiresAt,
            previousVersion = report?.PreviousVersion,
            changedParts = report is not { Changes.Count: > 0 } ? null
                : report.Changes.Select(c => new { section = c.Section, previousVersion = c.PreviousVersion, version = c.Version, approvedBy = c.ApprovedBy }),
            section = rejection?.Section ?? approval?.Section,
            reviewer = rejection?.Reviewer ?? approval?.Reviewer,
            comment = rejection?.Comment ?? approval?.Comment,
            complete = volume?.Complete,
            missing = volume?.Missing,
            deadline = calendar?.Due.Deadline.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            daysLeft = calendar?.Due.DaysLeft,
            lacking = calendar?.Lacking.Select(d => new
            {
                department = d.Department,
                departmentName = directory.Find(d.Department)?.Name ?? d.Department,
                parts = d.Parts.Select(p => new { section = p.Section, state = LackCode(p.State), version = p.Version, comment = p.Comment }),
            }),
            chasedBy = chase?.ChasedBy,
            message = chase?.Note,
            approver = review?.Message.ApproverId,
            author = made?.Message.AuthorId,
            awaiting = review?.Drafts.Select(d => new { section = d.Section, version = d.Version, author = d.Author, submittedAt = d.SubmittedAt }),
        };
        using var response = await http.PostAsJsonAsync(options.Url, payload, cancellationToken);
        response.EnsureSuccessStatusCode();
    }

    private static string LackCode(LackState state) => state switch
    {
        LackState.NotSubmitted => "missing",
        LackState.Rejected => "rejected",
        _ => "submitted",
    };

    /// <summary>The department's Chinese name from the directory; for a volume, the district's.</summary>
    private string DepartmentName(string? code) => string.IsNullOrEmpty(code) ? directory.District : directory.Find(code)?.Name ?? code;
}

public sealed class WebhookOptions
{
    public Uri? Url { get; set; }

    /// <summary>The longest one webhook call may take (Webhook__Timeout); a receiver that hangs is retried on the schedule.</summary>
    public TimeSpan Timeout { get; set; } = DefaultTimeout;
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(15);
}
