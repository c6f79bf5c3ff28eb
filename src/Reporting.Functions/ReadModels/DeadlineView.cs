using Reporting.Core.Calendar;

namespace Reporting.Functions.ReadModels;

/// <summary>
/// The report year's two dates as the API shows them (Beijing calendar days, yyyy-MM-dd): reports due by
/// <paramref name="Submission"/>, public by <paramref name="Publication"/>; <paramref name="DaysLeft"/> to the
/// submission deadline (0 on the day, negative once passed).
/// </summary>
public sealed record DeadlineView(DateOnly Submission, DateOnly Publication, int DaysLeft)
{
    public static DeadlineView For(ReportingCalendar calendar, int year, DateTimeOffset now) =>
        new(calendar.SubmissionDeadline(year), calendar.PublicationDeadline(year), calendar.DaysLeft(year, calendar.Today(now)));
}
