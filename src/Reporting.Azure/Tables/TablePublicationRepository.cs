using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Reporting.Azure.Storage;
using Reporting.Core.Errors;
using Reporting.Core.Publication;
using Reporting.Core.Reports;

namespace Reporting.Azure.Tables;

/// <summary>Publication records: a partition per year, a row per department, the history as JSON; every write carries the ETag it read.</summary>
public class TablePublicationRepository(StorageClients clients) : IPublicationRepository
{
    private static readonly JsonSerializerOptions Json =
        new(JsonSerializerDefaults.Web) { Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() } };
    private readonly TableClient _table = clients.Table(clients.Options.PublicationsTable);
    private readonly TableClient _queries = clients.QueryTable(clients.Options.PublicationsTable);

    public virtual async Task<PublicationRecord> GetAsync(ReportKey key, CancellationToken cancellationToken = default)
    {
        var response = await _table.GetEntityIfExistsAsync<TableEntity>(key.Year.ToString(), key.Department, cancellationToken: cancellationToken);
        return response.HasValue ? FromEntity(key, response.Value!) : new PublicationRecord(key);
    }

    public virtual async Task SaveAsync(PublicationRecord publication, CancellationToken cancellationToken = default)
    {
        var entity = new TableEntity(publication.Key.Year.ToString(), publication.Key.Department)
        {
            // Plain columns beside the history, for whoever reads the table in Storage Explorer.
            ["Published"] = publication.IsPublished,
            ["Version"] = publication.Current?.Version,
        };
        ChunkedText.Write(entity, "Events", JsonSerializer.Serialize(publication.Events, Json));
        try
        {
            if (publication.ETag is null) await _table.AddCreatingTableAsync(entity, cancellationToken); // the first publish of an older deployment
            else await _table.UpdateEntityAsync(entity, new ETag(publication.ETag), TableUpdateMode.Replace, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status is 409 or 412)
        {
            throw new ConcurrencyConflictException($"Publication of {publication.Key} was changed by another writer.", e);
        }
    }

    public virtual async Task<IReadOnlyList<PublicationRecord>> ListYearAsync(int year, CancellationToken cancellationToken = default)
    {
        var list = new List<PublicationRecord>();
        await foreach (var e in _queries.QueryAsync<TableEntity>(x => x.PartitionKey == year.ToString(), cancellationToken: cancellationToken))
            list.Add(FromEntity(new ReportKey(year, e.RowKey), e));
        return list;
    }

    public virtual async Task<IReadOnlyList<int>> ListPublishedYearsAsync(CancellationToken cancellationToken = default)
    {
        var years = new SortedSet<int>();
        await foreach (var e in _table.QueryAsync<TableEntity>(filter: "Published eq true", select: ["PartitionKey"], cancellationToken: cancellationToken))
            if (int.TryParse(e.PartitionKey, out var year)) years.Add(year);
        return years.ToList();
    }

    private static PublicationRecord FromEntity(ReportKey key, TableEntity e) => new(
        key, JsonSerializer.Deserialize<List<PublicationEvent>>(ChunkedText.Read(e, "Events") is { Length: > 0 } v ? v : "[]", Json), e.ETag.ToString());
}
