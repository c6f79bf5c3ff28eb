using System.Net.Http.Json;
using Reporting.Core.Abstractions;
using Reporting.Core.Directory;
using Reporting.Core.Notices;

namespace Reporting.Azure.Notifications;

/// <summary>POSTs the notice's facts as JSON (type report.ready, volume.ready, draft.rejected, deadline.reminder, deadline.overdue or report.chased, and the
/// department) to the configured webhook (section "Webhook", key Url); not a channel when none is set.</summary>
public class WebhookNotificationSender(HttpClient http, WebhookOptions options, DistrictDirectory directory) : INotificationSender
{
    public string Channel => "webhook";

    public bool IsConfigured => options.Url is not null;

    public virtual async Task SendAsync(ComposedNotice notice, CancellationToken cancellationToken = default)
    {
        if (options.Url is null) throw new InvalidOperationException("No webhook URL is configured (Webhook__Url).");
        var fact = notice.Fact;
        var payload = new
        {
            type = EventType(fact.Kind),
            key = notice.Key,
            year = fact.Year,
            department = fact.DepartmentCode.Length == 0 ? null : fact.DepartmentCode,
            departmentName = DepartmentName(fact),
            version = fact.Version,
            at = fact.At,
            subject = notice.Subject,
            pageCount = fact.Pdf?.PageCount,
            sha256 = fact.Pdf?.Sha256,
            downloadUrl = fact.Pdf?.StorageLink,
            linkExpiresAt = fact.Pdf?.LinkExpiresAt,
            previousVersion = fact.PreviousVersion,
            changedParts = fact.Changes.Count == 0 ? null
                : fact.Changes.Select(c => new { section = c.Section, previousVersion = c.PreviousVersion, version = c.Version, approvedBy = c.ApprovedBy }),
            section = fact.Rejection?.Section,
            reviewer = fact.Rejection?.Reviewer,
            comment = fact.Rejection?.Comment,
            complete = fact.Volume?.Complete,
            missing = fact.Volume?.Missing,
            deadline = fact.Deadline?.Deadline.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            daysLeft = fact.Deadline?.DaysLeft,
            lacking = fact.Deadline?.Departments.Select(d => new
            {
                department = d.Department,
                departmentName = directory.Find(d.Department)?.Name ?? d.Department,
                parts = d.Parts.Select(p => new { section = p.Section, state = LackCode(p.State), version = p.Version, comment = p.Comment }),
            }),
            chasedBy = fact.Deadline?.ChasedBy,
            message = fact.Deadline?.ChaseNote,
        };
        using var response = await http.PostAsJsonAsync(options.Url, payload, cancellationToken);
        response.EnsureSuccessStatusCode();
    }

    /// <summary>The event a receiver dispatches on.</summary>
    public static string EventType(NoticeKind kind) => kind switch
    {
        NoticeKind.ReportReady => "report.ready",
        NoticeKind.VolumeReady => "volume.ready",
        NoticeKind.DeadlineReminder => "deadline.reminder",
        NoticeKind.OverdueList => "deadline.overdue",
        NoticeKind.ReportChased => "report.chased",
        _ => "draft.rejected",
    };

    private static string LackCode(LackState state) => state switch
    {
        LackState.NotSubmitted => "missing",
        LackState.Rejected => "rejected",
        _ => "submitted",
    };

    /// <summary>The department's Chinese name from the directory; for a volume, the district's.</summary>
    private string DepartmentName(Notice fact) => fact.DepartmentCode.Length == 0 ? directory.District : directory.Find(fact.DepartmentCode)?.Name
        ?? fact.DepartmentCode;
}

public sealed class WebhookOptions
{
    public Uri? Url { get; set; }

    /// <summary>The longest one webhook call may take (Webhook__Timeout); a receiver that hangs is retried on the schedule.</summary>
    public TimeSpan Timeout { get; set; } = DefaultTimeout;
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(15);
}
