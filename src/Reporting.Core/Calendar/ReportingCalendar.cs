namespace Reporting.Core.Calendar;

/// <summary>
/// The annual cycle of one report year Y, in the district's time zone: reminders on the configured days before the
/// submission deadline (default Y+1-03-01), a daily overdue list from the day after it until the publication deadline
/// (default Y+1-04-01), by which the reports must be public. A deadline is the last day on which submitting is on time.
/// </summary>
public sealed class ReportingCalendar
{
    private readonly ReportingCalendarDates _dates;
    private readonly TimeZoneInfo _zone;

    public ReportingCalendar(ReportingCalendarDates dates, ReportingOptions reporting)
    {
        _dates = dates;
        _zone = reporting.ResolveTimeZone();
    }

    public IReadOnlyList<int> ReminderDays => _dates.ReminderDays;

    public DateOnly SubmissionDeadline(int year) =>
        _dates.SubmissionDeadlines.TryGetValue(year, out var date) ? date
            : new DateOnly(year + 1, _dates.SubmissionDeadline.Month, _dates.SubmissionDeadline.Day);

    public DateOnly PublicationDeadline(int year) =>
        _dates.PublicationDeadlines.TryGetValue(year, out var date) ? date
            : new DateOnly(year + 1, _dates.PublicationDeadline.Month, _dates.PublicationDeadline.Day);

    /// <summary>The calendar date at <paramref name="now"/> in the district's time zone.</summary>
    public DateOnly Today(DateTimeOffset now) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, _zone).DateTime);

    /// <summary>Whole days from <paramref name="today"/> to the submission deadline: 0 on the day itself, negative once it has passed.</summary>
    public int DaysLeft(int year, DateOnly today) => SubmissionDeadline(year).DayNumber - today.DayNumber;

    /// <summary>What the calendar asks of report year <paramref name="year"/> on <paramref name="today"/>.</summary>
    public CalendarDuty DutyOn(int year, DateOnly today)
    {
        var left = DaysLeft(year, today);
        if (left > 0 && _dates.ReminderDays.Contains(left)) return CalendarDuty.Remind;
        if (left < 0 && today <= PublicationDeadline(year)) return CalendarDuty.ListOverdue;
        return CalendarDuty.None;
    }

    /// <summary>The report year whose cycle runs on <paramref name="today"/>: deadlines always fall in the year after the report year.</summary>
    public int ReportYearFor(DateOnly today) => today.Year - 1;

    /// <summary>
    /// The report year people are working on on <paramref name="today"/>: the year just ended until its publication
    /// deadline has passed (its reports are still being finished, reviewed and published), then the current year, whose
    /// report is written in the course of it (December 2026 → 2026; February 2027 → 2026; May 2027 → 2027).
    /// </summary>
    public int YearInProgress(DateOnly today) => today <= PublicationDeadline(today.Year - 1) ? today.Year - 1 : today.Year;
}
