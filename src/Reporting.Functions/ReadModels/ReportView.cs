namespace Reporting.Functions.ReadModels;

/// <summary>The JSON shape of GET reports/{year}/{department}.</summary>
public sealed record ReportView(
    int Year,
    string Department,
    string DepartmentName,
    string Status,
    IReadOnlyList<string> MissingSections,
    IReadOnlyList<AssemblyWaitView> AssemblyWaitsFor,
    IReadOnlyList<SectionView> Sections,
    IReadOnlyList<PdfVersionView> Versions,
    IReadOnlyList<AuditView> Audit,
    PublicationView Publication)
{
    public DeadlineView? Deadline { get; init; }
}

/// <summary>A part the next PDF waits for: no approved version yet, or a newer draft awaiting its decision.</summary>
public sealed record AssemblyWaitView(string Section, string Heading, int? Version, string Reason);

public sealed record SectionView(string Section, string Heading, bool Required, int? ApprovedVersion, IReadOnlyList<DraftView> Drafts);

public sealed record DraftView(int Version, string Author, string? AuthorId, string Status, DateTimeOffset SubmittedAt, int Length,
    string? Reviewer, string? ReviewerId, DateTimeOffset? ReviewedAt, bool Superseded);

public sealed record PdfVersionView(
    int Version,
    string Status,
    IReadOnlyDictionary<string, int> SourceVersions,
    int? PageCount,
    string? Sha256,
    DateTimeOffset RequestedAt,
    DateTimeOffset? AssemblingSince,
    DateTimeOffset? AssembledAt,
    DateTimeOffset? NotifiedAt,
    string? DownloadUrl,
    NotificationView? Notification)
{
    /// <summary>The download route of the version's OFD twin (a version made before OFDs were written answers it 404).</summary>
    public string? OfdUrl { get; init; }
}

/// <summary>Where the notice of one PDF stands: sent, or which channel failed, why, and when it is tried next.</summary>
public sealed record NotificationView(string Status, string Detail, DateTimeOffset? NextAttemptAt, IReadOnlyList<NotificationChannelView> Channels);

public sealed record NotificationChannelView(string Channel, string Status, int Attempts, string? LastError, DateTimeOffset? LastAttemptAt,
    DateTimeOffset? NextAttemptAt, DateTimeOffset? SentAt);
/// <summary>The JSON shape of GET …/drafts/{version}.</summary>
public sealed record DraftDetailView(int Year, string Department, string Section, string Heading, int Version, string Author, string? AuthorId, string Status,
    DateTimeOffset SubmittedAt, string? Reviewer, string? ReviewerId, string? ReviewComment, DateTimeOffset? ReviewedAt, bool Superseded, string Body);

/// <summary>The JSON shape of GET reports/{year}: every configured department and the newest volume.</summary>
public sealed record YearView(int Year, int Complete, int Missing, IReadOnlyList<DepartmentStatusView> Departments, VolumeView? Volume,
    IReadOnlyList<VolumeView> Volumes,
    YearPublicationView Publication)
{
    public DeadlineView? Deadline { get; init; }
}

public sealed record DepartmentStatusView(
    string Department,
    string Name,
    string Status,
    int ApprovedParts,
    int RequiredParts,
    IReadOnlyList<string> MissingSections,
    int? NewestPdfVersion,
    bool Notified,
    DateTimeOffset? NotifiedAt,
    string? DownloadUrl,
    IReadOnlyList<PartStatusView> Parts,
    PublicationView Publication);

/// <summary>One part of a department's report at a glance: its newest draft's status (<c>missing</c> when none was submitted).</summary>
public sealed record PartStatusView(string Section, string Status, int? Version);

public sealed record VolumeView(int Version, string Status, int? PageCount, string? Sha256, int Reports, int MissingDepartments,
    DateTimeOffset ClaimedAt, DateTimeOffset? StoredAt, DateTimeOffset? NotifiedAt, string? DownloadUrl)
{
    /// <summary>The download route of the volume's OFD twin.</summary>
    public string? OfdUrl { get; init; }
}
