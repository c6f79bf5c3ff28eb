namespace Reporting.Core.Notices;

/// <summary>
/// When an approver's next review notice is due, given their earlier ones in the report: at once when none went out in
/// the last <see cref="Spacing"/>; otherwise when that spacing ends, so a burst of submissions makes one digest. A notice
/// still waiting for its window gathers every later submission (it lists what awaits review when it is sent).
/// </summary>
public static class ReviewWindow
{
    /// <summary>At most one review e-mail per approver per this span.</summary>
    public static readonly TimeSpan Spacing = TimeSpan.FromMinutes(15);

    /// <param name="earlier">Every outbox entry of the approver's earlier review notices in the report (all channels).</param>
    public static DateTimeOffset DueAt(IEnumerable<OutboxEntry> earlier, DateTimeOffset now)
    {
        DateTimeOffset? last = null;
        foreach (var notice in earlier.Where(e => e.Notice is NotificationMessage.ReviewAwaited).GroupBy(e => (NotificationMessage.ReviewAwaited)e.Notice))
        {
            var due = notice.Key.DueAt;
            var pending = notice.Any(e => !e.IsSent);
            // A window still ahead gathers this submission: nothing new is due.
            if (pending && due > now) return due;
            // A notice going out now counts from its window's start; a sent one from when it went (a withdrawn one sent nothing).
            var went = pending ? due : notice.Where(e => !e.IsWithdrawn).Select(e => e.SentAt).Max();
            if (went is { } at && (last is null || at > last)) last = at;
        }
        if (last is not { } previous || previous + Spacing <= now) return Minute(now);
        // Rounded up to the whole minute the key names, so the spacing is never cut short.
        var end = previous + Spacing;
        var floor = Minute(end);
        return floor == end ? end : floor.AddMinutes(1);
    }

    private static DateTimeOffset Minute(DateTimeOffset at) => new(at.UtcTicks - at.UtcTicks % TimeSpan.TicksPerMinute, TimeSpan.Zero);
}
