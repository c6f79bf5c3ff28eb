namespace Reporting.Core.Abstractions;

/// <summary>One way of telling the district office (e-mail, webhook).</summary>
public interface INotificationSender
{
    string Channel { get; }

    /// <summary>False when this channel is not set up (no webhook URL): it has no outbox entry and is never tried.</summary>
    bool IsConfigured => true;

    /// <summary>Delivers the notice or throws; a throw is recorded in the outbox and retried on the schedule.</summary>
    Task SendAsync(ReadyNotice notice, CancellationToken cancellationToken = default);
}

/// <summary>What the district office is told when a PDF (a report, or the year's compiled volume) is ready.</summary>
public sealed record ReadyNotice(
    string Key,
    string To,
    string Subject,
    string Text,
    int Year,
    string DepartmentCode,
    string DepartmentName,
    int Version,
    int PageCount,
    string Sha256,
    Uri DownloadLink,
    DateTimeOffset LinkExpiresAt,
    string Kind = "report");
