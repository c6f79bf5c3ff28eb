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
    public string MembersTable { get; set; } = "members";
    public string AssemblyQueue { get; set; } = QueueNames.Assembly;
    public string NotificationQueue { get; set; } = QueueNames.Notification;
}
