using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using Reporting.Core.Abstractions;
using Reporting.Core.Directory;
using Reporting.Core.Documents;
using Reporting.Core.Notices;
using Reporting.Core.Reports;
using Reporting.Core.Templates;
using Reporting.Core.Verification;

namespace Reporting.Core.Workflow;

/// <summary>
/// The year-end run: assembles every complete report whose newest approvals are not in a PDF yet, compiles
/// the year's volume and tells the district office who is complete and who is missing — exactly once in
/// effect. The volume's content has a fingerprint; a run whose fingerprint equals the newest volume's does
/// nothing, and the ledger's ETag lets only one of two simultaneous runs claim a new version.
/// </summary>
public class YearEndRun(
    DistrictDirectory directory,
    IDraftRepository drafts,
    IReportRepository reports,
    IVolumeLedgerRepository ledgers,
    ReportAssembler assembler,
    IReportTypesetter typesetter,
    IPdfStore pdfs,
    IPdfHashIndex hashes,
    INoticeComposer composer,
    OnceOnlyDelivery delivery,
    IAuditLog audit,
    ReportingOptions options,
    TimeProvider clock)
{
    /// <summary>How long a run's claim on a volume protects it before another run may take over (a run that died).</summary>
    public static readonly TimeSpan ClaimLifetime = TimeSpan.FromMinutes(15);

    public static string BlobName(int year, int version) => $"reports/{year}/volume/{year}-volume-v{version}.pdf";

    public static string OutboxKey(int year, int version) => NotificationMessage.ForVolume(year, version).OutboxKey;

    public virtual async Task<YearEndResult> RunAsync(int year, Caller caller, CancellationToken cancellationToken = default)
    {
        var started = Stopwatch.GetTimestamp();
        var (assembledNow, awaiting) = await AssembleDueReportsAsync(year, cancellationToken);
        var byDepartment = (await reports.ListYearAsync(year, cancellationToken)).ToDictionary(r => r.Key.Department);
        var complete = new Dictionary<string, int>(StringComparer.Ordinal);
        var missing = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var department in directory.Departments)
        {
            var report = byDepartment.GetValueOrDefault(department.Code);
            if (report is { Status: ReportStatus.Assembled, NewestAssembled: { } pdf }) complete[department.Code] = pdf.Version;
            else missing[department.Code] = (report?.MissingSections ?? ReportTemplate.RequiredSections.Select(s => s.Key))
                .Concat(awaiting.GetValueOrDefault(department.Code) ?? []).ToArray();
        }
        var fingerprint = Fingerprint(complete, missing);

        var (decision, volume) = await ClaimAsync(year, fingerprint, complete, missing, cancellationToken);
        var outcome = decision switch
        {
            VolumeDecision.NothingChanged => "unchanged",
            VolumeDecision.BeingBuiltElsewhere => "in-progress",
            VolumeDecision.NotifyOnly => "notified",
            _ => "created",
        };
        if (decision is VolumeDecision.ClaimNew or VolumeDecision.TakeOver)
            volume = await BuildAsync(year, volume!, cancellationToken);
        if (decision is VolumeDecision.ClaimNew or VolumeDecision.TakeOver or VolumeDecision.NotifyOnly)
        {
            var told = await NotifyAsync(year, volume!, cancellationToken);
            // Another run found the same stored volume untold and is sending its notice right now.
            if (decision is VolumeDecision.NotifyOnly && told.SentNow.Count == 0 && !told.Delivered) outcome = "in-progress";
        }
        if (decision is VolumeDecision.ClaimNew or VolumeDecision.TakeOver)
            await audit.RecordAsync(new AuditEntry($"{year}/volume", "volume.created", caller, clock.GetUtcNow(),
                $"v{volume!.Version}: {complete.Count} complete, {missing.Count} missing, {volume.PageCount} pages"), cancellationToken);

        return new YearEndResult(year, outcome, volume?.Version, volume?.PageCount, assembledNow, complete.Keys.ToList(), missing,
            Stopwatch.GetElapsedTime(started).TotalMilliseconds);
    }

    /// <summary>The year a run fired at <paramref name="now"/> is about: the one just ended, in the report's time zone.</summary>
    public int YearJustEnded(DateTimeOffset now) => TimeZoneInfo.ConvertTime(now, options.ResolveTimeZone()).Year - 1;

    /// <returns>The departments assembled now, and the parts whose newer draft holds back a complete report's round.</returns>
    private async Task<(List<string> Assembled, Dictionary<string, string[]> Awaiting)> AssembleDueReportsAsync(int year, CancellationToken cancellationToken)
    {
        var assembled = new List<string>();
        var held = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var department in directory.Departments)
        {
            var key = new ReportKey(year, department.Code);
            var report = await Retry.OnConflictAsync(options.MaxConcurrencyRetries, async () =>
            {
                var current = await reports.GetAsync(key, cancellationToken);
                if (!current.IsComplete) return current;
                // The same rule as an approval: a round whose part has a newer draft awaiting its decision waits for it.
                var awaiting = AwaitedDraft.Find(current, await drafts.ListAsync(key, cancellationToken));
                if (current.StatusWith(awaiting) == ReportStatus.Reviewing) held[department.Code] = awaiting.Select(a => a.Section).ToArray();
                if (current.RequestAssemblyIfDue(clock.GetUtcNow(), awaiting) is not null) await reports.SaveAsync(current, cancellationToken);
                return current;
            }, cancellationToken);
            foreach (var pending in report.PendingAssemblies.ToList())
            {
                // Inline rather than through the queue: the volume must contain these reports now.
                await assembler.AssembleAsync(new AssemblyMessage(year, department.Code, pending.Version), cancellationToken);
                assembled.Add(department.Code);
            }
        }
        return (assembled, held);
    }

    private Task<(VolumeDecision, VolumeVersion?)> ClaimAsync(int year, string fingerprint, Dictionary<string, int> complete, Dictionary<string, string[]> missing, CancellationToken cancellationToken) =>
        Retry.OnConflictAsync(options.MaxConcurrencyRetries, async () =>
        {
            var ledger = await ledgers.GetAsync(year, cancellationToken);
            var now = clock.GetUtcNow();
            var decision = ledger.Decide(fingerprint, now, ClaimLifetime);
            VolumeVersion? volume = decision switch
            {
                VolumeDecision.ClaimNew => ledger.Claim(fingerprint, complete, missing, now),
                VolumeDecision.TakeOver => ledger.Renew(ledger.Newest!.Version, now),
                _ => ledger.Newest,
            };
            if (decision is VolumeDecision.ClaimNew or VolumeDecision.TakeOver) await ledgers.SaveAsync(ledger, cancellationToken);
            return (decision, volume);
        }, cancellationToken);

    /// <summary>Each required part of an incomplete report: approved, or what its newest draft awaits.</summary>
    private async Task<MissingReport> MissingAsync(ReportKey key, string name, IReadOnlyCollection<string> lacking, CancellationToken cancellationToken)
    {
        var newest = (await drafts.ListAsync(key, cancellationToken)).GroupBy(d => d.Section).ToDictionary(g => g.Key, g => g.MaxBy(d => d.Version)!.Status);
        var parts = ReportTemplate.RequiredSections.Select(s => new PartState(s.ShortName,
            !lacking.Contains(s.Key) ? PartState.Approved
            : newest.TryGetValue(s.Key, out var status) ? status switch
            {
                Drafts.DraftStatus.Submitted => PartState.AwaitingReview,
                Drafts.DraftStatus.Rejected => PartState.Rejected,
                _ => PartState.Approved,
            }
            : PartState.NotSubmitted));
        return new MissingReport(key.Department, name, [.. parts]);
    }

    private async Task<VolumeVersion> BuildAsync(int year, VolumeVersion volume, CancellationToken cancellationToken)
    {
        var entries = new List<VolumeEntry>();
        foreach (var department in directory.Departments.Where(d => volume.Reports.ContainsKey(d.Code)))
        {
            var key = new ReportKey(year, department.Code);
            var report = await reports.GetAsync(key, cancellationToken);
            var pdf = report.FindVersion(volume.Reports[department.Code])!;
            entries.Add(new VolumeEntry(department.Code, department.Name, await assembler.BuildDocumentAsync(key, department, pdf, cancellationToken)));
        }
        var missing = new List<MissingReport>();
        foreach (var department in directory.Departments.Where(d => volume.Missing.ContainsKey(d.Code)))
            missing.Add(await MissingAsync(new ReportKey(year, department.Code), department.Name, volume.Missing[department.Code], cancellationToken));
        var title = $"{directory.District}{year}年度法治政府建设情况报告汇编";
        var document = new VolumeDocument(directory.District, year, title, entries, missing,
            new DocumentInfo(title, directory.Office.Name, $"{year}年度法治政府建设情况报告汇编", volume.ClaimedAt),
            directory.Office.Name, DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(volume.ClaimedAt, options.ResolveTimeZone()).DateTime));

        // The typesetter streams the volume into a temporary file page by page (its memory does not grow with the
        // number of departments) and the upload reads from that file: the volume is never held in memory whole.
        var temp = Path.Combine(Path.GetTempPath(), $"volume-{year}-v{volume.Version}-{Guid.NewGuid():N}.pdf");
        try
        {
            int pages;
            string sha;
            await using (var file = new FileStream(temp, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.DeleteOnClose))
            {
                pages = typesetter.RenderVolume(document, file);
                file.Position = 0;
                sha = Convert.ToHexStringLower(await SHA256.HashDataAsync(file, cancellationToken));
                file.Position = 0;
                var stored = await pdfs.CreateAsync(BlobName(year, volume.Version), file, sha, pages, $"{title}（第{volume.Version}版）.pdf", cancellationToken);
                sha = stored.Sha256;
                pages = stored.PageCount;
                // Filed before the volume is marked stored: a run that takes over after a crash files it then.
                await hashes.RecordAsync(new PdfFingerprint(sha, year, null, volume.Version, stored.Name, stored.Length, clock.GetUtcNow()), cancellationToken);
            }
            return await Retry.OnConflictAsync(options.MaxConcurrencyRetries, async () =>
            {
                var ledger = await ledgers.GetAsync(year, cancellationToken);
                var marked = ledger.MarkStored(volume.Version, BlobName(year, volume.Version), sha, pages, clock.GetUtcNow());
                await ledgers.SaveAsync(ledger, cancellationToken);
                return marked;
            }, cancellationToken);
        }
        finally
        {
            if (File.Exists(temp)) File.Delete(temp);
        }
    }

    /// <summary>Sends (or retries) the notice of a stored volume; what the notification queue calls for a volume's retry.</summary>
    public virtual async Task<DeliveryResult?> NotifyVolumeAsync(int year, int version, CancellationToken cancellationToken = default)
    {
        var volume = (await ledgers.GetAsync(year, cancellationToken)).Find(version);
        return volume is { IsStored: true } ? await NotifyAsync(year, volume, cancellationToken) : null;
    }

    private async Task<DeliveryResult> NotifyAsync(int year, VolumeVersion volume, CancellationToken cancellationToken)
    {
        var lifetime = options.NotificationLinkLifetimeCapped;
        var message = NotificationMessage.ForVolume(year, volume.Version);
        var result = await delivery.DeliverAsync(message, async () =>
        {
            var link = await pdfs.GetReadLinkAsync(volume.BlobName!, lifetime, cancellationToken);
            var stored = await pdfs.FindAsync(volume.BlobName!, cancellationToken);
            var pdf = new NoticePdf(volume.BlobName!, $"{directory.District}{year}年度法治政府建设情况报告汇编（第{volume.Version}版）.pdf",
                volume.PageCount ?? 0, volume.Sha256 ?? "", stored?.Length, link, clock.GetUtcNow() + lifetime);
            var fact = new Notice(message, NoticeKind.VolumeReady, directory.Office.Email, year, "", volume.Version, volume.StoredAt ?? clock.GetUtcNow())
            {
                Pdf = pdf,
                Volume = new VolumeContents(volume.Reports, volume.Missing),
            };
            return await composer.ComposeAsync(fact, cancellationToken);
        }, cancellationToken: cancellationToken);
        if (result.SentAt is not { } sentAt) return result;
        await Retry.OnConflictAsync(options.MaxConcurrencyRetries, async () =>
        {
            var ledger = await ledgers.GetAsync(year, cancellationToken);
            if (ledger.Find(volume.Version)?.NotifiedAt is not null) return true;
            ledger.MarkNotified(volume.Version, sentAt);
            await ledgers.SaveAsync(ledger, cancellationToken);
            return true;
        }, cancellationToken);
        return result;
    }

    private static string Fingerprint(Dictionary<string, int> complete, Dictionary<string, string[]> missing)
    {
        var text = new StringBuilder();
        foreach (var (code, version) in complete.OrderBy(p => p.Key, StringComparer.Ordinal)) text.Append(code).Append(':').Append(version).Append(';');
        text.Append('|');
        foreach (var (code, parts) in missing.OrderBy(p => p.Key, StringComparer.Ordinal)) text.Append(code).Append(':').AppendJoin(',', parts).Append(';');
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }
}
