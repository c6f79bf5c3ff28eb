using System.Text.Json.Serialization;

namespace Reporting.Core.Abstractions;

/// <summary>Hands work to the queue-triggered steps. Delivery is at least once: handlers are idempotent.</summary>
public interface IWorkQueue
{
    Task EnqueueAssemblyAsync(AssemblyMessage message, CancellationToken cancellationToken = default);

    Task EnqueueNotificationAsync(NotificationMessage message, CancellationToken cancellationToken = default);

    /// <summary>Sends <paramref name="message"/> so that it is first seen after <paramref name="delay"/> (a retry's backoff).</summary>
    Task ScheduleNotificationAsync(NotificationMessage message, TimeSpan delay, CancellationToken cancellationToken = default);
}

/// <summary>Make PDF version <paramref name="Version"/> of a report.</summary>
public sealed record AssemblyMessage(int Year, string Department, int Version);

/// <summary>
/// Tell the district office that PDF version <paramref name="Version"/> of a report (or, with <paramref name="Kind"/>
/// <see cref="VolumeKind"/>, of the year's compiled volume) is ready; or, with <see cref="RejectionKind"/>, tell an
/// author that draft <paramref name="Version"/> of part <paramref name="Section"/> was sent back; or, with the calendar's
/// kinds, remind a department (<see cref="ReminderKind"/>, <paramref name="Tag"/> the reminder day yyyy-MM-dd), list the
/// overdue departments to the district office (<see cref="OverdueKind"/>, the day) or pass on the office's 催报
/// (<see cref="ChaseKind"/>, the one-time id of the office's form). Messages written before Kind (or Tag) existed are reports.
/// </summary>
public sealed record NotificationMessage(int Year, string Department, int Version, string Kind = NotificationMessage.ReportKind,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Section = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Tag = null)
{
    public const string ReportKind = "report";
    public const string VolumeKind = "volume";
    public const string RejectionKind = "rejection";
    public const string ReminderKind = "reminder";
    public const string OverdueKind = "overdue";
    public const string ChaseKind = "chase";

    public static NotificationMessage ForReminder(int year, string department, DateOnly day) => new(year, department, 0, ReminderKind, Tag: Day(day));

    public static NotificationMessage ForOverdueList(int year, DateOnly day) => new(year, "", 0, OverdueKind, Tag: Day(day));

    public static NotificationMessage ForChase(int year, string department, string id) => new(year, department, 0, ChaseKind, Tag: id);

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A notice of the annual calendar: a reminder, an overdue list or a 催报.</summary>
    [JsonIgnore]
    public bool IsCalendar => Kind is ReminderKind or OverdueKind or ChaseKind;

    public static NotificationMessage ForVolume(int year, int version) => new(year, "", version, VolumeKind);

    public static NotificationMessage ForRejection(int year, string department, string section, int version) =>
        new(year, department, version, RejectionKind, section);

    [JsonIgnore]
    public bool IsRejection => Kind == RejectionKind;

    // Derived, so not part of the queue message.
    [JsonIgnore]
    public bool IsVolume => Kind == VolumeKind;

    /// <summary>
    /// The outbox key: one notice per report version (2023-kgj-v1), volume version (2023-volume-v1) or rejected draft
    /// (2023-kgj-duty-v2-rejected: a draft version is rejected at most once); a calendar notice once per department and
    /// day (2024-kgj-reminder-2025-02-15, 2024-overdue-2025-03-02) or per 催报 form (2024-kgj-chase-ID).
    /// </summary>
    [JsonIgnore]
    public string OutboxKey => Kind switch
    {
        VolumeKind => $"{Year}-volume-v{Version}",
        RejectionKind => $"{Year}-{Department}-{Section}-v{Version}-rejected",
        ReminderKind or ChaseKind => $"{Year}-{Department}-{Kind}-{Tag}",
        OverdueKind => $"{Year}-overdue-{Tag}",
        _ => $"{Year}-{Department}-v{Version}",
    };
}
