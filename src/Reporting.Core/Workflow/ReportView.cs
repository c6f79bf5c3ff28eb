namespace Reporting.Core.Workflow;

/// <summary>The JSON shape of GET reports/{year}/{department}.</summary>
public sealed record ReportView(
    int Year,
    string Department,
    string DepartmentName,
    string Status,
    IReadOnlyList<string> MissingSections,
    IReadOnlyList<SectionView> Sections,
    IReadOnlyList<PdfVersionView> Versions);

public sealed record SectionView(string Section, string Heading, bool Required, int? ApprovedVersion, IReadOnlyList<DraftView> Drafts);

public sealed record DraftView(int Version, string Author, string Status, DateTimeOffset SubmittedAt, int Length, string? Reviewer, DateTimeOffset? ReviewedAt, bool Superseded);

public sealed record PdfVersionView(
    int Version,
    string Status,
    IReadOnlyDictionary<string, int> SourceVersions,
    int? PageCount,
    string? Sha256,
    DateTimeOffset RequestedAt,
    DateTimeOffset? AssembledAt,
    DateTimeOffset? NotifiedAt,
    string? DownloadUrl);

/// <summary>The JSON shape of GET …/drafts/{version}.</summary>
public sealed record DraftDetailView(int Year, string Department, string Section, string Heading, int Version, string Author, string Status,
    DateTimeOffset SubmittedAt, string? Reviewer, string? ReviewComment, DateTimeOffset? ReviewedAt, bool Superseded, string Body);
