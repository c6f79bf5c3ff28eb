using Reporting.Core.Drafts;
using Reporting.Core.Queues;
using Reporting.Core.Reports;

namespace Reporting.Core.Notices;

/// <summary>
/// Tells the authors of a department's report that its PDF was made: one notice per report version and author (the
/// distinct authors of the approved drafts the version holds), once per channel through the outbox like every notice
/// (<see cref="OnceOnlyDelivery"/>), so a re-assembly, a duplicate message or a retry sends nothing twice and a new
/// version is told again. One notice per author rather than one e-mail to all: each is once-only on its own, and an
/// author with no known address (<see cref="IAuthorAddresses"/>, as for a rejection) loses only their own e-mail. An
/// author who also approved parts, or who wrote several parts, is told once, as an author. A draft stored before
/// authors' ids were recorded names nobody a once-only notice can be keyed by, and is left out.
/// </summary>
public class ReportMadeNotifier(IReportRepository reports, IDraftRepository drafts, IAuthorAddresses addresses, INoticeComposer composer,
    OnceOnlyDelivery delivery, IWorkQueue queue, TimeProvider clock)
{
    /// <summary>Registers each author's notice in the outbox, then queues it: the sweep delivers it even if the message is lost. Safe to repeat.</summary>
    public virtual async Task QueueAsync(ReportKey key, AssembledVersion version, CancellationToken cancellationToken = default)
    {
        foreach (var (authorId, written) in await AuthorsAsync(key, version, cancellationToken))
        {
            var message = new NotificationMessage.ReportMade(key.Year, key.Department, version.Version, authorId);
            await delivery.RegisterAsync(message, OnceOnlyDelivery.LeaveOutEmailUnless(addresses.AddressOf(Newest(written)) is not null), cancellationToken);
            await queue.EnqueueNotificationAsync(message, cancellationToken);
        }
    }

    /// <returns>Each channel's outbox entry, or null when the version is not assembled or holds no draft of this author.</returns>
    public virtual async Task<DeliveryResult?> NotifyAsync(NotificationMessage.ReportMade message, CancellationToken cancellationToken = default)
    {
        var key = new ReportKey(message.Year, message.Department);
        var version = (await reports.GetAsync(key, cancellationToken)).FindVersion(message.Version);
        if (version is not { IsAssembled: true }) return null;
        var authors = await AuthorsAsync(key, version, cancellationToken);
        if (!authors.TryGetValue(message.AuthorId, out var written)) return null;
        // The newest draft's address and name: what the author's sign-in gave last.
        var newest = Newest(written);
        var to = addresses.AddressOf(newest);
        var fact = new Notice.ReportMade(message, to, version.AssembledAt ?? clock.GetUtcNow(), newest.Author, version.PageCount ?? 0,
            written.Select(d => d.Section).ToList());
        return await delivery.DeliverAsync(message, () => composer.ComposeAsync(fact, cancellationToken), OnceOnlyDelivery.LeaveOutEmailUnless(to is not null),
            cancellationToken);
    }

    private static Draft Newest(IReadOnlyList<Draft> written) => written.OrderByDescending(d => d.SubmittedAt).First();

    /// <summary>The version's approved drafts by author id, each author's in template order.</summary>
    private async Task<Dictionary<string, IReadOnlyList<Draft>>> AuthorsAsync(ReportKey key, AssembledVersion version, CancellationToken cancellationToken)
    {
        var held = new List<(string AuthorId, Draft Draft)>();
        foreach (var section in Templates.ReportTemplate.Sections)
            if (version.SourceVersions.TryGetValue(section.Key, out var number)
                && await drafts.GetAsync(key, section.Key, number, cancellationToken) is { AuthorId: { Length: > 0 } authorId } draft)
                held.Add((authorId, draft));
        return held.GroupBy(h => h.AuthorId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<Draft>)g.Select(h => h.Draft).ToList(), StringComparer.Ordinal);
    }
}
