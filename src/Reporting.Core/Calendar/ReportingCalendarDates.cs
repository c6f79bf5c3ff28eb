namespace Reporting.Core.Calendar;

/// <summary>The parsed <see cref="CalendarOptions"/>: defaults as month and day, overrides per report year, reminder days (largest first).</summary>
public sealed record ReportingCalendarDates(
    (int Month, int Day) SubmissionDeadline,
    IReadOnlyDictionary<int, DateOnly> SubmissionDeadlines,
    (int Month, int Day) PublicationDeadline,
    IReadOnlyDictionary<int, DateOnly> PublicationDeadlines,
    IReadOnlyList<int> ReminderDays);
