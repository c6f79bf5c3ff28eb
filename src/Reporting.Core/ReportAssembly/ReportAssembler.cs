using Reporting.Core.Access;
using Reporting.Core.Audit;
using Reporting.Core.Directory;
using Reporting.Core.Documents;
using Reporting.Core.Drafts;
using Reporting.Core.Errors;
using Reporting.Core.Notices;
using Reporting.Core.Queues;
using Reporting.Core.Reports;
using Reporting.Core.Seals;
using Reporting.Core.Verification;

namespace Reporting.Core.ReportAssembly;

/// <summary>
/// Makes one PDF version of a report (and its OFD twin) from its approved parts and stores it. Safe to run twice for the
/// same message: the blob names are fixed by the version and written only if absent, and the report row
/// records the facts of whichever PDF is stored. The department's newest seal (<paramref name="seals"/>; none
/// configured: unsealed) goes onto the document.
/// </summary>
public class ReportAssembler(
    DistrictDirectory directory,
    IDraftRepository drafts,
    IReportRepository reports,
    IReportTypesetter typesetter,
    IPdfStore pdfs,
    IPdfHashIndex hashes,
    IWorkQueue queue,
    OnceOnlyDelivery delivery,
    ReportMadeNotifier authors,
    IAuditLog audit,
    IDocumentWording wording,
    ReportingOptions options,
    TimeProvider clock,
    IOrganisationSeals? seals = null)
{
    public static string BlobName(ReportKey key, int version) => $"reports/{key.Year}/{key.Department}/{key.Year}-{key.Department}-v{version}.pdf";

    /// <returns>The assembled version, or null when the message names a version the report does not have.</returns>
    public virtual async Task<AssembledVersion?> AssembleAsync(AssemblyMessage message, CancellationToken cancellationToken = default)
    {
        var key = new ReportKey(message.Year, message.Department);
        var department = directory.Find(key.Department);
        var report = await reports.GetAsync(key, cancellationToken);
        var version = report.FindVersion(message.Version);
        if (department is null || version is null) return null;

        if (!version.IsAssembled)
        {
            // Written first so the status shows an attempt under way and since when (a stuck one is visible as such).
            await Retry.OnConflictAsync(options.MaxConcurrencyRetries, async () =>
            {
                var current = await reports.GetAsync(key, cancellationToken);
                var started = current.MarkAssemblyStarted(version.Version, clock.GetUtcNow());
                await reports.SaveAsync(current, cancellationToken);
                return started;
            }, cancellationToken);
            var document = await BuildDocumentAsync(key, department, version, cancellationToken);
            var typeset = typesetter.Typeset(document);
            var fileName = wording.ReportFileName(department.Name, key.Year, version.Version);
            var stored = await pdfs.CreateAsync(BlobName(key, version.Version), typeset.Pdf, fileName, cancellationToken);
            // The OFD twin, stored before the version is marked assembled: a retry after a crash between the two files finds
            // the PDF stored and writes the OFD from its own render, whose OFD bytes are the same for the same document.
            await pdfs.CreateAsync(OfdTwin.Of(stored.Name), new MemoryStream(typeset.Ofd, writable: false), typeset.OfdSha256, typeset.Pdf.PageCount,
                OfdTwin.Of(fileName), cancellationToken);
            var now = clock.GetUtcNow();
            // Filed before the version is marked assembled, so a crash in between files it on the retry (which finds the PDF stored).
            var fingerprint = new PdfFingerprint(stored.Sha256, key.Year, key.Department, version.Version, stored.Name, stored.Length, now);
            await hashes.RecordAsync(fingerprint, cancellationToken);
            version = await Retry.OnConflictAsync(options.MaxConcurrencyRetries, async () =>
            {
                var current = await reports.GetAsync(key, cancellationToken);
                var marked = current.MarkAssembled(version.Version, stored.Name, stored.Sha256, stored.PageCount, now);
                await reports.SaveAsync(current, cancellationToken);
                return marked;
            }, cancellationToken);
            await audit.RecordAsync(new AuditEntry(key.ToString(), "report.assembled", Caller.System, now,
                $"v{version.Version}, {version.PageCount} pages, sha256 {version.Sha256}"), cancellationToken);
        }

        // Sent even when the PDF existed already: the previous attempt may have died before this line. Registered in
        // the outbox first, so the sweep delivers the notice even if this message is lost or poisoned.
        var notice = new NotificationMessage.ReportReady(key.Year, key.Department, version.Version);
        await delivery.RegisterAsync(notice, cancellationToken: cancellationToken);
        await queue.EnqueueNotificationAsync(notice, cancellationToken);
        // The authors are told here too, for the same reason: each notice is once-only per version and author, so a
        // re-assembly of this version sends nothing twice, and a new version (a new key) is told again.
        await authors.QueueAsync(key, version, cancellationToken);
        return version;
    }

    public async Task<ReportDocument> BuildDocumentAsync(ReportKey key, Department department, AssembledVersion version,
        CancellationToken cancellationToken = default)
    {
        var parts = new Dictionary<string, string>();
        foreach (var (section, number) in version.SourceVersions)
        {
            var draft = await drafts.GetAsync(key, section, number, cancellationToken)
                ?? throw new InvalidOperationException($"Approved draft {key} {section} v{number} is missing.");
            parts[section] = draft.Body;
        }
        var signedAt = version.Dated ?? DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(version.SignedAt, options.ResolveTimeZone()).DateTime);
        var document = ReportDocumentBuilder.Build(wording, department, key.Year, directory.Office, parts, signedAt, version.RequestedAt);
        return seals is null ? document : document with { Seal = await seals.FindAsync(department.Code, department.Name, cancellationToken) };
    }
}
