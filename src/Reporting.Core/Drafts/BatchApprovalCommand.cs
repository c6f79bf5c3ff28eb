using Reporting.Core.Reports;
using Reporting.Core.Templates;

namespace Reporting.Core.Drafts;

/// <summary>批量审核: several drafts of one report (at most one version per part) approved with one comment, read by the app layer.</summary>
public sealed record BatchApprovalCommand(ReportKey Key, IReadOnlyList<(ReportSection Section, int Version)> Drafts, string? Comment);
