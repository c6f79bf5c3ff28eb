namespace Reporting.Core.Notices;

/// <summary>
/// What a notice tells: a report's PDF, the year's compiled volume, a draft sent back to its author; the calendar's
/// reminder to a department, the overdue list to the district office, and the office's 催报 to a department.
/// </summary>
public enum NoticeKind
{
    ReportReady,
    VolumeReady,
    DraftRejected,
    DeadlineReminder,
    OverdueList,
    ReportChased,
}
