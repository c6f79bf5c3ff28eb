using Reporting.Core.Reports;

namespace Reporting.Core.Calendar;

/// <summary>
/// 催报 by hand, as the app layer bound it: the report chased (a department the directory knows), the one-time id of the
/// office's form (so a double click sends one notice), and the office's own words (trimmed, line feeds only; null when none).
/// </summary>
public sealed record ChaseDepartmentCommand(ReportKey Report, string FormId, string? Note);
