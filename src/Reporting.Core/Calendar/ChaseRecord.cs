namespace Reporting.Core.Calendar;

/// <summary>
/// The last 催报 of one department's report for a year: when (<paramref name="At"/>, on the calendar's <paramref name="Day"/>),
/// by whom, and through which form (<paramref name="FormId"/>: a repeated post of that form is the same 催报). It is what
/// keeps a department from being chased twice on one day, and what 全区总览 shows beside each department. Written under its ETag.
/// </summary>
public sealed record ChaseRecord(int Year, string Department, DateOnly Day, DateTimeOffset At, string ChasedBy, string ChasedByName, string FormId,
    string? ETag = null);
