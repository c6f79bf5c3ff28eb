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
/// author that draft <paramref name="Version"/> of part <paramref name="Section"/> was sent back. Messages written
/// before Kind existed are reports.
/// </summary>
public sealed record NotificationMessage(int Year, string Department, int Version, string Kind = NotificationMessage.ReportKind,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Section = null)
{
    public const string ReportKind = "report";
    public const string VolumeKind = "volume";
    public const string RejectionKind = "rejection";

    public static NotificationMessage ForVolume(int year, int version) => new(year, "", version, VolumeKind);

    public static NotificationMessage ForRejection(int year, string department, string section, int version) => new(year, department, version, RejectionKind, section);

    [JsonIgnore]
    public bool IsRejection => Kind == RejectionKind;

    // Derived, so not part of the queue message.
    [JsonIgnore]
    public bool IsVolume => Kind == VolumeKind;

    /// <summary>
    /// The outbox key: one notice per report version (2023-kgj-v1), volume version (2023-volume-v1) or rejected draft
    /// (2023-kgj-duty-v2-rejected: a draft version is rejected at most once).
    /// </summary>
    [JsonIgnore]
    public string OutboxKey => IsVolume ? $"{Year}-volume-v{Version}" : IsRejection ? $"{Year}-{Department}-{Section}-v{Version}-rejected" : $"{Year}-{Department}-v{Version}";
}
