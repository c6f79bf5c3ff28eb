using System.Globalization;

namespace Reporting.Core.Workflow;

/// <summary>Delivery settings (section "Notifications").</summary>
public sealed class NotificationOptions
{
    public const string Section = "Notifications";

    /// <summary>
    /// Waits between failed attempts of one channel, comma-separated TimeSpans; the last one repeats until the
    /// channel is back, so an outage of minutes or of days ends in one delivery. The default spans a working day.
    /// </summary>
    public string RetrySchedule { get; set; } = DefaultRetrySchedule;

    public const string DefaultRetrySchedule = "00:00:30,00:02:00,00:10:00,00:30:00,01:00:00,02:00:00";

    /// <summary>The wait after the <paramref name="failures"/>-th failed attempt (1-based).</summary>
    public TimeSpan DelayAfter(int failures)
    {
        var steps = ParseSchedule(RetrySchedule);
        return steps[Math.Clamp(failures, 1, steps.Count) - 1];
    }

    public static IReadOnlyList<TimeSpan> ParseSchedule(string? schedule)
    {
        var steps = new List<TimeSpan>();
        foreach (var part in (schedule ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!TimeSpan.TryParse(part, CultureInfo.InvariantCulture, out var step) || step <= TimeSpan.Zero)
                throw new FormatException($"设置 Notifications__RetrySchedule 有误：“{part}”不是正的时间间隔（格式如 00:00:30,00:05:00,01:00:00）。");
            steps.Add(step);
        }
        if (steps.Count == 0) throw new FormatException("设置 Notifications__RetrySchedule 不能为空（格式如 00:00:30,00:05:00,01:00:00）。");
        return steps;
    }
}
