using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using Reporting.Core.Access;
using Reporting.Core.Audit;
using Reporting.Core.Directory;
using Reporting.Core.Documents;
using Reporting.Core.Drafts;
using Reporting.Core.Errors;
using Reporting.Core.Notices;
using Reporting.Core.Queues;
using Reporting.Core.ReportAssembly;
using Reporting.Core.Reports;
using Reporting.Core.Seals;
using Reporting.Core.Templates;
using Reporting.Core.Verification;

namespace Reporting.Core.YearEnd;

/// <summary>
/// The year-end run: assembles every complete report whose newest approvals are not in a PDF yet, compiles
/// the year's volume and tells the district office who is complete and who is missing — exactly once in
/// effect. The volume's content has a fingerprint; a run whose fingerprint equals the newest volume's does
/// nothing, and the ledger's ETag lets only one of two simultaneous runs claim a new version.
/// A claim is a lease (<see cref="ReportingOptions.YearEndClaimLifetime"/>) renewed while the run lives, so the run after
/// a crash takes over within that lease; every run settles older versions whose run died (stored if their PDF made it, which is
/// written after its OFD twin; abandoned otherwise), so no version stays "building". The volume is typeset into a file of
/// <paramref name="scratchFolder"/> (default: reporting-volumes in the temporary folder), deleted when the run ends and,
/// after a crash, by the next run.
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
    IDocumentWording wording,
    ReportingOptions options,
    TimeProvider clock,
    string? scratchFolder = null,
    IOrganisationSeals? seals = null)
{
    /// <summary>Where volumes are typeset before upload: a folder of their own, so the next run can clear what a crash left.</summary>
    public string ScratchFolder { get; } = scratchFolder ?? Path.Combine(Path.GetTempPath(), "reporting-volumes");

    private TimeSpan ClaimLifetime => options.YearEndClaimLifetime;

    public static string BlobName(int year, int version) => $"reports/{year}/volume/{year}-volume-v{version}.pdf";

    public static string OutboxKey(int year, int version) => new NotificationMessage.VolumeReady(year, version).OutboxKey;

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
        {
            var built = await BuildHoldingClaimAsync(year, volume!, cancellationToken);
            // Another run took the claim over (this one stalled past its lease): that run finishes and tells.
            if (built is null) return new YearEndResult(year, "in-progress", volume!.Version, null, assembledNow, complete.Keys.ToList(), missing,
                Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            volume = built;
        }
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

    private Task<(VolumeDecision, VolumeVersion?)> ClaimAsync(int year, string fingerprint, Dictionary<string, int> complete, Dictionary<string,
        string[]> missing, CancellationToken cancellationToken) =>
        Retry.OnConflictAsync(options.MaxConcurrencyRetries, async () =>
        {
            var ledger = await ledgers.GetAsync(year, cancellationToken);
            var now = clock.GetUtcNow();
            var decision = ledger.Decide(fingerprint, now, ClaimLifetime);
            var claimId = Guid.NewGuid().ToString("N");
            VolumeVersion? volume = decision switch
            {
                VolumeDecision.ClaimNew => ledger.Claim(fingerprint, complete, missing, now, claimId),
                VolumeDecision.TakeOver => ledger.Renew(ledger.Newest!.Version, now, claimId),
                _ => ledger.Newest,
            };
            var settled = await SettleOrphansAsync(year, ledger, now, cancellationToken);
            if (decision is VolumeDecision.ClaimNew or VolumeDecision.TakeOver || settled) await ledgers.SaveAsync(ledger, cancellationToken);
            return (decision, volume);
        }, cancellationToken);

    /// <summary>
    /// Settles each older version whose run died: stored when its PDF reached storage before the crash (the blob is
    /// complete, being written at once, and immutable), abandoned otherwise. Returns whether anything changed.
    /// </summary>
    private async Task<bool> SettleOrphansAsync(int year, VolumeLedger ledger, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var orphans = ledger.Orphans(now, ClaimLifetime);
        foreach (var orphan in orphans)
        {
            var blob = BlobName(year, orphan.Version);
            if (await pdfs.FindAsync(blob, cancellationToken) is { } stored) ledger.MarkStored(orphan.Version, blob, stored.Sha256, stored.PageCount, now);
            else ledger.Abandon(orphan.Version, now);
        }
        return orphans.Count > 0;
    }

    /// <summary>
    /// Builds the claimed volume while renewing the claim every third of its lifetime; null when another run took the
    /// claim over meanwhile (this run was stalled past its lease), and this run stops building.
    /// </summary>
    private async Task<VolumeVersion?> BuildHoldingClaimAsync(int year, VolumeVersion volume, CancellationToken cancellationToken)
    {
        using var holding = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var lost = false;
        var renewing = RenewWhileBuildingAsync(year, volume, () => lost = true, holding);
        try
        {
            return await BuildAsync(year, volume, holding.Token);
        }
        catch (OperationCanceledException) when (lost && !cancellationToken.IsCancellationRequested)
        {
            return null;
        }
        finally
        {
            await holding.CancelAsync();
            await renewing;
        }
    }

    private async Task RenewWhileBuildingAsync(int year, VolumeVersion volume, Action onLost, CancellationTokenSource holding)
    {
        while (true)
        {
            try
            {
                await Task.Delay(ClaimLifetime / 3, clock, holding.Token);
                var held = await Retry.OnConflictAsync(options.MaxConcurrencyRetries, async () =>
                {
                    var ledger = await ledgers.GetAsync(year, holding.Token);
                    if (ledger.Find(volume.Version) is not { IsBuilding: true } current || current.ClaimId != volume.ClaimId) return false;
                    ledger.Renew(volume.Version, clock.GetUtcNow());
                    await ledgers.SaveAsync(ledger, holding.Token);
                    return true;
                }, holding.Token);
                if (held) continue;
                onLost();
                await holding.CancelAsync();
                return;
            }
            catch (OperationCanceledException) when (holding.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is TemporarilyUnavailableException or ConcurrencyConflictException)
            {
                // Storage blipped or the ledger was busy: the lease has two more renewals of slack, so try again at the next one.
            }
        }
    }

    /// <summary>Each required part of an incomplete report: approved, or what its newest draft awaits.</summary>
    private async Task<MissingReport> MissingAsync(ReportKey key, string name, IReadOnlyCollection<string> lacking, CancellationToken cancellationToken)
    {
        var newest = (await drafts.ListAsync(key, cancellationToken)).GroupBy(d => d.Section).ToDictionary(g => g.Key, g => g.MaxBy(d => d.Version)!.Status);
        var parts = ReportTemplate.RequiredSections.Select(s => new PartState(s,
            !lacking.Contains(s.Key) ? PartStatus.Approved
            : newest.TryGetValue(s.Key, out var status) ? status switch
            {
                Drafts.DraftStatus.Submitted => PartStatus.AwaitingReview,
                Drafts.DraftStatus.Rejected => PartStatus.Rejected,
                // Taken back by its author: the part awaits a new submission.
                Drafts.DraftStatus.Withdrawn => PartStatus.NotSubmitted,
                _ => PartStatus.Approved,
            }
            : PartStatus.NotSubmitted));
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
        var title = wording.VolumeTitle(directory.District, year);
        var document = new VolumeDocument(directory.District, year, title, entries, missing,
            new DocumentInfo(title, directory.Office.Name, wording.VolumeSubject(year), volume.ClaimedAt),
            directory.Office.Name, DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(volume.ClaimedAt, options.ResolveTimeZone()).DateTime),
            seals is null ? null : await seals.FindAsync(SealOrganisation.OfficeCode, directory.Office.Name, cancellationToken));

        // The typesetter streams the volume into temporary files (PDF and OFD) page by page (its memory does not grow with the
        // number of departments) and the uploads read from those files: the volume is never held in memory whole.
        ClearScratch();
        var temp = Path.Combine(ScratchFolder, $"volume-{year}-v{volume.Version}-{Guid.NewGuid():N}.pdf");
        var tempOfd = OfdTwin.Of(temp);
        var blobName = BlobName(year, volume.Version);
        var fileName = wording.VolumeFileName(directory.District, year, volume.Version);
        try
        {
            int pages;
            string sha;
            await using (var file = Scratch(temp))
            await using (var ofd = Scratch(tempOfd))
            {
                pages = typesetter.TypesetVolume(document, file, ofd);
                // The OFD first: a version whose run died is settled as stored by its PDF alone (SettleOrphansAsync), so a
                // stored PDF must mean its twin is stored too.
                var ofdSha = await HashFromStartAsync(ofd, cancellationToken);
                await pdfs.CreateAsync(OfdTwin.Of(blobName), ofd, ofdSha, pages, OfdTwin.Of(fileName), cancellationToken);
                var stored = await pdfs.CreateAsync(blobName, file, await HashFromStartAsync(file, cancellationToken), pages, fileName, cancellationToken);
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
            if (File.Exists(tempOfd)) File.Delete(tempOfd);
        }
    }

    private static FileStream Scratch(string path) => new(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.DeleteOnClose);

    /// <summary>The SHA-256 of what was written to <paramref name="file"/>, leaving it at its start for the upload.</summary>
    private static async Task<string> HashFromStartAsync(FileStream file, CancellationToken cancellationToken)
    {
        file.Position = 0;
        var sha = Convert.ToHexStringLower(await SHA256.HashDataAsync(file, cancellationToken));
        file.Position = 0;
        return sha;
    }

    /// <summary>
    /// Deletes what runs that crashed left in the scratch folder. A file a live run still has open is safe: on Linux it
    /// is unlinked and the run keeps its open handle; on Windows the run opened it without sharing and it cannot be deleted.
    /// </summary>
    private void ClearScratch()
    {
        System.IO.Directory.CreateDirectory(ScratchFolder);
        foreach (var file in System.IO.Directory.EnumerateFiles(ScratchFolder, "volume-*"))
        {
            try
            {
                File.Delete(file);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Open in a live run (Windows): that run deletes it itself.
            }
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
        var message = new NotificationMessage.VolumeReady(year, volume.Version);
        var result = await delivery.DeliverAsync(message, async () =>
        {
            var link = await pdfs.GetReadLinkAsync(volume.BlobName!, lifetime, cancellationToken);
            var stored = await pdfs.FindAsync(volume.BlobName!, cancellationToken);
            var pdf = new NoticePdf(volume.BlobName!, wording.VolumeFileName(directory.District, year, volume.Version),
                volume.PageCount ?? 0, volume.Sha256 ?? "", stored?.Length, link, clock.GetUtcNow() + lifetime);
            var ofd = await NoticeFiles.OfdTwinAsync(pdfs, pdf, lifetime, cancellationToken);
            var fact = new Notice.VolumeReady(message, directory.Office.Email, volume.StoredAt ?? clock.GetUtcNow(), pdf, ofd,
                new VolumeContents(volume.Reports, volume.Missing));
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
