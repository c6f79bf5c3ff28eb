namespace Reporting.Core.Calendar;

/// <summary>
/// The regulation's dates: defaults as month and day in the year after the report year, overrides per report year,
/// reminder days (largest first). The app layer reads them from its settings.
/// </summary>
public sealed record ReportingCalendarDates(
    (int Month, int Day) SubmissionDeadline,
    IReadOnlyDictionary<int, DateOnly> SubmissionDeadlines,
    (int Month, int Day) PublicationDeadline,
    IReadOnlyDictionary<int, DateOnly> PublicationDeadlines,
    IReadOnlyList<int> ReminderDays)
{
    /// <summary>Submission by 3月1日 and publication by 4月1日 of the year after; reminders 14, 7, 3 and 1 days before.</summary>
    public static ReportingCalendarDates Default { get; } =
        new((3, 1), new Dictionary<int, DateOnly>(), (4, 1), new Dictionary<int, DateOnly>(), [14, 7, 3, 1]);
}
