using System.Globalization;
using Reporting.Core.Calendar;

namespace Reporting.Functions.Settings;

/// <summary>
/// The regulation's two dates as the app settings write them (section "Calendar"): reports are due to the district office by
/// <see cref="SubmissionDeadline"/> and must be public by <see cref="PublicationDeadline"/>, both of the year after the
/// report year. Each district sets its own dates, and a year may differ (a holiday, a new guideline), hence the per-year
/// overrides. A setting left out keeps <see cref="ReportingCalendarDates.Default"/>.
/// </summary>
public sealed class CalendarSettings
{
    public const string Section = "Calendar";

    /// <summary>Month and day (MM-dd) in the year after the report year; default 03-01 (3月1日).</summary>
    public string? SubmissionDeadline { get; set; }

    /// <summary>Per report year, the exact date: "2024=2025-02-20,2025=2026-02-27"; years not named use <see cref="SubmissionDeadline"/>.</summary>
    public string? SubmissionDeadlines { get; set; }

    /// <summary>Month and day (MM-dd) in the year after the report year; default 04-01 (4月1日).</summary>
    public string? PublicationDeadline { get; set; }

    /// <summary>Per report year, as <see cref="SubmissionDeadlines"/>.</summary>
    public string? PublicationDeadlines { get; set; }

    /// <summary>Days before the submission deadline on which departments not finished are reminded; default 14,7,3,1.</summary>
    public string? ReminderDays { get; set; }

    /// <summary>Parses every setting; throws <see cref="FormatException"/> naming the setting and the expected form.</summary>
    public ReportingCalendarDates Parse()
    {
        var defaults = ReportingCalendarDates.Default;
        return new(
            SubmissionDeadline is null ? defaults.SubmissionDeadline : MonthDay(SubmissionDeadline, AppSettingNames.CalendarSubmissionDeadline),
            PerYear(SubmissionDeadlines, AppSettingNames.CalendarSubmissionDeadlines),
            PublicationDeadline is null ? defaults.PublicationDeadline : MonthDay(PublicationDeadline, AppSettingNames.CalendarPublicationDeadline),
            PerYear(PublicationDeadlines, AppSettingNames.CalendarPublicationDeadlines),
            ReminderDays is null ? defaults.ReminderDays : Days(ReminderDays));
    }

    private static (int Month, int Day) MonthDay(string? value, string setting)
    {
        // 02-29 is refused: it would not exist in most years.
        if (DateOnly.TryParseExact($"2001-{value?.Trim()}", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            return (date.Month, date.Day);
        throw new FormatException($"设置 {setting} 有误：“{value}”不是月-日（格式如 03-01）。");
    }

    private static IReadOnlyDictionary<int, DateOnly> PerYear(string? value, string setting)
    {
        var years = new Dictionary<int, DateOnly>();
        foreach (var pair in (value ?? "").Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var parts = pair.Split('=', StringSplitOptions.TrimEntries);
            if (parts.Length != 2 || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var year)
                || !DateOnly.TryParseExact(parts[1], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
                || date.Year <= year || !years.TryAdd(year, date))
                throw new FormatException($"设置 {setting} 有误：“{pair}”应为“报告年度=日期”，日期在报告年度之后且每年只写一次（格式如 2024=2025-02-20）。");
        }
        return years;
    }

    private static IReadOnlyList<int> Days(string? value)
    {
        var days = new SortedSet<int>(Comparer<int>.Create((a, b) => b.CompareTo(a)));
        foreach (var part in (value ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var day) || day is < 1 or > 90)
                throw new FormatException($"设置 {AppSettingNames.CalendarReminderDays} 有误：“{part}”不是 1 至 90 之间的天数（格式如 14,7,3,1）。");
            days.Add(day);
        }
        return days.ToList();
    }
}
