using Reporting.Core.Queues;


namespace Reporting.Azure.Storage;

/// <summary>
/// Where the app's storage is and how to reach it. Either a connection string (Azurite, local runs) or
/// service URIs reached with a managed identity (Azure, where shared keys are disabled).
/// </summary>
public sealed class StorageOptions
{
    public string? ConnectionString { get; set; }
    public Uri? BlobServiceUri { get; set; }
    public Uri? QueueServiceUri { get; set; }
    public Uri? TableServiceUri { get; set; }
    /// <summary>Client id of the user-assigned managed identity; null uses the default credential chain.</summary>
    public string? ClientId { get; set; }

    public string ReportsContainer { get; set; } = "reports";
    public string DraftsTable { get; set; } = "drafts";
    public string ReportsTable { get; set; } = "reports";
    public string AuditTable { get; set; } = "audit";
    public string OutboxTable { get; set; } = "outbox";
    public string YearEndTable { get; set; } = "yearend";
    /// <summary>Each department's last 催报 (全区总览 shows it; a department is chased at most once a day).</summary>
    public string ChasesTable { get; set; } = "chases";
    public string MembersTable { get; set; } = "members";
    public string PublicationsTable { get; set; } = "publications";
    /// <summary>Every stored PDF by the SHA-256 of its bytes (/api/verify reads it).</summary>
    public string PdfHashesTable { get; set; } = "pdfhashes";
    /// <summary>When each timer function last completed a run (GET /api/health reads it).</summary>
    public string TimerRunsTable { get; set; } = "timerruns";
    /// <summary>Who signed in, with their display name (成员管理 finds people by name in it).</summary>
    public string SignInsTable { get; set; } = "signins";
    public string AssemblyQueue { get; set; } = QueueNames.Assembly;
    public string NotificationQueue { get; set; } = QueueNames.Notification;
    /// <summary>立即汇编's runs (GET reports/{year}/year-end/{id} follows each).</summary>
    public string YearEndQueue { get; set; } = QueueNames.YearEnd;

    // Bounded waits: storage that hangs or is gone must turn into a prompt 503, not a request held for minutes
    // (the SDK's defaults are 100 s per try and 3 retries). Table and queue calls are small; blobs carry PDFs.
    /// <summary>How long one table or queue call may wait for the service before it is retried or fails.</summary>
    public TimeSpan NetworkTimeout { get; set; } = TimeSpan.FromSeconds(3);
    /// <summary>
    /// How long one try of a table query (a partition or a range of them, page by page) may wait for the service: a
    /// query that is slow because many run at once still finishes; only storage that does not answer at all is a 503.
    /// </summary>
    public TimeSpan QueryNetworkTimeout { get; set; } = TimeSpan.FromSeconds(20);
    /// <summary>How long one blob call may wait (uploads of a compiled volume are tens of megabytes).</summary>
    public TimeSpan BlobNetworkTimeout { get; set; } = TimeSpan.FromSeconds(30);
    /// <summary>Retries after the first try of a call that timed out or failed transiently (exponential, from <see cref="RetryDelay"/>).</summary>
    public int MaxRetries { get; set; } = 1;
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMilliseconds(250);
    /// <summary>How long a submission may wait for its turn and its version number before it is refused with 503.</summary>
    public TimeSpan DraftNumberingBudget { get; set; } = TimeSpan.FromSeconds(30);
}
