namespace Reporting.Core.Notices;

/// <summary>
/// What happened and who is to be told, as facts only, one sealed record per kind (<see cref="ReportReady"/>,
/// <see cref="VolumeReady"/>, <see cref="DraftRejected"/>, <see cref="DeadlineReminder"/>, <see cref="OverdueList"/>,
/// <see cref="ReportChased"/>, <see cref="ReviewAwaited"/>, <see cref="DraftApproved"/>, <see cref="ReportMade"/>), each with exactly the parts
/// its kind has. The kinds are nested and the constructor private, so the family is closed: consumers switch over the nine records. The app layer's
/// <see cref="INoticeComposer"/> writes the words people read (subject, body, time zone), so Core never holds wording.
/// </summary>
public abstract partial record Notice
{
    /// <param name="to">Null when the recipient has no known address (an author whose address was never recorded): the e-mail channel is then left out.</param>
    /// <param name="at">When it happened: the PDF was stored, the volume stored, the draft rejected; for the calendar, when the notice was made.</param>
    private Notice(string? to, DateTimeOffset at)
    {
        To = to;
        At = at;
    }

    /// <summary>The queue message the notice answers: its identity and outbox key.</summary>
    public abstract NotificationMessage Message { get; }

    public string? To { get; }

    public DateTimeOffset At { get; }

    /// <summary>Further recipients of the same e-mail (a department's other members); <see cref="To"/> is the first.</summary>
    public IReadOnlyList<string> AlsoTo { get; init; } = [];

    /// <summary>The outbox key (2023-kgj-v2, 2023-volume-v1, 2023-kgj-duty-v2-rejected): also the e-mail's Message-Id.</summary>
    public string Key => Message.OutboxKey;

    public int Year => Message.Year;
}
