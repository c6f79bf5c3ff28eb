using Reporting.Core.Reports;

namespace Reporting.Core.Publication;

/// <summary>
/// Publishing one report after its confidentiality review (保密审查): the PDF version the reviewer saw, the reviewer's confirmation
/// and comment. The app layer binds it; the confirmation and comment are Core's to judge, once the caller may publish.
/// </summary>
public sealed record PublishReportCommand(ReportKey Key, int ReviewedVersion, bool ConfidentialityReviewed, string? Comment);
