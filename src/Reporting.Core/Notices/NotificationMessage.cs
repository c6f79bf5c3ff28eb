namespace Reporting.Core.Notices;

/// <summary>
/// What the notification queue asks to be told, one sealed record per kind: a report's PDF, the year's volume, a
/// rejected draft, the calendar's reminder, overdue list and 催报, drafts awaiting review, an approved draft, a report made
/// (told to its authors). The kinds are nested and the constructor private, so
/// the family is closed: a switch over them names each kind, with no kind or optional part to check. A message names
/// its notice by identity only; the facts are read again when it is sent. How it looks on the queue is the storage
/// adapter's business (its wire format), not Core's.
/// </summary>
public abstract partial record NotificationMessage
{
    private NotificationMessage(int year) => Year = year;

    /// <summary>The report year the notice is about.</summary>
    public int Year { get; }

    /// <summary>
    /// The outbox key, one per notice: what makes a duplicate message, a retry or a second timer send nothing twice,
    /// and the e-mail's Message-Id. Stable across versions of the code: an outbox row names its notice by it.
    /// </summary>
    public abstract string OutboxKey { get; }

    private static string IsoDay(DateOnly day) => day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
