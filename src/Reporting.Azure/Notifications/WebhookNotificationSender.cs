using System.Net.Http.Json;
using Reporting.Core.Abstractions;

namespace Reporting.Azure.Notifications;

/// <summary>POSTs the notice as JSON to the configured webhook (section "Webhook", key Url); skipped when none is set.</summary>
public class WebhookNotificationSender(HttpClient http, WebhookOptions options) : INotificationSender
{
    public string Channel => "webhook";

    public virtual async Task<bool> SendAsync(ReadyNotice notice, CancellationToken cancellationToken = default)
    {
        if (options.Url is null) return false;
        var payload = new
        {
            type = "report.ready",
            key = notice.Key,
            year = notice.Year,
            department = notice.DepartmentCode,
            departmentName = notice.DepartmentName,
            version = notice.Version,
            pageCount = notice.PageCount,
            sha256 = notice.Sha256,
            downloadUrl = notice.DownloadLink,
            linkExpiresAt = notice.LinkExpiresAt,
        };
        using var response = await http.PostAsJsonAsync(options.Url, payload, cancellationToken);
        response.EnsureSuccessStatusCode();
        return true;
    }
}

public sealed class WebhookOptions
{
    public Uri? Url { get; set; }
}
