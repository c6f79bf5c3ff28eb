using System.Collections.Concurrent;
using Reporting.Core.Documents;
using Reporting.Core.Errors;
using Reporting.Core.Publication;
using Reporting.Core.Reports;

namespace Reporting.Core.Tests;

internal sealed class InMemoryPublicationRepository : IPublicationRepository
{
    private readonly Lock _gate = new();
    private readonly Dictionary<ReportKey, (PublicationEvent[] Events, string ETag)> _rows = new();
    private int _etags;

    /// <summary>Runs before each save is checked: lets a test slip in another writer's save first, or fail the save.</summary>
    public Func<PublicationRecord, Task>? BeforeSave { get; set; }

    public Task<PublicationRecord> GetAsync(ReportKey key, CancellationToken cancellationToken = default)
    {
        lock (_gate)
            return Task.FromResult(_rows.TryGetValue(key, out var row) ? new PublicationRecord(key, row.Events, row.ETag) : new PublicationRecord(key));
    }

    public async Task SaveAsync(PublicationRecord publication, CancellationToken cancellationToken = default)
    {
        if (BeforeSave is { } hook) await hook(publication);
        lock (_gate)
        {
            var exists = _rows.TryGetValue(publication.Key, out var row);
            if (publication.ETag is null ? exists : !exists || row.ETag != publication.ETag)
                throw new ConcurrencyConflictException($"Publication {publication.Key} was changed by another writer.");
            _rows[publication.Key] = (publication.Events.ToArray(), $"W/\"{++_etags}\"");
        }
    }

    public Task<IReadOnlyList<PublicationRecord>> ListYearAsync(int year, CancellationToken cancellationToken = default)
    {
        lock (_gate)
            return Task.FromResult<IReadOnlyList<PublicationRecord>>(_rows.Where(r => r.Key.Year == year)
                .Select(r => new PublicationRecord(r.Key, r.Value.Events, r.Value.ETag)).ToList());
    }

    public Task<IReadOnlyList<int>> ListPublishedYearsAsync(CancellationToken cancellationToken = default)
    {
        lock (_gate)
            return Task.FromResult<IReadOnlyList<int>>(_rows.Where(r => r.Value.Events[^1].Kind == PublicationEventKind.Published).Select(r => r.Key.Year)
                .Distinct().Order().ToList());
    }
}

/// <summary>The public site as a dictionary of path → (bytes, content type, stamp).</summary>
internal sealed class InMemoryPublicSite : IPublicSite
{
    public ConcurrentDictionary<string, (byte[] Content, string ContentType, string? Stamp)> Files { get; } = new(StringComparer.Ordinal);

    /// <summary>Runs before each write lands: lets a test slip another call in while a copy is being written.</summary>
    public Func<string, Task>? BeforePut { get; set; }

    /// <summary>Runs before each delete lands: lets a test slip another call in while a withdrawal is removing the copy.</summary>
    public Func<string, Task>? BeforeDelete { get; set; }

    /// <summary>Fails the next N writes, as a crash after the record was saved would.</summary>
    public int FailNextPuts { get; set; }

    public Uri BaseAddress { get; } = new("https://public.example.gov.cn/reports/");

    public async Task PutAsync(string path, byte[] content, string contentType, string? stamp = null, CancellationToken cancellationToken = default)
    {
        if (FailNextPuts > 0) { FailNextPuts--; throw new IOException("storage went away"); }
        if (BeforePut is { } hook) await hook(path);
        Files[path] = (content, contentType, stamp);
    }

    public async Task<bool> PutIfAbsentAsync(string path, byte[] content, string contentType, CancellationToken cancellationToken = default)
    {
        if (FailNextPuts > 0) { FailNextPuts--; throw new IOException("storage went away"); }
        if (BeforePut is { } hook) await hook(path);
        return Files.TryAdd(path, (content, contentType, null));
    }

    public Task<IReadOnlyDictionary<string, string?>> ListAsync(string prefix, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyDictionary<string, string?>>(Files.Where(f => f.Key.StartsWith(prefix, StringComparison.Ordinal))
            .ToDictionary(f => f.Key, f => f.Value.Stamp, StringComparer.Ordinal));

    public async Task DeleteAsync(string path, CancellationToken cancellationToken = default)
    {
        if (BeforeDelete is { } hook) await hook(path);
        Files.TryRemove(path, out _);
    }

    public string Text(string path) => System.Text.Encoding.UTF8.GetString(Files[path].Content);
}

/// <summary>Pages as plain facts, so tests read what each page was given.</summary>
internal sealed class FactsPublicPages : IPublicPages
{
    public string Report(PublicReport report, ReportDocument document) =>
        $"report {report.Department} v{report.Version}{(report.HasOfd ? " with ofd" : "")} at {report.PublishedAt:O}:" +
        $" {document.Title} | {string.Join(" | ", document.Blocks.Select(b => b.Text))}";

    public string YearIndex(int year, IReadOnlyList<PublicReport> reports) =>
        $"year {year}: {string.Join(",", reports.Select(r => $"{r.Department}-v{r.Version}"))}";

    public string Root(IReadOnlyList<int> years) => $"root: {string.Join(",", years)}";

    public string NotFound(Uri root) => $"not found, see {root}";
}
