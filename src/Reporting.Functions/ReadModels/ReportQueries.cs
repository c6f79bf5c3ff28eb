using Reporting.Core;
using Reporting.Core.Access;
using Reporting.Core.Audit;
using Reporting.Core.Calendar;
using Reporting.Core.Directory;
using Reporting.Core.Drafts;
using Reporting.Core.Errors;
using Reporting.Core.Notices;
using Reporting.Core.Publication;
using Reporting.Core.ReportAssembly;
using Reporting.Core.Reports;
using Reporting.Core.Templates;
using Reporting.Functions.Http;
using Reporting.Functions.Requests;
using Reporting.Functions.Wording;
using Reporting.Typesetting;

namespace Reporting.Functions.ReadModels;

/// <summary>
/// Read side of the API and the pages: a report's state and trail, one draft, the year, and download links; each asks
/// <see cref="AccessControl"/> first. Presentation (JSON shapes, zh-CN wording, URLs from <see cref="Routes"/>) lives
/// here in the app layer; Core keeps the aggregates, workflows and ports it reads.
/// </summary>
public class ReportQueries(
    DistrictDirectory directory,
    AccessControl access,
    IDraftRepository drafts,
    IReportRepository reports,
    IVolumeLedgerRepository ledgers,
    IPdfStore pdfs,
    IAuditLog audit,
    INotificationOutbox outbox,
    ReportingOptions options,
    ReportingCalendar calendar,
    Routes routes,
    TimeProvider clock,
    IPublicationRepository publications,
    IPublicSite site)
{
    public virtual async Task<ReportView> GetReportAsync(string? year, string? department, Caller caller, CancellationToken cancellationToken = default)
    {
        var key = ReportKeyBinder.Bind(year, department, directory);
        await access.DemandAsync(caller, ReportAction.ReadReport, key.Department, cancellationToken);
        var report = await reports.GetAsync(key, cancellationToken);
        var list = await drafts.ListAsync(key, cancellationToken);
        var approved = report.Approved.ToDictionary(p => p.Section, p => p.Version);
        var sections = ReportTemplate.Sections.Select(s =>
        {
            var ofSection = list.Where(d => d.Section == s.Key).OrderBy(d => d.Version).ToList();
            var newest = ofSection.Count == 0 ? 0 : ofSection[^1].Version;
            return new SectionView(s.Key, DocumentWords.Heading(s), s.Required, approved.TryGetValue(s.Key, out var a) ? a : null,
                ofSection.Select(d => new DraftView(d.Version, d.Author, d.AuthorId, Describe(d.Status), d.SubmittedAt, d.Length, d.Reviewer, d.ReviewerId,
                    d.ReviewedAt, d.Version < newest)).ToList());
        }).ToList();
        // One outbox query for every PDF version's notice, not one per version.
        var notices = report.Versions.Any(v => v.IsAssembled)
            ? (await outbox.ListForReportAsync(key.Year, key.Department, cancellationToken)).ToLookup(e => e.Key, StringComparer.Ordinal)
            : null;
        var versions = report.Versions.Select(v => new PdfVersionView(v.Version, v.IsAssembled ? "assembled" : "pending", v.SourceVersions,
            v.PageCount, v.Sha256, v.RequestedAt, v.IsAssembled ? null : v.AssemblingSince, v.AssembledAt, v.NotifiedAt,
            v.IsAssembled ? routes.ReportPdf(key.Year, key.Department, v.Version) : null,
            v.IsAssembled ? DescribeNotice(notices![DistrictOfficeNotifier.OutboxKey(key, v.Version)].ToList()) : null)
        {
            OfdUrl = v.IsAssembled ? routes.ReportOfd(key.Year, key.Department, v.Version) : null,
        }).ToList();
        var awaiting = AwaitedDraft.Find(report, list);
        var trail = (await audit.ListAsync(key.ToString(), cancellationToken)).Select(AuditView.From).ToList();
        return new ReportView(key.Year, key.Department, directory.Find(key.Department)!.Name, report.StatusWith(awaiting).ToString().ToLowerInvariant(),
            report.MissingSections.ToList(), WaitsFor(report, awaiting), sections, versions, trail,
            PublicationView.From(await publications.GetAsync(key, cancellationToken), site))
        {
            Deadline = DeadlineView.For(calendar, key.Year, clock.GetUtcNow()),
        };
    }

    private static List<AssemblyWaitView> WaitsFor(Report report, IReadOnlyList<AwaitedDraft> awaiting) =>
        report.MissingSections.Where(s => awaiting.All(a => a.Section != s))
            .Select(s => new AssemblyWaitView(s, Heading(s), null, "尚无审核通过的版本"))
            .Concat(awaiting.Select(a => new AssemblyWaitView(a.Section, Heading(a.Section), a.Version,
                a.Decided ? $"第 {a.Version} 版已审核通过，正在记入报告" : $"第 {a.Version} 版待审核")))
            .OrderBy(w => ReportTemplate.Find(w.Section)?.Order ?? int.MaxValue)
            .ToList();

    /// <summary>A part's heading as the documents word it; a key no part has is shown as it is.</summary>
    private static string Heading(string key) => ReportTemplate.Find(key) is { } part ? DocumentWords.Heading(part) : key;

    private NotificationView? DescribeNotice(List<OutboxEntry> entries)
    {
        if (entries.Count == 0) return null;
        var now = clock.GetUtcNow();
        var lifetime = options.NotificationClaimLifetime;
        var channels = entries.OrderBy(e => e.Channel, StringComparer.Ordinal)
            .Select(e => new NotificationChannelView(e.Channel, e.StateAt(now, lifetime), e.Attempts,
            e.LastError, e.LastAttemptAt, e.IsSent ? null : e.NextAttemptAt, e.SentAt)).ToList();
        var next = channels.Where(c => c.SentAt is null).Select(c => c.NextAttemptAt).Where(t => t is not null).Min();
        var status = channels.All(c => c.Status == "sent") ? "sent" : channels.Any(c => c.Status == "retrying") ? "retrying"
            : channels.Any(c => c.Status == "sending") ? "sending" : "pending";
        return new NotificationView(status, Detail(channels, next), next, channels);
    }

    private string Detail(List<NotificationChannelView> channels, DateTimeOffset? next)
    {
        var zone = options.ResolveTimeZone();
        var parts = channels.Select(c => c.Status switch
        {
            "sent" => $"{ChannelName(c.Channel)}已于 {TimeZoneInfo.ConvertTime(c.SentAt!.Value, zone):yyyy-MM-dd HH:mm:ss} 送达",
            "sending" => $"{ChannelName(c.Channel)}正在发送",
            "retrying" => $"{ChannelName(c.Channel)}已失败 {c.Attempts} 次，将于 "
                + $"{TimeZoneInfo.ConvertTime(c.NextAttemptAt ?? next ?? clock.GetUtcNow(), zone):yyyy-MM-dd HH:mm:ss} 重试",
            _ => $"{ChannelName(c.Channel)}等待发送",
        });
        return string.Join("；", parts) + "。";
    }

    private static string ChannelName(string channel) => channel switch
    {
        "email" => "邮件",
        "webhook" => "Webhook 回调",
        _ => channel,
    };

    public virtual async Task<DraftDetailView> GetDraftAsync(string? year, string? department, string? section, string? version, Caller caller,
        CancellationToken cancellationToken = default)
    {
        var (key, part, draft) = await FindDraftAsync(year, department, section, version, caller, cancellationToken);
        var newest = (await drafts.ListAsync(key, cancellationToken)).Where(d => d.Section == part.Key).Max(d => d.Version);
        return Detail(part, draft, newest);
    }

    /// <summary>One draft version a URL names, once the caller is shown to be one who may read the report.</summary>
    public virtual async Task<(ReportKey Key, ReportSection Part, Draft Draft)> FindDraftAsync(string? year, string? department, string? section,
        string? version, Caller caller, CancellationToken cancellationToken = default)
    {
        var (key, part, number) = DraftLocator.Parse(year, department, section, version, directory);
        await access.DemandAsync(caller, ReportAction.ReadReport, key.Department, cancellationToken);
        var draft = await drafts.GetAsync(key, part.Key, number, cancellationToken)
            ?? throw ReportingException.NotFound(RefusalCode.DraftVersionNotFound, key.Year, key.Department, part.Key, number);
        return (key, part, draft);
    }

    private static DraftDetailView Detail(ReportSection part, Draft draft, int newest) =>
        new(draft.Report.Year, draft.Report.Department, part.Key, DocumentWords.Heading(part), draft.Version, draft.Author, draft.AuthorId,
            Describe(draft.Status), draft.SubmittedAt, draft.Reviewer, draft.ReviewerId, draft.ReviewComment, draft.ReviewedAt,
            draft.Version < newest, draft.Body);

    /// <summary>
    /// What the 提交/修改 form starts from (<see cref="DraftFormStart"/>): which parts of the report have a version and, for
    /// <paramref name="section"/>, the text of its newest version or of <paramref name="version"/>. One listing and one text read.
    /// </summary>
    public virtual async Task<DraftFormStart> GetFormStartAsync(ReportKey key, string? section, int? version, Caller caller,
        CancellationToken cancellationToken = default)
    {
        await access.DemandAsync(caller, ReportAction.ReadReport, key.Department, cancellationToken);
        var list = await drafts.ListAsync(key, cancellationToken);
        var submitted = list.Select(d => d.Section).ToHashSet(StringComparer.Ordinal);
        var ofPart = list.Where(d => d.Section == section).OrderBy(d => d.Version).ToList();
        if (version is { } named && ofPart.All(d => d.Version != named)) throw ReportingException.NotFound(EdgeRefusalCode.PartVersionNotFound, named);
        if (ofPart.Count == 0) return new DraftFormStart(submitted, null, null);
        var source = await drafts.GetAsync(key, section!, version ?? ofPart[^1].Version, cancellationToken)
            ?? throw ReportingException.NotFound(EdgeRefusalCode.PartVersionNotFound, version ?? ofPart[^1].Version);
        return new DraftFormStart(submitted, source, ofPart[^1]);
    }

    /// <summary>
    /// One part's history for the 草稿 page: every version as a summary (no text), and the text of only the versions shown —
    /// the pair compared (<paramref name="from"/> → <paramref name="to"/>; by default the shown version and the one before it,
    /// or after it for the first) and the shown one (<paramref name="version"/>, by default the newest), which is always one of
    /// that pair: a version named outside the pair gives way to <paramref name="to"/>. Forty versions of 200,000 characters
    /// each once made every load hold them all; now a load reads two texts at most.
    /// </summary>
    public virtual async Task<PartHistoryView> GetPartHistoryAsync(string? year, string? department, string? section, int? version, int? from, int? to,
        Caller caller, CancellationToken cancellationToken = default)
    {
        var errors = new ValidationErrors();
        var key = ReportKeyBinder.Bind(year, department, directory, errors);
        var part = ReportTemplate.Find(section);
        if (part is null) errors.Add("section", RefusalCode.SectionUnknown);
        errors.ThrowIfAny();
        await access.DemandAsync(caller, ReportAction.ReadReport, key.Department, cancellationToken);
        var summaries = (await drafts.ListAsync(key, cancellationToken)).Where(d => d.Section == part!.Key).OrderBy(d => d.Version).ToList();
        foreach (var missing in new[] { version, from, to }.Where(v => v is not null && summaries.All(d => d.Version != v)).Take(1))
            throw ReportingException.NotFound(EdgeRefusalCode.PartVersionNotFound, missing);
        var newest = summaries.Count == 0 ? 0 : summaries[^1].Version;
        var versions = summaries.Select(d => new PartVersionView(d.Version, d.Author, d.AuthorId, Describe(d.Status), d.SubmittedAt,
            d.Characters ?? d.Length, d.Reviewer, d.ReviewerId, d.ReviewComment, d.ReviewedAt, d.Version < newest)
        { WithdrawnAt = d.WithdrawnAt }).ToList();
        if (versions.Count == 0) return new PartHistoryView(key.Year, key.Department, part!.Key, versions, null, 0, 0, new Dictionary<int, string>());
        var pairTo = to ?? version ?? newest;
        var index = versions.FindIndex(v => v.Version == pairTo);
        var pairFrom = from ?? (index > 0 ? versions[index - 1].Version : pairTo);
        // The first version, named without a pair, is compared with the one after it.
        if (from is null && to is null && index == 0 && versions.Count > 1) pairTo = versions[1].Version;
        var chosen = version is { } named && (named == pairFrom || named == pairTo) ? named : pairTo;
        var texts = new Dictionary<int, string>();
        foreach (var shown in new[] { pairFrom, pairTo }.Distinct())
            texts[shown] = (await drafts.GetAsync(key, part!.Key, shown, cancellationToken))?.Body
                ?? throw ReportingException.NotFound(EdgeRefusalCode.PartVersionNotFound, shown);
        return new PartHistoryView(key.Year, key.Department, part!.Key, versions, chosen, pairFrom, pairTo, texts);
    }

    /// <summary>A short-lived read link to the newest assembled PDF, or to <paramref name="version"/>.</summary>
    public virtual Task<Uri> GetPdfLinkAsync(string? year, string? department, string? version, Caller caller, CancellationToken cancellationToken = default) =>
        GetReportFileLinkAsync(year, department, version, ofd: false, caller, cancellationToken);

    /// <summary>As <see cref="GetPdfLinkAsync"/>, to that PDF's OFD twin; not found when the version has none (made before OFDs were written).</summary>
    public virtual Task<Uri> GetOfdLinkAsync(string? year, string? department, string? version, Caller caller, CancellationToken cancellationToken = default) =>
        GetReportFileLinkAsync(year, department, version, ofd: true, caller, cancellationToken);

    private async Task<Uri> GetReportFileLinkAsync(string? year, string? department, string? version, bool ofd, Caller caller,
        CancellationToken cancellationToken)
    {
        var (key, pdf) = await FindAssembledAsync(year, department, version, caller, cancellationToken);
        return await FileLinkAsync(pdf.BlobName!, ofd,
            Refusal.Of(EdgeRefusalCode.ReportOfdMissing, key.Year, directory.Find(key.Department)!.Name, pdf.Version), cancellationToken);
    }

    /// <summary>
    /// The assembled version a download names (<paramref name="version"/>, or the newest when none), once the caller is
    /// shown to be one who may download the report's PDF; not found while none is assembled or the version is unknown.
    /// </summary>
    public virtual async Task<(ReportKey Key, AssembledVersion Version)> FindAssembledAsync(string? year, string? department, string? version,
        Caller caller, CancellationToken cancellationToken = default)
    {
        var key = ReportKeyBinder.Bind(year, department, directory);
        await access.DemandAsync(caller, ReportAction.DownloadPdf, key.Department, cancellationToken);
        var wanted = ParseVersion(version);
        var report = await reports.GetAsync(key, cancellationToken);
        var pdf = wanted is null ? report.NewestAssembled : report.FindVersion(wanted.Value);
        if (pdf is not { IsAssembled: true })
            throw wanted is null
                ? ReportingException.NotFound(EdgeRefusalCode.PdfNotYetAssembled, key.Year, key.Department)
                : ReportingException.NotFound(EdgeRefusalCode.PdfVersionNotFound, key.Year, key.Department, wanted);
        return (key, pdf);
    }

    /// <summary>The link to the PDF, or to its OFD twin, which a PDF made before OFDs were written lacks (<paramref name="missing"/> says so).</summary>
    private async Task<Uri> FileLinkAsync(string pdfBlobName, bool ofd, Refusal missing, CancellationToken cancellationToken)
    {
        if (!ofd) return await pdfs.GetReadLinkAsync(pdfBlobName, options.DownloadLinkLifetime, cancellationToken);
        var name = OfdTwin.Of(pdfBlobName);
        if (await pdfs.FindAsync(name, cancellationToken) is null) throw new ReportingException(ProblemKind.NotFound, missing);
        return await pdfs.GetReadLinkAsync(name, options.DownloadLinkLifetime, cancellationToken);
    }

    public virtual async Task<YearView> GetYearAsync(string? year, Caller caller, CancellationToken cancellationToken = default)
    {
        var number = ReportKeyBinder.Year(year);
        await access.DemandAsync(caller, ReportAction.DistrictYear, null, cancellationToken);
        // The whole year in four reads side by side, one per table, however many departments there are: a query per
        // department made one overview 27 requests, and fifty overviews at once more than storage answered in time.
        var reportsRead = reports.ListYearAsync(number, cancellationToken);
        var publicationsRead = publications.ListYearAsync(number, cancellationToken);
        var draftsRead = drafts.ListYearAsync(number, cancellationToken);
        var ledgerRead = ledgers.GetAsync(number, cancellationToken);
        await Task.WhenAll(reportsRead, publicationsRead, draftsRead, ledgerRead);
        var byDepartment = (await reportsRead).ToDictionary(r => r.Key.Department);
        var published = (await publicationsRead).ToDictionary(p => p.Key.Department);
        var draftsByDepartment = await draftsRead;
        var required = ReportTemplate.RequiredSections.Count();
        var departments = new List<DepartmentStatusView>();
        foreach (var d in directory.Departments)
        {
            var list = draftsByDepartment.GetValueOrDefault(d.Code) ?? [];
            var report = byDepartment.GetValueOrDefault(d.Code) ?? new Report(new ReportKey(number, d.Code));
            var newest = report.NewestAssembled;
            var status = report.Status;
            // Only a complete report not in a PDF can be held by a draft awaiting review.
            if (status == ReportStatus.Assembling)
                status = report.StatusWith(AwaitedDraft.Find(report, list));
            departments.Add(new DepartmentStatusView(d.Code, d.Name, status.ToString().ToLowerInvariant(),
                report.Approved.Count(p => ReportTemplate.Find(p.Section)?.Required == true), required, report.MissingSections.ToList(),
                newest?.Version, newest?.NotifiedAt is not null, newest?.NotifiedAt,
                newest is null ? null : routes.ReportPdf(number, d.Code, newest.Version), PartStatuses(list),
                PublicationView.From(published.GetValueOrDefault(d.Code) ?? new PublicationRecord(new ReportKey(number, d.Code)), site)));
        }
        var ledger = await ledgerRead;
        var volumes = ledger.Volumes.Select(v => new VolumeView(v.Version,
            v.IsStored ? "stored" : v.IsAbandoned ? "abandoned" : "building", v.PageCount, v.Sha256, v.Reports.Count, v.Missing.Count,
            v.ClaimedAt, v.StoredAt, v.NotifiedAt, v.IsStored ? routes.VolumePdf(number, v.Version) : null)
        {
            OfdUrl = v.IsStored ? routes.VolumeOfd(number, v.Version) : null,
        }).ToList();
        return new YearView(number, departments.Count(d => d.Status == "assembled"), departments.Count(d => d.Status != "assembled"), departments,
            volumes.LastOrDefault(v => v.Status == "stored"), volumes, PublicationOf(number, departments))
        {
            Deadline = DeadlineView.For(calendar, number, clock.GetUtcNow()),
        };
    }

    private YearPublicationView PublicationOf(int year, List<DepartmentStatusView> departments)
    {
        var deadline = calendar.PublicationDeadline(year);
        return new YearPublicationView(deadline, deadline.DayNumber - calendar.Today(clock.GetUtcNow()).DayNumber,
            departments.Count(d => d.Publication.Status == "published"),
            departments.Where(d => d.Publication.Status != "published").Select(d => d.Department).ToList());
    }

    /// <summary>Every part in template order with its newest draft's status.</summary>
    private static List<PartStatusView> PartStatuses(IReadOnlyList<DraftSummary> list) =>
        ReportTemplate.Sections.Select(s => list.Where(d => d.Section == s.Key).MaxBy(d => d.Version) is { } newest
            ? new PartStatusView(s.Key, Describe(newest.Status), newest.Version)
            : new PartStatusView(s.Key, "missing", null)).ToList();

    public virtual Task<Uri> GetVolumeLinkAsync(string? year, string? version, Caller caller, CancellationToken cancellationToken = default) =>
        GetVolumeFileLinkAsync(year, version, ofd: false, caller, cancellationToken);

    /// <summary>As <see cref="GetVolumeLinkAsync"/>, to the volume's OFD twin; not found when that version has none.</summary>
    public virtual Task<Uri> GetVolumeOfdLinkAsync(string? year, string? version, Caller caller, CancellationToken cancellationToken = default) =>
        GetVolumeFileLinkAsync(year, version, ofd: true, caller, cancellationToken);

    private async Task<Uri> GetVolumeFileLinkAsync(string? year, string? version, bool ofd, Caller caller, CancellationToken cancellationToken)
    {
        var number = ReportKeyBinder.Year(year);
        await access.DemandAsync(caller, ReportAction.DistrictYear, null, cancellationToken);
        var wanted = ParseVersion(version);
        var ledger = await ledgers.GetAsync(number, cancellationToken);
        var volume = wanted is null ? ledger.NewestStored : ledger.Find(wanted.Value);
        if (volume is not { IsStored: true })
            throw wanted is null
                ? ReportingException.NotFound(EdgeRefusalCode.VolumeNotYetAssembled, number)
                : ReportingException.NotFound(EdgeRefusalCode.VolumeVersionNotFound, number, wanted);
        return await FileLinkAsync(volume.BlobName!, ofd, Refusal.Of(EdgeRefusalCode.VolumeOfdMissing, number, volume.Version), cancellationToken);
    }

    private static int? ParseVersion(string? version)
    {
        if (string.IsNullOrEmpty(version)) return null;
        if (!int.TryParse(version, System.Globalization.NumberStyles.None, null, out var n) || n < 1 || n > 1_000_000)
            throw ReportingException.Invalid("version", RefusalCode.VersionNotPositive);
        return n;
    }

    private static string Describe(Core.Drafts.DraftStatus status) => status.ToString().ToLowerInvariant();
}
