using Reporting.Core.Access;
using Reporting.Core.Audit;
using Reporting.Core.Directory;
using Reporting.Core.Documents;
using Reporting.Core.Drafts;
using Reporting.Core.Errors;
using Reporting.Core.ReportAssembly;
using Reporting.Core.Reports;

namespace Reporting.Core.Notices;

/// <summary>
/// Tells the district office a PDF is ready, once per (report, version) and channel however often the message comes
/// (see <see cref="OnceOnlyDelivery"/>); the report row is stamped once every channel has gone out. Core states the
/// facts (<see cref="Notice"/>); the app layer's <see cref="INoticeComposer"/> writes the words.
/// </summary>
public class DistrictOfficeNotifier(
    DistrictDirectory directory,
    IReportRepository reports,
    IDraftRepository drafts,
    IPdfStore pdfs,
    INoticeComposer composer,
    OnceOnlyDelivery delivery,
    IAuditLog audit,
    IDocumentWording wording,
    ReportingOptions options,
    TimeProvider clock)
{
    public static string OutboxKey(ReportKey key, int version) => new NotificationMessage.ReportReady(key.Year, key.Department, version).OutboxKey;

    /// <returns>Each channel's outbox entry and which of them this call sent.</returns>
    public virtual async Task<DeliveryResult> NotifyAsync(NotificationMessage.ReportReady message, CancellationToken cancellationToken = default)
    {
        var key = new ReportKey(message.Year, message.Department);
        var department = directory.Find(key.Department) ?? throw new InvalidOperationException($"Unknown department {key.Department}.");
        var report = await reports.GetAsync(key, cancellationToken);
        var version = report.FindVersion(message.Version);
        if (version is not { IsAssembled: true })
            throw new InvalidOperationException($"Report {key} v{message.Version} is not assembled yet.");

        var notice = message with { Version = version.Version };
        var result = await delivery.DeliverAsync(notice, async () =>
        {
            // Composed at each attempt: a notice delivered after a long outage still carries a link valid for the full lifetime.
            var fact = await FactAsync(notice, report, version, department, cancellationToken);
            return await composer.ComposeAsync(fact, cancellationToken);
        }, cancellationToken: cancellationToken);
        if (result.SentAt is { } sentAt) await StampAsync(key, version.Version, sentAt, cancellationToken);
        if (result.SentNow.Count > 0)
            await audit.RecordAsync(new AuditEntry(key.ToString(), "report.notified", Caller.System, clock.GetUtcNow(),
                $"v{version.Version} via {string.Join(',', result.SentNow)} to {directory.Office.Email}"), cancellationToken);
        return result;
    }

    private async Task<Notice> FactAsync(NotificationMessage.ReportReady message, Report report, AssembledVersion version, Department department,
        CancellationToken cancellationToken)
    {
        var lifetime = options.NotificationLinkLifetimeCapped;
        var link = await pdfs.GetReadLinkAsync(version.BlobName!, lifetime, cancellationToken);
        var stored = await pdfs.FindAsync(version.BlobName!, cancellationToken);
        var previous = report.Versions.Where(v => v.Version < version.Version && v.IsAssembled).MaxBy(v => v.Version);
        var pdf = new NoticePdf(version.BlobName!, wording.ReportFileName(department.Name, report.Key.Year, version.Version), version.PageCount ?? 0,
            version.Sha256 ?? "", stored?.Length, link, clock.GetUtcNow() + lifetime);
        var ofd = await NoticeFiles.OfdTwinAsync(pdfs, pdf, lifetime, cancellationToken);
        return new Notice.ReportReady(message, directory.Office.Email, version.AssembledAt ?? clock.GetUtcNow(), pdf, ofd)
        {
            PreviousVersion = previous?.Version,
            Changes = previous is null ? [] : await ChangesAsync(report.Key, previous, version, cancellationToken),
        };
    }

    /// <summary>The parts whose approved version differs from the previous PDF's, in template order, with who approved each.</summary>
    private async Task<IReadOnlyList<ChangedPart>> ChangesAsync(ReportKey key, AssembledVersion previous, AssembledVersion current,
        CancellationToken cancellationToken)
    {
        var changes = new List<ChangedPart>();
        // One listing (no bodies) rather than a read per part.
        var listed = (await drafts.ListAsync(key, cancellationToken)).ToDictionary(d => (d.Section, d.Version));
        foreach (var section in Templates.ReportTemplate.Sections)
        {
            if (!current.SourceVersions.TryGetValue(section.Key, out var now)) continue;
            int? before = previous.SourceVersions.TryGetValue(section.Key, out var b) ? b : null;
            if (before == now) continue;
            var draft = listed.GetValueOrDefault((section.Key, now));
            changes.Add(new ChangedPart(section.Key, before, now, draft?.Reviewer ?? "", draft?.ReviewedAt));
        }
        return changes;
    }

    private Task StampAsync(ReportKey key, int version, DateTimeOffset at, CancellationToken cancellationToken) =>
        Retry.OnConflictAsync(options.MaxConcurrencyRetries, async () =>
        {
            var current = await reports.GetAsync(key, cancellationToken);
            if (current.FindVersion(version)?.NotifiedAt is not null) return true;
            current.MarkNotified(version, at);
            await reports.SaveAsync(current, cancellationToken);
            return true;
        }, cancellationToken);
}
