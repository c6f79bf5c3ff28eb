namespace Reporting.Core.Notices;

/// <summary>Delivery settings.</summary>
public sealed class NotificationOptions
{
    /// <summary>
    /// Waits between failed attempts of one channel; the last one repeats until the channel is back, so an outage of
    /// minutes or of days ends in one delivery. The default spans a working day.
    /// </summary>
    public IReadOnlyList<TimeSpan> RetrySchedule { get; init; } = DefaultRetrySchedule;

    public static readonly IReadOnlyList<TimeSpan> DefaultRetrySchedule =
    [
        TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(30), TimeSpan.FromHours(1), TimeSpan.FromHours(2),
    ];

    /// <summary>The wait after the <paramref name="failures"/>-th failed attempt (1-based).</summary>
    public TimeSpan DelayAfter(int failures) => RetrySchedule[Math.Clamp(failures, 1, RetrySchedule.Count) - 1];
}
