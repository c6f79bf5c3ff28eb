using Azure;
using Azure.Data.Tables;
using Reporting.Azure.Storage;
using Reporting.Core.Abstractions;
using Reporting.Core.Drafts;
using Reporting.Core.Reports;

namespace Reporting.Azure.Tables;

/// <summary>
/// Drafts in Table Storage: a partition per report ("2023-kgj"), a row per version ("duty-000003").
/// A version is claimed by inserting its row; a lost race means someone else took that number, so take the next.
/// </summary>
public class TableDraftRepository(StorageClients clients) : IDraftRepository
{
    private const int MaxInsertAttempts = 50;
    private readonly TableClient _table = clients.Table(clients.Options.DraftsTable);

    public static string PartitionKey(ReportKey key) => $"{key.Year}-{key.Department}";
    public static string RowKey(string section, int version) => $"{section}-{version:D6}";

    public virtual async Task<Draft> AddNextVersionAsync(Draft draft, CancellationToken cancellationToken = default)
    {
        var next = await NewestVersionAsync(draft.Report, draft.Section, cancellationToken) + 1;
        for (var attempt = 0; attempt < MaxInsertAttempts; attempt++, next++)
        {
            var numbered = draft with { Version = next, Status = DraftStatus.Submitted };
            try
            {
                var response = await _table.AddEntityAsync(ToEntity(numbered), cancellationToken);
                return numbered with { ETag = response.Headers.ETag?.ToString() };
            }
            catch (RequestFailedException e) when (e.Status == 409)
            {
                // Another submission of the same part took this number first.
            }
        }
        throw new ConcurrencyConflictException($"Could not number a new draft of {draft.Report} {draft.Section} after {MaxInsertAttempts} attempts.");
    }

    public virtual async Task<Draft?> GetAsync(ReportKey report, string section, int version, CancellationToken cancellationToken = default)
    {
        var response = await _table.GetEntityIfExistsAsync<TableEntity>(PartitionKey(report), RowKey(section, version), cancellationToken: cancellationToken);
        return response.HasValue ? FromEntity(report, response.Value!) : null;
    }

    public virtual async Task<IReadOnlyList<DraftSummary>> ListAsync(ReportKey report, CancellationToken cancellationToken = default)
    {
        var list = new List<DraftSummary>();
        var select = new[] { "RowKey", "Section", "Version", "Author", "AuthorId", "Status", "SubmittedAt", "BodyLength", "Reviewer", "ReviewerId", "ReviewedAt" };
        await foreach (var e in _table.QueryAsync<TableEntity>(x => x.PartitionKey == PartitionKey(report), select: select, cancellationToken: cancellationToken))
            list.Add(new DraftSummary(e.GetString("Section"), e.GetInt32("Version")!.Value, e.GetString("Author"),
                Enum.Parse<DraftStatus>(e.GetString("Status")), e.GetDateTimeOffset("SubmittedAt")!.Value, e.GetInt32("BodyLength") ?? 0,
                e.GetString("Reviewer"), e.GetDateTimeOffset("ReviewedAt"), e.GetString("AuthorId"), e.GetString("ReviewerId")));
        return list;
    }

    public virtual async Task<Draft> SaveReviewAsync(Draft reviewed, CancellationToken cancellationToken = default)
    {
        var entity = new TableEntity(PartitionKey(reviewed.Report), RowKey(reviewed.Section, reviewed.Version))
        {
            ["Status"] = reviewed.Status.ToString(),
            ["Reviewer"] = reviewed.Reviewer,
            ["ReviewerId"] = reviewed.ReviewerId,
            ["ReviewComment"] = reviewed.ReviewComment,
            ["ReviewedAt"] = reviewed.ReviewedAt,
        };
        try
        {
            // Merge touches only the review columns: the text written at submission stays as it was.
            var response = await _table.UpdateEntityAsync(entity, new ETag(reviewed.ETag!), TableUpdateMode.Merge, cancellationToken);
            return reviewed with { ETag = response.Headers.ETag?.ToString() };
        }
        catch (RequestFailedException e) when (e.Status == 412)
        {
            throw new ConcurrencyConflictException($"Draft {reviewed.Report} {reviewed.Section} v{reviewed.Version} changed meanwhile.", e);
        }
    }

    private async Task<int> NewestVersionAsync(ReportKey report, string section, CancellationToken cancellationToken)
    {
        var newest = 0;
        var from = RowKey(section, 0);
        var to = RowKey(section, 999_999);
        await foreach (var e in _table.QueryAsync<TableEntity>(
            x => x.PartitionKey == PartitionKey(report) && x.RowKey.CompareTo(from) > 0 && x.RowKey.CompareTo(to) <= 0,
            select: ["Version"], cancellationToken: cancellationToken))
            newest = Math.Max(newest, e.GetInt32("Version") ?? 0);
        return newest;
    }

    private static TableEntity ToEntity(Draft draft)
    {
        var entity = new TableEntity(PartitionKey(draft.Report), RowKey(draft.Section, draft.Version))
        {
            ["Section"] = draft.Section,
            ["Version"] = draft.Version,
            ["Author"] = draft.Author,
            ["AuthorId"] = draft.AuthorId,
            ["Status"] = draft.Status.ToString(),
            ["SubmittedAt"] = draft.SubmittedAt,
            ["BodyLength"] = draft.Body.Length,
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
        e.GetString("ReviewerId"));
}
