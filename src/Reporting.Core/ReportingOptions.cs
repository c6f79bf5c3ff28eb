namespace Reporting.Core;

/// <summary>Workflow settings (section "Reporting").</summary>
public sealed class ReportingOptions
{
    public const string Section = "Reporting";

    /// <summary>Lifetime of the link a download request is redirected to.</summary>
    public TimeSpan DownloadLinkLifetime { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Lifetime of the link sent to the district office; at most 7 days (a user-delegation SAS cannot live longer).</summary>
    public TimeSpan NotificationLinkLifetime { get; set; } = TimeSpan.FromDays(7);

    /// <summary><see cref="NotificationLinkLifetime"/>, capped at the 7 days a user-delegation key can be valid.</summary>
    public TimeSpan NotificationLinkLifetimeCapped => NotificationLinkLifetime > TimeSpan.FromDays(7) ? TimeSpan.FromDays(7) : NotificationLinkLifetime;

    /// <summary>How long a notification claim protects a sender before another worker may take over.</summary>
    public TimeSpan NotificationClaimLifetime { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>
    /// How long a year-end run's claim on a volume holds without renewal: the run renews it every third of this while it
    /// lives, so a run that died is taken over within this much. Default 1 minute.
    /// </summary>
    public TimeSpan YearEndClaimLifetime { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Bound on retries of an ETag-guarded update under contention.</summary>
    public int MaxConcurrencyRetries { get; set; } = 20;

    /// <summary>Time zone in which report dates (成文日期) and year ends are reckoned.</summary>
    public string TimeZone { get; set; } = "Asia/Shanghai";

    public TimeZoneInfo ResolveTimeZone() =>
        TimeZoneInfo.TryFindSystemTimeZoneById(TimeZone, out var zone) ? zone : TimeZoneInfo.CreateCustomTimeZone("UTC+8", TimeSpan.FromHours(8), "UTC+8",
            "UTC+8");

    /// <summary>Public base URL of the API, used in links a person clicks (the form, status pages).</summary>
    public string? PublicBaseUrl { get; set; }
}
