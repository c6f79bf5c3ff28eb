using System.Collections.Concurrent;
using Reporting.Core.Access;
using Reporting.Core.Audit;
using Reporting.Core.Calendar;
using Reporting.Core.Directory;
using Reporting.Core.Documents;
using Reporting.Core.Drafts;
using Reporting.Core.Errors;
using Reporting.Core.Notices;
using Reporting.Core.Publication;
using Reporting.Core.Queues;
using Reporting.Core.ReportAssembly;
using Reporting.Core.Reports;
using Reporting.Core.Seals;
using Reporting.Core.Verification;
using Reporting.Core.YearEnd;
using Reporting.TestSupport;
using Reporting.Typesetting;

namespace Reporting.Core.Tests;

// In-memory stand-ins for Core's ports, for the unit tests only. The workflows also run against real
// Azurite in Reporting.Azure.Tests. Like the Table adapters, every write is guarded by the ETag it read
// and a stale one throws ConcurrencyConflictException.

internal sealed class InMemoryDraftRepository : IDraftRepository
{
    private readonly Lock _gate = new();
    private readonly Dictionary<(ReportKey Report, string Section, int Version), Draft> _rows = new();
    private readonly Dictionary<(ReportKey Report, string Id), (string Section, int Version)> _submissions = new();
    private int _etags;

    /// <summary>Runs before a submission with an id is stored: lets a test slip in a racing post with the same id first.</summary>
    public Func<Task>? BeforeAddOnce { get; set; }

    public Task<Draft> AddNextVersionAsync(Draft draft, CancellationToken cancellationToken = default)
    {
        lock (_gate) return Task.FromResult(Add(draft));
    }

    public async Task<SubmittedDraft> AddNextVersionOnceAsync(Draft draft, string submissionId, CancellationToken cancellationToken = default)
    {
        if (BeforeAddOnce is { } before)
        {
            BeforeAddOnce = null;
            await before();
        }
        lock (_gate)
        {
            // The version and the id's record are stored together or not at all, as the Table adapter's transaction does.
            if (_submissions.TryGetValue((draft.Report, submissionId), out var made))
                return new SubmittedDraft(_rows[(draft.Report, made.Section, made.Version)], Repeated: true);
            var stored = Add(draft);
            _submissions.Add((draft.Report, submissionId), (stored.Section, stored.Version));
            return new SubmittedDraft(stored, Repeated: false);
        }
    }

    /// <summary>Runs after a look-up of a submission id has found nothing: lets a test slip in a racing post with that id just after it.</summary>
    public Func<Task>? AfterFindSubmission { get; set; }

    public async Task<Draft?> FindSubmissionAsync(ReportKey report, string submissionId, CancellationToken cancellationToken = default)
    {
        Draft? found;
        lock (_gate) found = _submissions.TryGetValue((report, submissionId), out var made) ? _rows[(report, made.Section, made.Version)] : null;
        if (found is null && AfterFindSubmission is { } after)
        {
            AfterFindSubmission = null;
            await after();
        }
        return found;
    }

    private Draft Add(Draft draft)
    {
        var next = _rows.Keys.Where(k => k.Report == draft.Report && k.Section == draft.Section).Select(k => k.Version).DefaultIfEmpty().Max() + 1;
        var stored = draft with { Version = next, Status = DraftStatus.Submitted, ETag = NewETag() };
        _rows.Add((draft.Report, draft.Section, next), stored);
        return stored;
    }

    public Task<Draft?> GetAsync(ReportKey report, string section, int version, CancellationToken cancellationToken = default)
    {
        lock (_gate) return Task.FromResult(_rows.GetValueOrDefault((report, section, version)));
    }

    public Task<Draft?> GetNewestAsync(ReportKey report, string section, CancellationToken cancellationToken = default)
    {
        lock (_gate) return Task.FromResult(_rows.Values.Where(d => d.Report == report && d.Section == section).MaxBy(d => d.Version));
    }

    public Task<IReadOnlyList<DraftSummary>> ListAsync(ReportKey report, CancellationToken cancellationToken = default)
    {
        lock (_gate)
            return Task.FromResult<IReadOnlyList<DraftSummary>>(_rows.Values.Where(d => d.Report == report)
                .Select(d => new DraftSummary(d.Section, d.Version, d.Author, d.Status, d.SubmittedAt, d.Body.Length, d.Reviewer, d.ReviewedAt,
                    d.AuthorId, d.ReviewerId, d.ReviewComment, d.Body.EnumerateRunes().Count(), d.WithdrawnAt)).ToList());
    }

    public async Task<IReadOnlyDictionary<string, IReadOnlyList<DraftSummary>>> ListYearAsync(int year, CancellationToken cancellationToken = default)
    {
        List<ReportKey> reports;
        lock (_gate) reports = _rows.Keys.Select(k => k.Report).Where(r => r.Year == year).Distinct().ToList();
        var byDepartment = new Dictionary<string, IReadOnlyList<DraftSummary>>(StringComparer.Ordinal);
        foreach (var report in reports) byDepartment[report.Department] = await ListAsync(report, cancellationToken);
        return byDepartment;
    }

    public Task<bool> AnyInYearAsync(int year, CancellationToken cancellationToken = default)
    {
        lock (_gate) return Task.FromResult(_rows.Keys.Any(k => k.Report.Year == year));
    }

    /// <summary>Runs before a withdrawal is checked: lets a test slip in a decision first.</summary>
    public Func<Task>? BeforeWithdrawal { get; set; }

    // Only the review is written; the stored text stays as submitted.
    public Task<Draft> SaveReviewAsync(Draft reviewed, CancellationToken cancellationToken = default) => Task.FromResult(Merge(reviewed, stored => stored with
    {
        Status = reviewed.Status,
        Reviewer = reviewed.Reviewer,
        ReviewerId = reviewed.ReviewerId,
        ReviewComment = reviewed.ReviewComment,
        ReviewedAt = reviewed.ReviewedAt,
    }));

    public async Task<Draft> SaveWithdrawalAsync(Draft withdrawn, CancellationToken cancellationToken = default)
    {
        if (BeforeWithdrawal is { } before)
        {
            BeforeWithdrawal = null;
            await before();
        }
        return Merge(withdrawn, stored => stored with { Status = withdrawn.Status, WithdrawnAt = withdrawn.WithdrawnAt });
    }

    private Draft Merge(Draft written, Func<Draft, Draft> columns)
    {
        lock (_gate)
        {
            var key = (written.Report, written.Section, written.Version);
            if (!_rows.TryGetValue(key, out var stored) || stored.ETag != written.ETag)
                throw new ConcurrencyConflictException($"Draft {key} changed meanwhile.");
            return _rows[key] = columns(stored) with { ETag = NewETag() };
        }
    }

    private string NewETag() => $"W/\"{++_etags}\"";
}

internal sealed class InMemoryReportRepository : IReportRepository
{
    private readonly Lock _gate = new();
    private readonly Dictionary<ReportKey, (ApprovedPart[] Approved, AssembledVersion[] Versions, string ETag)> _rows = new();
    private int _etags;

    /// <summary>Runs before each save is checked: lets a test slip in another writer's save first.</summary>
    public Func<Report, Task>? BeforeSave { get; set; }

    public int Saves { get; private set; }

    public Task<Report> GetAsync(ReportKey key, CancellationToken cancellationToken = default)
    {
        lock (_gate)
            return Task.FromResult(_rows.TryGetValue(key, out var row) ? new Report(key, row.Approved, row.Versions, row.ETag) : new Report(key));
    }

    public async Task SaveAsync(Report report, CancellationToken cancellationToken = default)
    {
        if (BeforeSave is { } hook) await hook(report);
        lock (_gate)
        {
            var exists = _rows.TryGetValue(report.Key, out var row);
            if (report.ETag is null ? exists : !exists || row.ETag != report.ETag)
                throw new ConcurrencyConflictException($"Report {report.Key} was changed by another writer.");
            _rows[report.Key] = (report.Approved.ToArray(), report.Versions.ToArray(), $"W/\"{++_etags}\"");
            Saves++;
        }
    }

    public Task<IReadOnlyList<Report>> ListYearAsync(int year, CancellationToken cancellationToken = default)
    {
        lock (_gate)
            return Task.FromResult<IReadOnlyList<Report>>(_rows.Where(r => r.Key.Year == year)
                .Select(r => new Report(r.Key, r.Value.Approved, r.Value.Versions, r.Value.ETag)).ToList());
    }
}

internal sealed class InMemoryVolumeLedgerRepository : IVolumeLedgerRepository
{
    private readonly Lock _gate = new();
    private readonly Dictionary<int, (VolumeVersion[] Volumes, string ETag)> _rows = new();
    private int _etags;

    public Task<VolumeLedger> GetAsync(int year, CancellationToken cancellationToken = default)
    {
        lock (_gate)
            return Task.FromResult(_rows.TryGetValue(year, out var row) ? new VolumeLedger(year, row.Volumes, row.ETag) : new VolumeLedger(year));
    }

    public Task SaveAsync(VolumeLedger ledger, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            var exists = _rows.TryGetValue(ledger.Year, out var row);
            if (ledger.ETag is null ? exists : !exists || row.ETag != ledger.ETag)
                throw new ConcurrencyConflictException($"The {ledger.Year} ledger was changed by another run.");
            _rows[ledger.Year] = (ledger.Volumes.ToArray(), $"W/\"{++_etags}\"");
        }
        return Task.CompletedTask;
    }
}

internal sealed class InMemoryChaseRecordRepository : IChaseRecordRepository
{
    private readonly Lock _gate = new();
    private readonly Dictionary<(int, string), ChaseRecord> _rows = new();
    private int _etags;

    public Task<ChaseRecord?> GetAsync(int year, string department, CancellationToken cancellationToken = default)
    {
        lock (_gate) return Task.FromResult(_rows.GetValueOrDefault((year, department)));
    }

    public Task<IReadOnlyList<ChaseRecord>> ListAsync(int year, CancellationToken cancellationToken = default)
    {
        lock (_gate) return Task.FromResult<IReadOnlyList<ChaseRecord>>(_rows.Values.Where(r => r.Year == year).ToList());
    }

    public Task<ChaseRecord?> TrySaveAsync(ChaseRecord record, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            var exists = _rows.TryGetValue((record.Year, record.Department), out var stored);
            if (record.ETag is null ? exists : !exists || stored!.ETag != record.ETag) return Task.FromResult<ChaseRecord?>(null);
            var saved = record with { ETag = $"W/\"{++_etags}\"" };
            _rows[(record.Year, record.Department)] = saved;
            return Task.FromResult<ChaseRecord?>(saved);
        }
    }
}

internal sealed class InMemoryYearEndRequestRepository : IYearEndRequestRepository
{
    private readonly Lock _gate = new();
    private readonly Dictionary<(int, string), YearEndRequest> _rows = new();
    private int _etags;

    public Task<YearEndRequest?> GetAsync(int year, string id, CancellationToken cancellationToken = default)
    {
        lock (_gate) return Task.FromResult(_rows.GetValueOrDefault((year, id)));
    }

    public Task<YearEndRequest?> TrySaveAsync(YearEndRequest request, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            var exists = _rows.TryGetValue((request.Year, request.Id), out var stored);
            if (request.ETag is null ? exists : !exists || stored!.ETag != request.ETag) return Task.FromResult<YearEndRequest?>(null);
            var saved = request with { ETag = $"W/\"{++_etags}\"" };
            _rows[(request.Year, request.Id)] = saved;
            return Task.FromResult<YearEndRequest?>(saved);
        }
    }
}

internal sealed class RecordingWorkQueue : IWorkQueue
{
    public ConcurrentQueue<AssemblyMessage> Assemblies { get; } = new();
    public ConcurrentQueue<NotificationMessage> Notifications { get; } = new();

    public Task EnqueueAssemblyAsync(AssemblyMessage message, CancellationToken cancellationToken = default)
    {
        Assemblies.Enqueue(message);
        return Task.CompletedTask;
    }

    public ConcurrentQueue<(YearEndMessage Message, TimeSpan? Delay)> YearEnds { get; } = new();

    public Task EnqueueYearEndAsync(YearEndMessage message, TimeSpan? delay = null, CancellationToken cancellationToken = default)
    {
        YearEnds.Enqueue((message, delay));
        return Task.CompletedTask;
    }

    public Task EnqueueNotificationAsync(NotificationMessage message, CancellationToken cancellationToken = default)
    {
        Notifications.Enqueue(message);
        return Task.CompletedTask;
    }

    public ConcurrentQueue<(NotificationMessage Message, TimeSpan Delay)> Scheduled { get; } = new();

    public Task ScheduleNotificationAsync(NotificationMessage message, TimeSpan delay, CancellationToken cancellationToken = default)
    {
        Scheduled.Enqueue((message, delay));
        return Task.CompletedTask;
    }
}

internal sealed class RecordingAuditLog : IAuditLog
{
    public ConcurrentQueue<AuditEntry> Entries { get; } = new();

    public Task RecordAsync(AuditEntry entry, CancellationToken cancellationToken = default)
    {
        Entries.Enqueue(entry);
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<AuditEntry>> ListAsync(string report, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<AuditEntry>>(Entries.Where(e => e.Report == report).OrderBy(e => e.At).ToList());
}

internal sealed class InMemoryMemberRepository : IMemberRepository
{
    private readonly ConcurrentDictionary<string, Membership> _rows = new(StringComparer.Ordinal);

    public Task<Membership?> GetAsync(string userId, CancellationToken cancellationToken = default) => Task.FromResult(_rows.GetValueOrDefault(userId));

    public Task<IReadOnlyList<Membership>> ListAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<Membership>>(_rows.Values.ToList());

    private int _etags;

    public Task<Membership> SaveAsync(Membership member, CancellationToken cancellationToken = default)
    {
        lock (_rows)
        {
            if (member.ETag is not null && _rows.GetValueOrDefault(member.UserId)?.ETag != member.ETag)
                throw new ConcurrencyConflictException($"Membership of {member.UserId} changed meanwhile.");
            return Task.FromResult(_rows[member.UserId] = member with { ETag = $"W/\"{++_etags}\"" });
        }
    }

    public Task<bool> DeleteAsync(string userId, string? eTag = null, CancellationToken cancellationToken = default)
    {
        lock (_rows)
        {
            if (eTag is not null && _rows.TryGetValue(userId, out var row) && row.ETag != eTag)
                throw new ConcurrencyConflictException($"Membership of {userId} changed meanwhile.");
            return Task.FromResult(_rows.TryRemove(userId, out _));
        }
    }
}

/// <summary>Pretends the fonts cannot draw the given characters.</summary>
internal sealed class FakeGlyphCoverage(params string[] missing) : IGlyphCoverage
{
    public IReadOnlyList<MissingGlyph> FindMissing(string text)
    {
        var found = new List<MissingGlyph>();
        var line = 1;
        var column = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            if (rune.Value == '\n') { line++; column = 0; continue; }
            column++;
            if (missing.Contains(rune.ToString())) found.Add(new MissingGlyph(rune.ToString(), rune.Value, line, column));
        }
        return found;
    }
}

/// <summary>Create-once PDF storage, like the blob store: a second create of a name returns the first's facts.</summary>
internal sealed class InMemoryPdfStore : IPdfStore
{
    public ConcurrentDictionary<string, (RenderedPdf Pdf, string FileName)> Blobs { get; } = new();

    public Task<StoredPdf> CreateAsync(string name, RenderedPdf pdf, string downloadFileName, CancellationToken cancellationToken = default)
    {
        var created = Blobs.TryAdd(name, (pdf, downloadFileName));
        var stored = Blobs[name].Pdf;
        AfterCreate?.Invoke(name);
        return Task.FromResult(new StoredPdf(name, stored.Sha256, stored.PageCount, stored.Content.Length, created));
    }

    /// <summary>Called with the name after a file (PDF or OFD) is stored: throws to stand for a run that dies right after its upload.</summary>
    public Action<string>? AfterCreate { get; set; }

    public async Task<StoredPdf> CreateAsync(string name, Stream content, string sha256, int pageCount, string downloadFileName,
        CancellationToken cancellationToken = default)
    {
        using var copy = new MemoryStream();
        await content.CopyToAsync(copy, cancellationToken);
        return await CreateAsync(name, new RenderedPdf(copy.ToArray(), pageCount), downloadFileName, cancellationToken);
    }

    public Task<StoredPdf?> FindAsync(string name, CancellationToken cancellationToken = default) =>
        Task.FromResult(Blobs.TryGetValue(name, out var b) ? new StoredPdf(name, b.Pdf.Sha256, b.Pdf.PageCount, b.Pdf.Content.Length, false) : null);

    public Task<byte[]> ReadAsync(string name, CancellationToken cancellationToken = default) => Task.FromResult(Blobs[name].Pdf.Content);

    public Task<Uri> GetReadLinkAsync(string name, TimeSpan lifetime, CancellationToken cancellationToken = default) =>
        Task.FromResult(new Uri($"https://pdfs.test/{name}?lifetime={(int)lifetime.TotalSeconds}"));
}

/// <summary>The hash index as the table keeps it: the first filing of a hash wins, a repeat changes nothing.</summary>
internal sealed class InMemoryPdfHashIndex : IPdfHashIndex
{
    public ConcurrentDictionary<string, PdfFingerprint> Rows { get; } = new();

    public Task RecordAsync(PdfFingerprint fingerprint, CancellationToken cancellationToken = default)
    {
        Rows.TryAdd(fingerprint.Sha256, fingerprint);
        return Task.CompletedTask;
    }

    public Task<PdfFingerprint?> FindAsync(string sha256, CancellationToken cancellationToken = default) =>
        Task.FromResult(Rows.GetValueOrDefault(sha256));
}

/// <summary>Core states facts; wording is the app layer's. This composer keeps the facts and writes only the kind and key.</summary>
internal sealed class FactsComposer : INoticeComposer
{
    public Task<ComposedNotice> ComposeAsync(Notice notice, CancellationToken cancellationToken = default) =>
        Task.FromResult(new ComposedNotice(notice, $"{notice.GetType().Name} {notice.Key}", ""));
}

/// <summary>The address recorded with the draft, else AUTHOR-ID@authors.test; none at all while <see cref="NoneKnown"/>.</summary>
internal sealed class TestAuthorAddresses : IAuthorAddresses
{
    public bool NoneKnown { get; set; }

    public string? AddressOf(Draft draft) => NoneKnown ? null : draft.AuthorEmail ?? $"{draft.AuthorId}@authors.test";
}

/// <summary>Each department's author and approver at members.test, except the departments a test says have no address.</summary>
internal sealed class TestMemberAddresses : IMemberAddresses
{
    public HashSet<string> Unknown { get; } = [];

    public Task<IReadOnlyList<string>> OfDepartmentAsync(string department, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<string>>(Unknown.Contains(department) ? []
            : [$"{department}-author@members.test", $"{department}-approver@members.test"]);
}

/// <summary>
/// Renders a document to deterministic bytes (its text; the OFD twin prefixed "OFD") and counts what it was asked to render.
/// </summary>
internal sealed class FakeTypesetter(int pageCount = 3) : IReportTypesetter
{
    public ConcurrentQueue<ReportDocument> Rendered { get; } = new();

    public TypesetReport Typeset(ReportDocument document)
    {
        Rendered.Enqueue(document);
        var text = string.Join('\n', document.AllText());
        return new TypesetReport(new RenderedPdf(System.Text.Encoding.UTF8.GetBytes(text), pageCount), System.Text.Encoding.UTF8.GetBytes("OFD\n" + text));
    }

    public ConcurrentQueue<VolumeDocument> Volumes { get; } = new();

    /// <summary>Called once the volume's bytes are written, before it returns: throws to stand for a run that dies mid-way, or blocks.</summary>
    public Action? WhileTypesettingVolume { get; set; }

    /// <summary>Writes the volume's title and report titles (to the OFD prefixed "OFD"); one page per report plus cover and closing page.</summary>
    public int TypesetVolume(VolumeDocument volume, Stream pdf, Stream ofd)
    {
        Volumes.Enqueue(volume);
        var text = string.Join('\n', [volume.Title, .. volume.Reports.Select(r => r.Report.Title)]);
        pdf.Write(System.Text.Encoding.UTF8.GetBytes(text));
        ofd.Write(System.Text.Encoding.UTF8.GetBytes("OFD\n" + text));
        pdf.Flush();
        ofd.Flush();
        WhileTypesettingVolume?.Invoke();
        return volume.Reports.Count + 2;
    }
}

/// <summary>The outbox's storage rules (insert if absent, replace if the ETag matches, sent recorded unconditionally) over a dictionary.</summary>
internal sealed class InMemoryOutbox : INotificationOutbox
{
    private readonly Lock _gate = new();
    private readonly Dictionary<(string Key, string Channel), OutboxEntry> _rows = new();

    public Task<IReadOnlyList<OutboxEntry>> FindAsync(string key, CancellationToken cancellationToken = default)
    {
        lock (_gate) return Task.FromResult<IReadOnlyList<OutboxEntry>>(_rows.Values.Where(e => e.Key == key).ToList());
    }

    public Task<IReadOnlyList<OutboxEntry>> ListForReportAsync(int year, string department, CancellationToken cancellationToken = default)
    {
        lock (_gate)
            return Task.FromResult<IReadOnlyList<OutboxEntry>>(
                _rows.Values.Where(e => e.Notice is NotificationMessage.ReportReady r && r.Year == year && r.Department == department).ToList());
    }

    public Task<IReadOnlyList<OutboxEntry>> ListStartingWithAsync(string keyPrefix, CancellationToken cancellationToken = default)
    {
        lock (_gate)
            return Task.FromResult<IReadOnlyList<OutboxEntry>>(_rows.Values.Where(e => e.Key.StartsWith(keyPrefix, StringComparison.Ordinal)).ToList());
    }

    public Task<OutboxEntry?> TrySaveAsync(OutboxEntry entry, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            var exists = _rows.TryGetValue((entry.Key, entry.Channel), out var stored);
            if (entry.ETag is null ? exists : !exists || stored!.ETag != entry.ETag) return Task.FromResult<OutboxEntry?>(null);
            var saved = entry with { ETag = Guid.NewGuid().ToString("N") };
            _rows[(entry.Key, entry.Channel)] = saved;
            return Task.FromResult<OutboxEntry?>(saved);
        }
    }

    public Task SaveSentAsync(OutboxEntry entry, CancellationToken cancellationToken = default)
    {
        lock (_gate) _rows[(entry.Key, entry.Channel)] = entry with { ETag = Guid.NewGuid().ToString("N") };
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<OutboxEntry>> ListDueAsync(DateTimeOffset dueBy, CancellationToken cancellationToken = default)
    {
        lock (_gate) return Task.FromResult<IReadOnlyList<OutboxEntry>>(_rows.Values.Where(e => !e.IsSent && e.NextAttemptAt <= dueBy).ToList());
    }

    public OutboxEntry? Find(string key, string channel)
    {
        lock (_gate) return _rows.GetValueOrDefault((key, channel));
    }
}

internal sealed class RecordingSender(string channel = "email", bool configured = true) : INotificationSender
{
    public ConcurrentQueue<ComposedNotice> Sent { get; } = new();
    public string Channel => channel;
    public bool IsConfigured => configured;

    /// <summary>How many of the next sends fail (as an SMTP server that is down would).</summary>
    public int FailNext { get; set; }

    /// <summary>Every send fails while set (a channel that stays down).</summary>
    public bool Down { get; set; }

    /// <summary>Every send waits until it is cancelled (a server that accepts and never answers).</summary>
    public bool Hangs { get; set; }

    private int _attempts;
    public int Attempts => Volatile.Read(ref _attempts);

    public async Task SendAsync(ComposedNotice notice, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _attempts);
        if (Hangs) await Task.Delay(Timeout.Infinite, cancellationToken);
        if (Down || FailNext > 0)
        {
            if (FailNext > 0) FailNext--;
            throw new IOException($"The {channel} endpoint is not answering.");
        }
        Sent.Enqueue(notice);
    }
}

/// <summary>The seal store's rules (a new version per new image, the newest again stores nothing) over a dictionary.</summary>
internal sealed class InMemorySealStore(TimeProvider clock) : ISealStore
{
    private readonly ConcurrentDictionary<string, List<SealFile>> _versions = new();

    public Task<StoredSeal> AddAsync(string organisation, byte[] png, Caller uploadedBy, CancellationToken cancellationToken = default)
    {
        var versions = _versions.GetOrAdd(organisation, _ => []);
        lock (versions)
        {
            var sha = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(png));
            if (versions.Count > 0 && versions[^1].Seal.Sha256 == sha) return Task.FromResult(versions[^1].Seal);
            var seal = new StoredSeal(organisation, versions.Count + 1, sha, png.Length, clock.GetUtcNow(), uploadedBy);
            versions.Add(new SealFile(seal, png));
            return Task.FromResult(seal with { Created = true });
        }
    }

    public Task<StoredSeal?> FindNewestAsync(string organisation, CancellationToken cancellationToken = default) =>
        Task.FromResult(_versions.TryGetValue(organisation, out var v) && v.Count > 0 ? v[^1].Seal : null);

    public Task<SealFile?> ReadAsync(string organisation, int? version = null, CancellationToken cancellationToken = default) =>
        Task.FromResult(_versions.TryGetValue(organisation, out var v) && v.Count > 0
            ? version is { } n ? v.ElementAtOrDefault(n - 1) : v[^1]
            : null);
}

/// <summary>The workflows wired to the fakes, the shared department directory and a clock that stands still.</summary>
internal sealed class TestWorld
{
    public static readonly DistrictDirectory SharedDirectory = DistrictDirectoryJson.Load(RepoPaths.Fixture("departments.json"));

    /// <summary>The required parts, in template order.</summary>
    public static readonly string[] RequiredParts = ["preamble", "duty", "measures", "shortcomings", "plans"];

    public DistrictDirectory Directory { get; } = SharedDirectory;
    public InMemoryDraftRepository Drafts { get; } = new();
    public InMemoryReportRepository Reports { get; } = new();
    public InMemoryVolumeLedgerRepository Ledgers { get; } = new();
    public RecordingWorkQueue Queue { get; } = new();
    public RecordingAuditLog Audit { get; } = new();
    public InMemoryPdfStore Pdfs { get; } = new();
    public InMemoryPdfHashIndex Hashes { get; } = new();
    public FakeTypesetter Typesetter { get; } = new();
    public RecordingSender Sender { get; } = new();
    /// <summary>A second channel; not configured unless a test sets it up with <see cref="WithWebhook"/>.</summary>
    public RecordingSender Webhook { get; private set; } = new("webhook", configured: false);
    public InMemoryOutbox Outbox { get; } = new();
    public NotificationOptions Notifications { get; } = new() { RetrySchedule = [TimeSpan.FromSeconds(10), TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(10)] };
    public ManualClock Clock { get; } = new(new DateTimeOffset(2024, 1, 5, 2, 0, 0, TimeSpan.Zero));
    public ReportingOptions Options { get; } = new();
    public IGlyphCoverage Coverage { get; init; } = new FakeGlyphCoverage();
    public InMemoryMemberRepository Members { get; } = new();
    public InMemorySealStore Seals { get; }

    public TestWorld() => Seals = new InMemorySealStore(Clock);

    /// <summary>The documents' words: the app's own zh-CN wording, so titles, file names and dates are pinned as people see them.</summary>
    public IDocumentWording Wording { get; } = new DocumentWords();

    /// <summary>What assembly seals with: the newest uploaded seal (none: unsealed), as in Azure.</summary>
    public IOrganisationSeals Sealing => new StoredOrganisationSeals(Seals);

    public SealAdministration SealAdministration => new(Access, Seals, Directory, Audit, Clock);

    /// <summary>Everyone of the development sign-in is a member (kgj-author, kgj-approver, office, …), as on the local host.</summary>
    public AccessControl Access => new(Members, new ConfiguredMembers(TestMembers.For(Directory)));

    public static Caller Author(string department = "kgj") => new($"{department}-author", "起草人");
    public static Caller Approver(string department = "kgj", string name = "审核人") => new($"{department}-approver", name);
    public static readonly Caller Office = new("office", "区法治办工作人员");

    public DraftSubmission Submission => new(Directory, Access, Drafts, Audit, Coverage, Wording, Options, Clock);
    public FactsComposer Composer { get; } = new();
    public TestAuthorAddresses Addresses { get; } = new();
    public RejectionNotifier Rejections => new(Drafts, Addresses, Composer, Delivery, Queue, Audit, Clock);
    public ApprovalNotifier Approvals => new(Drafts, Addresses, Composer, Delivery, Queue, Clock);
    public DraftReview Review => new(Access, Drafts, Reports, Queue, Rejections, Approvals, Audit, Options, Clock);
    public DraftWithdrawal Withdrawal => new(Access, Drafts, Reports, Queue, Audit, Options, Clock);
    public OnceOnlyDelivery Delivery => new(Outbox, [Sender, Webhook], Queue, Options, Notifications, Clock);
    public ReportMadeNotifier Authors => new(Reports, Drafts, Addresses, Composer, Delivery, Queue, Clock);
    public ReportAssembler Assembler =>
        new(Directory, Drafts, Reports, Typesetter, Pdfs, Hashes, Queue, Delivery, Authors, Audit, Wording, Options, Clock, Sealing);
    public DistrictOfficeNotifier Notifier => new(Directory, Reports, Drafts, Pdfs, Composer, Delivery, Audit, Wording, Options, Clock);
    public YearEndRun YearEnd =>
        new(Directory, Drafts, Reports, Ledgers, Assembler, Typesetter, Pdfs, Hashes, Composer, Delivery, Audit, Wording, Options, Clock, Scratch, Sealing);

    public InMemoryYearEndRequestRepository YearEndRequests { get; } = new();
    public QueuedYearEnd QueuedYearEnd => new(YearEnd, YearEndRequests, Queue, Access, Options, Clock);

    /// <summary>The year-end run's scratch folder (default: the production one); a test that looks into it gives its own.</summary>
    public string? Scratch { get; init; }
    public InMemoryPublicationRepository Publications { get; } = new();
    public InMemoryPublicSite Site { get; } = new();
    public ReportPublisher Publisher => new(Directory, Access, Reports, Publications, Pdfs, Site, new FactsPublicPages(), Assembler, Audit, Options, Clock);
    public ReportingCalendar Calendar => new(ReportingCalendarDates.Default, Options);

    public TestMemberAddresses MemberAddresses { get; } = new();
    public InMemoryChaseRecordRepository Chases { get; } = new();
    public DeadlineReminders Reminders => new(new ReportingCalendar(ReportingCalendarDates.Default, Options), Directory, Drafts, MemberAddresses, Composer,
        Delivery, Outbox, Queue, Audit, Access, Chases, Clock);

    public TestWorld WithWebhook()
    {
        Webhook = new RecordingSender("webhook");
        return this;
    }

    /// <summary>
    /// Submits a part as its author. Without a <paramref name="body"/> the first submission of a part says "duty 的正文。" and each
    /// later one names its round ("duty 的正文（第 2 稿）。"): a text the same as the part's newest version is refused.
    /// </summary>
    public Task<Draft> SubmitAsync(string section, string? body = null, string department = "kgj", string year = "2023")
    {
        var round = _rounds[(year, department, section)] = _rounds.GetValueOrDefault((year, department, section)) + 1;
        var text = body ?? (round == 1 ? $"{section} 的正文。" : $"{section} 的正文（第 {round} 稿）。");
        return Submission.SubmitAsync(SubmitCommands.For(section, text, department, int.Parse(year)), Author(department));
    }

    private readonly Dictionary<(string Year, string Department, string Section), int> _rounds = [];

    public Task<ReviewOutcome> DecideAsync(string section, int version, string decision = "approve", string department = "kgj", string year = "2023",
        string reviewer = "审核人") =>
        Review.DecideAsync(ReviewCommands.For(section, version, ReviewCommands.Decision(decision), decision == "reject" ? "请修改后重新提交。" : null, department,
            int.Parse(year)), Approver(department, reviewer));

    /// <summary>Submits version 1 of every required part and approves it: the report is complete and v1 is queued.</summary>
    public async Task CompleteReportAsync(string department = "kgj")
    {
        foreach (var part in RequiredParts)
        {
            var draft = await SubmitAsync(part, department: department);
            await DecideAsync(part, draft.Version, department: department);
        }
    }
}
