namespace Reporting.Core.Calendar;

/// <summary>What the daily calendar run does for a report year on a given day.</summary>
public enum CalendarDuty
{
    None,

    /// <summary>A reminder day before the submission deadline: departments not finished are reminded.</summary>
    Remind,

    /// <summary>After the submission deadline, up to the publication deadline: the district office gets the overdue list.</summary>
    ListOverdue,
}
