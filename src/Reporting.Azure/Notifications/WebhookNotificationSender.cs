using System.Net.Http.Json;
using Reporting.Core.Abstractions;

namespace Reporting.Azure.Notifications;

/// <summary>POSTs the notice as JSON to the configured webhook (section "Webhook", key Url); not a channel when none is set.</summary>
public class WebhookNotificationSender(HttpClient http, WebhookOptions options) : INotificationSender
{
    public string Channel => "webhook";

    public bool IsConfigured => options.Url is not null;

    public virtual async Task SendAsync(ReadyNotice notice, CancellationToken cancellationToken = default)
    {
        if (options.Url is null) throw new InvalidOperationException("No webhook URL is configured (Webhook__Url).");
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
    }
}

public sealed class WebhookOptions
{
    public Uri? Url { get; set; }
}
