namespace Reporting.Core.Documents;

/// <summary>
/// The district's compiled volume (汇编) for a year: a cover, a table of contents, each complete
/// department's report, and a closing page of who and what is still missing.
/// </summary>
public sealed record VolumeDocument(
    string District,
    int Year,
    string Title,
    IReadOnlyList<VolumeEntry> Reports,
    IReadOnlyList<MissingReport> Missing,
    DocumentInfo Info);

/// <summary>One department's report inside the volume.</summary>
public sealed record VolumeEntry(string DepartmentCode, string DepartmentName, ReportDocument Report);

/// <summary>A department whose report is not complete, with the headings of the parts it still lacks.</summary>
public sealed record MissingReport(string DepartmentCode, string DepartmentName, IReadOnlyList<string> MissingParts);
