using Reporting.Core.Templates;

namespace Reporting.Core.Reports;

/// <summary>
/// The approval state of one department's report for one year. It decides when a PDF is due and
/// numbers the PDFs; storage only persists it, guarded by <see cref="ETag"/>.
/// </summary>
public sealed class Report
{
    private readonly Dictionary<string, ApprovedPart> _approved;
    private readonly List<AssembledVersion> _versions;

    public Report(ReportKey key, IEnumerable<ApprovedPart>? approved = null, IEnumerable<AssembledVersion>? versions = null, string? etag = null)
    {
        Key = key;
        _approved = (approved ?? []).ToDictionary(p => p.Section, StringComparer.Ordinal);
        _versions = (versions ?? []).OrderBy(v => v.Version).ToList();
        ETag = etag;
    }

    public ReportKey Key { get; }
    public string? ETag { get; }
    public IReadOnlyCollection<ApprovedPart> Approved => _approved.Values;
    public IReadOnlyList<AssembledVersion> Versions => _versions;

    public bool IsComplete => ReportTemplate.RequiredSections.All(s => _approved.ContainsKey(s.Key));

    public IEnumerable<string> MissingSections => ReportTemplate.RequiredSections.Where(s => !_approved.ContainsKey(s.Key)).Select(s => s.Key);

    public int? ApprovedVersion(string section) => _approved.TryGetValue(section, out var part) ? part.Version : null;

    /// <summary>The state without knowledge of drafts awaiting review; <see cref="StatusWith"/> when they are known.</summary>
    public ReportStatus Status => StatusWith([]);

    public ReportStatus StatusWith(IReadOnlyCollection<AwaitedDraft> awaiting)
    {
        if (!IsComplete) return ReportStatus.Drafting;
        if (_versions.Count > 0 && _versions[^1].HasSameSources(CurrentSources()))
            return _versions[^1].IsAssembled ? ReportStatus.Assembled : ReportStatus.Assembling;
        return Waits(awaiting) ? ReportStatus.Reviewing : ReportStatus.Assembling;
    }

    public AssembledVersion? NewestAssembled => _versions.LastOrDefault(v => v.IsAssembled);

    public AssembledVersion? FindVersion(int version) => _versions.FirstOrDefault(v => v.Version == version);

    /// <summary>
    /// Records an approval. Returns the PDF version now due, or null when the report is incomplete, a part's newer
    /// draft still awaits its decision (<paramref name="awaiting"/>, as read after this report), or a version with
    /// exactly these approved parts already exists or is on its way.
    /// </summary>
    /// <param name="dated">the 成文日期 the approver set (used when this approval is the round's last).</param>
    public AssembledVersion? Approve(string section, int version, string reviewer, DateTimeOffset at, IReadOnlyCollection<AwaitedDraft>? awaiting = null,
        DateOnly? dated = null)
    {
        if (!_approved.TryGetValue(section, out var current) || current.Version < version)
            _approved[section] = new ApprovedPart(section, version, reviewer, at, dated);
        return RequestAssemblyIfDue(at, awaiting ?? []);
    }

    /// <summary>
    /// Queues a PDF version for the current approvals unless one exists or a part's newer draft awaits its decision;
    /// used by approvals, rejections (a rejected newer draft releases the round) and the year-end run.
    /// </summary>
    public AssembledVersion? RequestAssemblyIfDue(DateTimeOffset at, IReadOnlyCollection<AwaitedDraft>? awaiting = null)
    {
        if (!IsComplete || Waits(awaiting ?? [])) return null;
        var sources = CurrentSources();
        if (_versions.Any(v => v.HasSameSources(sources))) return null;
        // The 成文日期 is the day the report was approved in full: the round's last approval (or the date its approver set),
        // not the day the PDF happens to be made. Of approvals at the same instant, one that set a date counts.
        var last = _approved.Values.OrderBy(p => p.ApprovedAt).ThenBy(p => p.Dated.HasValue).Last();
        var request = new AssembledVersion(_versions.Count == 0 ? 1 : _versions[^1].Version + 1, sources, at, last.ApprovedAt, Dated: last.Dated);
        _versions.Add(request);
        return request;
    }

    /// <summary>Requests made but not yet stored as a PDF (a crashed step leaves these behind; they are sent again).</summary>
    public IEnumerable<AssembledVersion> PendingAssemblies => _versions.Where(v => !v.IsAssembled);

    public AssembledVersion MarkAssembled(int version, string blobName, string sha256, int pageCount, DateTimeOffset at)
    {
        var index = IndexOf(version);
        var current = _versions[index];
        if (current.IsAssembled) return current;
        return _versions[index] = current with { BlobName = blobName, Sha256 = sha256, PageCount = pageCount, AssembledAt = at };
    }

    /// <summary>Records that an attempt to make this version's PDF began (each retry moves it on); no-op once assembled.</summary>
    public AssembledVersion MarkAssemblyStarted(int version, DateTimeOffset at)
    {
        var index = IndexOf(version);
        var current = _versions[index];
        return current.IsAssembled ? current : _versions[index] = current with { AssemblingSince = at };
    }

    public AssembledVersion MarkNotified(int version, DateTimeOffset at)
    {
        var index = IndexOf(version);
        var current = _versions[index];
        if (current.NotifiedAt is not null) return current;
        return _versions[index] = current with { NotifiedAt = at };
    }

    /// <summary>Whether a draft newer than its part's approved version still awaits its decision (an approval already folded in does not).</summary>
    private bool Waits(IReadOnlyCollection<AwaitedDraft> awaiting) => awaiting.Any(a => a.Version > (ApprovedVersion(a.Section) ?? 0));

    private int IndexOf(int version)
    {
        var index = _versions.FindIndex(v => v.Version == version);
        if (index < 0) throw new InvalidOperationException($"Report {Key} has no version {version}.");
        return index;
    }

    private Dictionary<string, int> CurrentSources() => _approved.ToDictionary(p => p.Key, p => p.Value.Version, StringComparer.Ordinal);
}
