using System.Collections.Concurrent;
using System.Diagnostics;
using Azure;
using Azure.Data.Tables;
using Reporting.Azure.Storage;
using Reporting.Core.Drafts;
using Reporting.Core.Errors;
using Reporting.Core.Reports;

namespace Reporting.Azure.Tables;

/// <summary>
/// Drafts in Table Storage: a partition per report ("2023-kgj"), a row per version ("duty-000003").
/// A version is claimed by inserting its row, so numbers have no gaps and nothing is overwritten. Submissions of
/// one part take turns inside this process (otherwise N racing writers cost N² inserts and most lose); writers in
/// other instances still race, and a lost race just means trying the next number until the budget runs out.
/// A submission with a one-time id also inserts a row "~submission-{id}" (naming the version) in the same entity group transaction as
/// the version's row: both land or neither, and a second insert of the id fails, so a repeated post can never make a second version.
/// Those rows sort after every part's rows ('~' follows the letters), and the listings read the part rows' range alone.
/// </summary>
public class TableDraftRepository(StorageClients clients) : IDraftRepository
{
    private static readonly string[] SummaryColumns =
        ["PartitionKey", "RowKey", "Section", "Version", "Author", "AuthorId", "Status", "SubmittedAt", "BodyLength", "Reviewer", "ReviewerId", "ReviewedAt"];
    // One part's history (the 草稿 page) shows each version's 审核意见 and character count too; the year's read needs neither.
    private static readonly string[] PartColumns = [.. SummaryColumns, "ReviewComment", "BodyCharacters", "WithdrawnAt"];
    // Row keys of the submission records start here; every part's row key sorts before it.
    private const string SubmissionRows = "~";
    private readonly TableClient _table = clients.Table(clients.Options.DraftsTable);
    private readonly TableClient _queries = clients.QueryTable(clients.Options.DraftsTable);
    private readonly StripedGate _turns = new();
    // Newest version of each part this instance wrote, updated only in the part's turn: the next number without a query.
    private readonly ConcurrentDictionary<string, int> _newest = new(StringComparer.Ordinal);

    public static string PartitionKey(ReportKey key) => $"{key.Year}-{key.Department}";
    public static string RowKey(string section, int version) => $"{section}-{version:D6}";

    public static string SubmissionRowKey(string submissionId) => $"{SubmissionRows}submission-{submissionId}";

    public virtual async Task<Draft> AddNextVersionAsync(Draft draft, CancellationToken cancellationToken = default) =>
        (await AddAsync(draft, null, cancellationToken)).Draft;

    public virtual Task<SubmittedDraft> AddNextVersionOnceAsync(Draft draft, string submissionId, CancellationToken cancellationToken = default) =>
        AddAsync(draft, submissionId, cancellationToken);

    public virtual async Task<Draft?> FindSubmissionAsync(ReportKey report, string submissionId, CancellationToken cancellationToken = default)
    {
        var response = await _table.GetEntityIfExistsAsync<TableEntity>(PartitionKey(report), SubmissionRowKey(submissionId),
            cancellationToken: cancellationToken);
        return response.HasValue && response.Value is { } made
            ? await GetAsync(report, made.GetString("Section"), made.GetInt32("Version")!.Value, cancellationToken)
            : null;
    }

    private async Task<SubmittedDraft> AddAsync(Draft draft, string? submissionId, CancellationToken cancellationToken)
    {
        var budget = clients.Options.DraftNumberingBudget;
        var started = Stopwatch.StartNew();
        var part = PartitionKey(draft.Report) + "/" + draft.Section;
        using var turn = await _turns.TryEnterAsync(part, budget, cancellationToken) ?? throw Busy(draft, budget);
        // Marks the row as this call's own, so a retried insert whose first try did land is recognised, not renumbered.
        var submission = Guid.NewGuid().ToString("N");
        var newest = _newest.TryGetValue(part, out var known) ? known : await NewestVersionAsync(draft.Report, draft.Section, cancellationToken);
        for (var attempt = 1; ; attempt++)
        {
            var numbered = draft with { Version = newest + 1, Status = DraftStatus.Submitted };
            try
            {
                var etag = await InsertAsync(numbered, submission, submissionId, cancellationToken);
                _newest[part] = numbered.Version;
                return new SubmittedDraft(numbered with { ETag = etag?.ToString() }, Repeated: false);
            }
            catch (RequestFailedException e) when (e.Status == 409)
            {
                if (await GetAsync(numbered.Report, numbered.Section, numbered.Version, submission, cancellationToken) is { } mine)
                {
                    _newest[part] = mine.Version;
                    return new SubmittedDraft(mine, Repeated: false);
                }
                // A post with the same one-time id stored its version first (in this instance's turn before, or in another instance).
                if (submissionId is not null && await FindSubmissionAsync(draft.Report, submissionId, cancellationToken) is { } made)
                    return new SubmittedDraft(made, Repeated: true);
                // Another instance took this number first.
                if (started.Elapsed >= budget) throw Busy(draft, budget, e);
                await Task.Delay(Random.Shared.Next(1, Math.Min(10 * attempt, 200)), cancellationToken);
                newest = await NewestVersionAsync(draft.Report, draft.Section, cancellationToken);
            }
        }
    }

    /// <summary>The version's row, with the submission record in the same transaction when the post carries a one-time id; its ETag.</summary>
    private async Task<ETag?> InsertAsync(Draft numbered, string marker, string? submissionId, CancellationToken cancellationToken)
    {
        if (submissionId is null) return (await _table.AddEntityAsync(ToEntity(numbered, marker), cancellationToken)).Headers.ETag;
        var record = new TableEntity(PartitionKey(numbered.Report), SubmissionRowKey(submissionId))
        {
            ["Section"] = numbered.Section,
            ["Version"] = numbered.Version,
        };
        var responses = await _table.SubmitTransactionAsync([
            new TableTransactionAction(TableTransactionActionType.Add, ToEntity(numbered, marker)),
            new TableTransactionAction(TableTransactionActionType.Add, record),
        ], cancellationToken);
        return responses.Value[0].Headers.ETag;
    }

    private static TemporarilyUnavailableException Busy(Draft draft, TimeSpan budget, Exception? inner = null) =>
        new($"同一部分正有大量稿件同时提交，{budget.TotalSeconds:F0} 秒内未能为本稿编号，本稿未保存，请稍后重新提交。", TimeSpan.FromSeconds(2), inner);

    /// <summary>The version as stored, if it is the row this submission inserted.</summary>
    private async Task<Draft?> GetAsync(ReportKey report, string section, int version, string submission, CancellationToken cancellationToken) =>
        await RowAsync(report, section, version, cancellationToken) is { } row && row.GetString("SubmissionId") == submission ? FromEntity(report, row) : null;

    public virtual async Task<Draft?> GetAsync(ReportKey report, string section, int version, CancellationToken cancellationToken = default) =>
        await RowAsync(report, section, version, cancellationToken) is { } row ? FromEntity(report, row) : null;

    private async Task<TableEntity?> RowAsync(ReportKey report, string section, int version, CancellationToken cancellationToken)
    {
        var response = await _table.GetEntityIfExistsAsync<TableEntity>(PartitionKey(report), RowKey(section, version), cancellationToken: cancellationToken);
        return response.HasValue ? response.Value : null;
    }

    /// <summary>
    /// Point reads on the submit path: the number this instance last gave the part, confirmed by the next number's absence (versions are
    /// numbered without gaps); when this instance has not numbered the part, or another gave a later number, the part's numbers are read.
    /// </summary>
    public virtual async Task<Draft?> GetNewestAsync(ReportKey report, string section, CancellationToken cancellationToken = default)
    {
        var newest = _newest.TryGetValue(PartitionKey(report) + "/" + section, out var known)
            && await RowAsync(report, section, known + 1, cancellationToken) is null
            ? known
            : await NewestVersionAsync(report, section, cancellationToken);
        return newest == 0 ? null : await GetAsync(report, section, newest, cancellationToken);
    }

    public virtual async Task<IReadOnlyList<DraftSummary>> ListAsync(ReportKey report, CancellationToken cancellationToken = default)
    {
        var list = new List<DraftSummary>();
        var partition = PartitionKey(report);
        await foreach (var e in _queries.QueryAsync<TableEntity>(x => x.PartitionKey == partition && x.RowKey.CompareTo(SubmissionRows) < 0,
            select: PartColumns, cancellationToken: cancellationToken))
            list.Add(Summary(e) with
            {
                ReviewComment = e.GetString("ReviewComment"),
                Characters = e.GetInt32("BodyCharacters"),
                WithdrawnAt = e.GetDateTimeOffset("WithdrawnAt"),
            });
        return list;
    }

    public virtual async Task<IReadOnlyDictionary<string, IReadOnlyList<DraftSummary>>> ListYearAsync(int year, CancellationToken cancellationToken = default)
    {
        // The year's partitions ("2023-kgj", "2023-sfj", …) sort next to each other ('-' comes just before '.'): one range
        // query reads them all, page by page, instead of one query per department.
        var (from, to) = ($"{year}-", $"{year}.");
        var byDepartment = new Dictionary<string, List<DraftSummary>>(StringComparer.Ordinal);
        await foreach (var e in _queries.QueryAsync<TableEntity>(
            x => x.PartitionKey.CompareTo(from) >= 0 && x.PartitionKey.CompareTo(to) < 0 && x.RowKey.CompareTo(SubmissionRows) < 0,
            select: SummaryColumns, cancellationToken: cancellationToken))
        {
            var department = e.PartitionKey[from.Length..];
            if (!byDepartment.TryGetValue(department, out var list)) byDepartment[department] = list = [];
            list.Add(Summary(e));
        }
        return byDepartment.ToDictionary(p => p.Key, IReadOnlyList<DraftSummary> (p) => p.Value, StringComparer.Ordinal);
    }

    public virtual async Task<bool> AnyInYearAsync(int year, CancellationToken cancellationToken = default)
    {
        var (from, to) = ($"{year}-", $"{year}.");
        var rows = _queries.QueryAsync<TableEntity>(x => x.PartitionKey.CompareTo(from) >= 0 && x.PartitionKey.CompareTo(to) < 0, maxPerPage: 1,
            select: ["PartitionKey"], cancellationToken: cancellationToken);
        await foreach (var _ in rows) return true;
        return false;
    }

    private static DraftSummary Summary(TableEntity e) => new(e.GetString("Section"), e.GetInt32("Version")!.Value, e.GetString("Author"),
        Enum.Parse<DraftStatus>(e.GetString("Status")), e.GetDateTimeOffset("SubmittedAt")!.Value, e.GetInt32("BodyLength") ?? 0,
        e.GetString("Reviewer"), e.GetDateTimeOffset("ReviewedAt"), e.GetString("AuthorId"), e.GetString("ReviewerId"));

    // Merge touches only the review columns: the text written at submission stays as it was.
    public virtual Task<Draft> SaveReviewAsync(Draft reviewed, CancellationToken cancellationToken = default) => MergeAsync(reviewed, new()
    {
        ["Status"] = reviewed.Status.ToString(),
        ["Reviewer"] = reviewed.Reviewer,
        ["ReviewerId"] = reviewed.ReviewerId,
        ["ReviewComment"] = reviewed.ReviewComment,
        ["ReviewedAt"] = reviewed.ReviewedAt,
    }, cancellationToken);

    public virtual Task<Draft> SaveWithdrawalAsync(Draft withdrawn, CancellationToken cancellationToken = default) => MergeAsync(withdrawn, new()
    {
        ["Status"] = withdrawn.Status.ToString(),
        ["WithdrawnAt"] = withdrawn.WithdrawnAt,
    }, cancellationToken);

    /// <summary>Writes <paramref name="columns"/> of the draft's row if its ETag still holds; the other columns stay as they were.</summary>
    private async Task<Draft> MergeAsync(Draft draft, TableEntity columns, CancellationToken cancellationToken)
    {
        columns.PartitionKey = PartitionKey(draft.Report);
        columns.RowKey = RowKey(draft.Section, draft.Version);
        try
        {
            var response = await _table.UpdateEntityAsync(columns, new ETag(draft.ETag!), TableUpdateMode.Merge, cancellationToken);
            return draft with { ETag = response.Headers.ETag?.ToString() };
        }
        catch (RequestFailedException e) when (e.Status == 412)
        {
            throw new ConcurrencyConflictException($"Draft {draft.Report} {draft.Section} v{draft.Version} changed meanwhile.", e);
        }
    }

    private async Task<int> NewestVersionAsync(ReportKey report, string section, CancellationToken cancellationToken)
    {
        var newest = 0;
        var from = RowKey(section, 0);
        var to = RowKey(section, 999_999);
        // In the write path: with the point calls' short timeout, so a submission to storage that does not answer is a prompt 503.
        await foreach (var e in _table.QueryAsync<TableEntity>(
            x => x.PartitionKey == PartitionKey(report) && x.RowKey.CompareTo(from) > 0 && x.RowKey.CompareTo(to) <= 0,
            select: ["Version"], cancellationToken: cancellationToken))
            newest = Math.Max(newest, e.GetInt32("Version") ?? 0);
        return newest;
    }

    private static TableEntity ToEntity(Draft draft, string submission)
    {
        var entity = new TableEntity(PartitionKey(draft.Report), RowKey(draft.Section, draft.Version))
        {
            ["Section"] = draft.Section,
            ["Version"] = draft.Version,
            ["Author"] = draft.Author,
            ["AuthorId"] = draft.AuthorId,
            ["AuthorEmail"] = draft.AuthorEmail,
            ["Status"] = draft.Status.ToString(),
            ["SubmittedAt"] = draft.SubmittedAt,
            ["BodyLength"] = draft.Body.Length,
            // Characters as a reader counts them, so the 草稿 page lists every version's 字数 without loading its text.
            ["BodyCharacters"] = draft.Body.EnumerateRunes().Count(),
            ["SubmissionId"] = submission,
        };
        ChunkedText.Write(entity, "Body", draft.Body);
        return entity;
    }

    private static Draft FromEntity(ReportKey report, TableEntity e) => new(
        report,
        e.GetString("Section"),
        e.GetInt32("Version")!.Value,
        e.GetString("Author"),
        ChunkedText.Read(e, "Body"),
        e.GetDateTimeOffset("SubmittedAt")!.Value,
        Enum.Parse<DraftStatus>(e.GetString("Status")),
        e.GetString("Reviewer"),
        e.GetString("ReviewComment"),
        e.GetDateTimeOffset("ReviewedAt"),
        e.ETag.ToString(),
        e.GetString("AuthorId"),
        e.GetString("ReviewerId"),
        e.GetString("AuthorEmail"),
        e.GetDateTimeOffset("WithdrawnAt"));
}
