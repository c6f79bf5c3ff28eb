using Reporting.Core.Calendar;
using Xunit;

namespace Reporting.Core.Tests;

public sealed class ReportingCalendarTests
{
    private static ReportingCalendar Calendar(ReportingCalendarDates? dates = null) => new(dates ?? ReportingCalendarDates.Default, new ReportingOptions());

    [Fact]
    public void The_default_deadlines_are_1_March_and_1_April_of_the_year_after()
    {
        var calendar = Calendar();
        Assert.Equal(new DateOnly(2025, 3, 1), calendar.SubmissionDeadline(2024));
        Assert.Equal(new DateOnly(2025, 4, 1), calendar.PublicationDeadline(2024));
    }

    [Fact]
    public void A_year_named_in_the_overrides_has_its_own_deadline_and_other_years_keep_the_default()
    {
        var calendar = Calendar(ReportingCalendarDates.Default with
        {
            SubmissionDeadline = (2, 25),
            SubmissionDeadlines = new Dictionary<int, DateOnly> { [2024] = new(2025, 2, 20) },
            PublicationDeadlines = new Dictionary<int, DateOnly> { [2024] = new(2025, 3, 28) },
        });
        Assert.Equal(new DateOnly(2025, 2, 20), calendar.SubmissionDeadline(2024));
        Assert.Equal(new DateOnly(2026, 2, 25), calendar.SubmissionDeadline(2025));
        Assert.Equal(new DateOnly(2025, 3, 28), calendar.PublicationDeadline(2024));
    }

    [Fact]
    public void Today_is_the_date_in_Beijing_not_in_UTC()
    {
        // 2025-02-28 17:30 UTC is 1 March 01:30 in Beijing.
        Assert.Equal(new DateOnly(2025, 3, 1), Calendar().Today(new DateTimeOffset(2025, 2, 28, 17, 30, 0, TimeSpan.Zero)));
    }

    [Theory]
    [InlineData("2025-02-15", CalendarDuty.Remind)]   // 14 days before 1 March
    [InlineData("2025-02-16", CalendarDuty.None)]
    [InlineData("2025-02-22", CalendarDuty.Remind)]   // 7
    [InlineData("2025-02-26", CalendarDuty.Remind)]   // 3
    [InlineData("2025-02-28", CalendarDuty.Remind)]   // 1
    [InlineData("2025-03-01", CalendarDuty.None)]     // the deadline itself: still on time
    [InlineData("2025-03-02", CalendarDuty.ListOverdue)]
    [InlineData("2025-04-01", CalendarDuty.ListOverdue)]
    [InlineData("2025-04-02", CalendarDuty.None)]
    [InlineData("2025-01-10", CalendarDuty.None)]
    public void Reminders_fall_on_the_configured_days_before_the_deadline_and_the_overdue_list_runs_until_publication(string day, CalendarDuty duty) =>
        Assert.Equal(duty, Calendar().DutyOn(2024, DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void In_a_leap_year_one_day_before_1_March_is_29_February() =>
        Assert.Equal(CalendarDuty.Remind, Calendar().DutyOn(2027, new DateOnly(2028, 2, 29)));

    [Theory]
    [InlineData("2026-12-07", 2026)]   // December: this year's report is being written
    [InlineData("2027-01-05", 2026)]   // after the year ends its report is finished, reviewed and published
    [InlineData("2027-04-01", 2026)]   // the publication deadline itself still belongs to it
    [InlineData("2027-04-02", 2027)]   // then the new year's report
    [InlineData("2026-05-20", 2026)]
    public void The_year_in_progress_is_the_year_just_ended_until_its_publication_deadline_then_the_current_year(string day, int year) =>
        Assert.Equal(year, Calendar().YearInProgress(DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void A_later_publication_deadline_for_a_year_keeps_it_in_progress_longer()
    {
        var calendar = Calendar(ReportingCalendarDates.Default with
        {
            PublicationDeadlines = new Dictionary<int, DateOnly> { [2026] = new(2027, 5, 15) },
        });
        Assert.Equal(2026, calendar.YearInProgress(new DateOnly(2027, 5, 15)));
        Assert.Equal(2027, calendar.YearInProgress(new DateOnly(2027, 5, 16)));
    }
}
