namespace Reporting.Core.Calendar;

/// <summary>
/// 全部催报 as the app layer bound it: the year, the one-time id of the office's form (one for every department it chases)
/// and the office's own words for every e-mail (trimmed, line feeds only; null when none).
/// </summary>
public sealed record ChaseAllCommand(int Year, string FormId, string? Note);
