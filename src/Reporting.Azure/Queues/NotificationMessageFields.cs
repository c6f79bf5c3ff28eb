using System.Globalization;
using Reporting.Core.Notices;

namespace Reporting.Azure.Queues;

/// <summary>
/// A notification message as flat fields: the one shape every kind shared before each had its own (kind, year,
/// department, version, section, tag). It is still the outbox table's columns, and what a message queued by earlier
/// code holds; <see cref="ToMessage"/> turns either into its kind's record. Kind codes are storage codes, never shown.
/// </summary>
/// <param name="Kind">Null (a message written before kinds existed) is a report.</param>
/// <param name="Section">The rejected or approved draft's part, the approver's user id of a review notice, or the author's of a report made.</param>
/// <param name="Tag">The calendar's reminder or overdue day (yyyy-MM-dd), a 催报's form id, or a review notice's window (yyyyMMddHHmm).</param>
internal sealed record NotificationMessageFields(string? Kind, int Year, string? Department, int? Version, string? Section, string? Tag)
{
    public const string ReportKind = "report";
    public const string VolumeKind = "volume";
    public const string RejectionKind = "rejection";
    public const string ReminderKind = "reminder";
    public const string OverdueKind = "overdue";
    public const string ChaseKind = "chase";
    public const string ReviewKind = "review";
    public const string ApprovalKind = "approval";
    public const string MadeKind = "made";

    public static NotificationMessageFields From(NotificationMessage message) => message switch
    {
        NotificationMessage.ReportReady m => new(ReportKind, m.Year, m.Department, m.Version, null, null),
        NotificationMessage.VolumeReady m => new(VolumeKind, m.Year, "", m.Version, null, null),
        NotificationMessage.DraftRejected m => new(RejectionKind, m.Year, m.Department, m.Version, m.Section, null),
        NotificationMessage.DeadlineReminder m => new(ReminderKind, m.Year, m.Department, 0, null, IsoDay(m.Day)),
        NotificationMessage.OverdueList m => new(OverdueKind, m.Year, "", 0, null, IsoDay(m.Day)),
        NotificationMessage.ReportChased m => new(ChaseKind, m.Year, m.Department, 0, null, m.Id),
        NotificationMessage.ReviewAwaited m => new(ReviewKind, m.Year, m.Department, 0, m.ApproverId, m.Window),
        NotificationMessage.DraftApproved m => new(ApprovalKind, m.Year, m.Department, m.Version, m.Section, null),
        NotificationMessage.ReportMade m => new(MadeKind, m.Year, m.Department, m.Version, m.AuthorId, null),
        _ => throw new ArgumentOutOfRangeException(nameof(message), message.GetType().Name, "Not a notification message this adapter knows."),
    };

    /// <summary>The kind's record; throws <see cref="FormatException"/> for an unknown kind or a field its kind needs and lacks.</summary>
    public NotificationMessage ToMessage() => (Kind ?? ReportKind) switch
    {
        ReportKind => new NotificationMessage.ReportReady(Year, Required(Department, "department"), Required(Version, "version")),
        VolumeKind => new NotificationMessage.VolumeReady(Year, Required(Version, "version")),
        RejectionKind => new NotificationMessage.DraftRejected(Year, Required(Department, "department"), Required(Section, "section"),
            Required(Version, "version")),
        ReminderKind => new NotificationMessage.DeadlineReminder(Year, Required(Department, "department"), Day()),
        OverdueKind => new NotificationMessage.OverdueList(Year, Day()),
        ChaseKind => new NotificationMessage.ReportChased(Year, Required(Department, "department"), Required(Tag, "id")),
        ReviewKind => new NotificationMessage.ReviewAwaited(Year, Required(Department, "department"), Required(Section, "approver"), Window()),
        ApprovalKind => new NotificationMessage.DraftApproved(Year, Required(Department, "department"), Required(Section, "section"),
            Required(Version, "version")),
        MadeKind => new NotificationMessage.ReportMade(Year, Required(Department, "department"), Required(Version, "version"), Required(Section, "author")),
        _ => throw new FormatException($"Unknown notification kind '{Kind}'."),
    };

    private string Window() => Tag is { Length: 12 } window && window.All(char.IsAsciiDigit)
        ? window
        : throw new FormatException($"A {Kind} notification needs its window as yyyyMMddHHmm, not '{Tag}'.");

    private DateOnly Day() => DateOnly.TryParseExact(Tag, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
        ? day
        : throw new FormatException($"A {Kind} notification needs its day as yyyy-MM-dd, not '{Tag}'.");

    private T Required<T>(T? value, string name) where T : struct =>
        value ?? throw new FormatException($"A {Kind ?? ReportKind} notification needs '{name}'.");

    private string Required(string? value, string name) =>
        string.IsNullOrEmpty(value) ? throw new FormatException($"A {Kind ?? ReportKind} notification needs '{name}'.") : value;

    /// <summary>A calendar day as every shape writes it (yyyy-MM-dd).</summary>
    public static string IsoDay(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
