using System.Globalization;
using Azure;
using Azure.Data.Tables;
using Reporting.Azure.Storage;
using Reporting.Core.Calendar;

namespace Reporting.Azure.Tables;

/// <summary>
/// The chases table: each department's last 催报, partition = year, row = department, so 全区总览 reads a year's in one
/// partition query. Inserted once, then replaced under its ETag. A deployment older than the table reads nothing and
/// makes the table with its first 催报.
/// </summary>
public class TableChaseRecordRepository(StorageClients clients) : IChaseRecordRepository
{
    private readonly TableClient _table = clients.Table(clients.Options.ChasesTable);
    private readonly TableClient _queries = clients.QueryTable(clients.Options.ChasesTable);

    public virtual async Task<ChaseRecord?> GetAsync(int year, string department, CancellationToken cancellationToken = default)
    {
        try
        {
            var response = await _table.GetEntityIfExistsAsync<TableEntity>(year.ToString(CultureInfo.InvariantCulture), department,
                cancellationToken: cancellationToken);
            return response.HasValue ? FromEntity(response.Value!) : null;
        }
        catch (RequestFailedException e) when (e.Status == 404 && e.ErrorCode == "TableNotFound")
        {
            return null;
        }
    }

    public virtual async Task<IReadOnlyList<ChaseRecord>> ListAsync(int year, CancellationToken cancellationToken = default)
    {
        var records = new List<ChaseRecord>();
        try
        {
            var partition = year.ToString(CultureInfo.InvariantCulture);
            await foreach (var row in _queries.QueryAsync<TableEntity>(e => e.PartitionKey == partition, cancellationToken: cancellationToken))
                records.Add(FromEntity(row));
        }
        catch (RequestFailedException e) when (e.Status == 404 && e.ErrorCode == "TableNotFound")
        {
            // No 催报 since the table was introduced.
        }
        return records;
    }

    public virtual async Task<ChaseRecord?> TrySaveAsync(ChaseRecord record, CancellationToken cancellationToken = default)
    {
        var etag = await _table.TryAddOrReplaceAsync(ToEntity(record), record.ETag, cancellationToken);
        // A first insert refused: another 催报 was recorded, or the table is not there yet (then it is made and the insert tried again).
        if (etag is null && record.ETag is null && await GetAsync(record.Year, record.Department, cancellationToken) is null)
        {
            await _table.CreateIfNotExistsAsync(cancellationToken);
            etag = await _table.TryAddOrReplaceAsync(ToEntity(record), null, cancellationToken);
        }
        return etag is null ? null : record with { ETag = etag };
    }

    private static TableEntity ToEntity(ChaseRecord r) => new(r.Year.ToString(CultureInfo.InvariantCulture), r.Department)
    {
        ["Day"] = r.Day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["At"] = r.At,
        ["ChasedBy"] = r.ChasedBy,
        ["ChasedByName"] = r.ChasedByName,
        ["FormId"] = r.FormId,
    };

    private static ChaseRecord FromEntity(TableEntity e) => new(int.Parse(e.PartitionKey, CultureInfo.InvariantCulture), e.RowKey,
        DateOnly.ParseExact(e.GetString("Day") ?? "0001-01-01", "yyyy-MM-dd", CultureInfo.InvariantCulture), e.GetDateTimeOffset("At") ?? default,
        e.GetString("ChasedBy") ?? "", e.GetString("ChasedByName") ?? "", e.GetString("FormId") ?? "", e.ETag.ToString());
}
