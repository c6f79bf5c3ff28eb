using Reporting.Core;
using Reporting.Core.Access;
using Reporting.Core.Calendar;
using Reporting.Core.Notices;
using Reporting.Core.Tests;
using Reporting.Development.Identity;
using Reporting.Functions.Settings;
using Xunit;

namespace Reporting.Functions.Tests;

/// <summary>The app layer reads the settings' strings into Core's typed options and names a setting it cannot read.</summary>
public class SettingsParsingTests
{
    [Fact]
    public void Calendar_settings_left_out_keep_the_default_dates_and_named_years_override_them()
    {
        var dates = new CalendarSettings().Parse();
        Assert.Equal(((3, 1), (4, 1)), (dates.SubmissionDeadline, dates.PublicationDeadline));
        Assert.Equal([14, 7, 3, 1], dates.ReminderDays);
        Assert.Empty(dates.SubmissionDeadlines);
        var calendar = new ReportingCalendar(
            new CalendarSettings { SubmissionDeadline = "02-25", SubmissionDeadlines = "2024=2025-02-20", PublicationDeadlines = "2024=2025-03-28" }.Parse(),
            new ReportingOptions());

        Assert.Equal(new DateOnly(2025, 2, 20), calendar.SubmissionDeadline(2024));
        Assert.Equal(new DateOnly(2026, 2, 25), calendar.SubmissionDeadline(2025));
        Assert.Equal(new DateOnly(2025, 3, 28), calendar.PublicationDeadline(2024));
        Assert.Equal(new DateOnly(2026, 4, 1), calendar.PublicationDeadline(2025));
    }

    [Theory]
    [InlineData("SubmissionDeadline", "3月1日")]
    [InlineData("SubmissionDeadline", "02-29")]
    [InlineData("SubmissionDeadlines", "2024=2024-12-31")]
    [InlineData("SubmissionDeadlines", "2024=2025-02-20,2024=2025-02-21")]
    [InlineData("ReminderDays", "14,0")]
    [InlineData("ReminderDays", "七")]
    public void A_calendar_setting_that_cannot_be_read_is_refused_naming_the_setting(string setting, string value)
    {
        var settings = new CalendarSettings();
        typeof(CalendarSettings).GetProperty(setting)!.SetValue(settings, value);
        var error = Assert.Throws<FormatException>(() => settings.Parse());
        Assert.Contains("Calendar__" + setting, error.Message);
    }

    [Fact]
    public void A_retry_schedule_is_read_into_waits_and_left_out_keeps_the_default()
    {
        var parsed = new NotificationSettings { RetrySchedule = "00:00:01, 00:05:00" }.Parse();
        Assert.Equal([TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(5)], parsed.RetrySchedule);
        Assert.Same(NotificationOptions.DefaultRetrySchedule, new NotificationSettings().Parse().RetrySchedule);
    }

    [Theory]
    [InlineData("")]
    [InlineData("00:00:10,soon")]
    [InlineData("-00:00:10")]
    public void A_bad_retry_schedule_is_refused_naming_the_setting(string schedule)
    {
        var error = Assert.Throws<FormatException>(() => new NotificationSettings { RetrySchedule = schedule }.Parse());
        Assert.Contains("Notifications__RetrySchedule", error.Message);
    }

    [Fact]
    public void Development_users_are_made_from_the_directory_with_chinese_names()
    {
        var directory = new TestWorld().Directory;
        var users = DevelopmentUsers.For(directory);

        Assert.Equal(directory.Departments.Count * 3 + 2, users.Count);
        var author = users.Single(u => u.Id == "kgj-author");
        Assert.Equal(("科工局起草人", MemberRole.Author, "kgj"), (author.Name, author.Member.Role, author.Member.Department));
        Assert.Equal("科工局审核人二", users.Single(u => u.Id == "kgj-approver2").Name);
        Assert.Equal(MemberRole.OfficeAdmin, users.Single(u => u.Id == "office-admin").Member.Role);
        Assert.Equal(users.Select(u => u.Member), TestMembers.For(directory));
    }
}
