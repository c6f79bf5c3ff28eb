using System.Globalization;
using Reporting.Core.Notices;

namespace Reporting.Functions.Settings;

/// <summary>Delivery settings as the app settings write them (section "Notifications").</summary>
public sealed class NotificationSettings
{
    public const string Section = "Notifications";

    /// <summary>Waits between failed attempts, comma-separated TimeSpans (00:00:30,00:05:00,01:00:00); left out, Core's default.</summary>
    public string? RetrySchedule { get; set; }

    /// <summary>Parses the settings; throws <see cref="FormatException"/> naming the setting and the expected form.</summary>
    public NotificationOptions Parse() => RetrySchedule is null ? new() : new() { RetrySchedule = ParseSchedule(RetrySchedule) };

    public static IReadOnlyList<TimeSpan> ParseSchedule(string? schedule)
    {
        var steps = new List<TimeSpan>();
        foreach (var part in (schedule ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!TimeSpan.TryParse(part, CultureInfo.InvariantCulture, out var step) || step <= TimeSpan.Zero)
                throw new FormatException($"设置 {AppSettingNames.NotificationRetrySchedule} 有误：“{part}”不是正的时间间隔（格式如 00:00:30,00:05:00,01:00:00）。");
            steps.Add(step);
        }
        if (steps.Count == 0) throw new FormatException($"设置 {AppSettingNames.NotificationRetrySchedule} 不能为空（格式如 00:00:30,00:05:00,01:00:00）。");
        return steps;
    }
}
