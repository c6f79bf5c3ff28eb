using Azure;
using Azure.Data.Tables;
using Reporting.Azure.Storage;
using Reporting.Core.Health;

namespace Reporting.Azure.Tables;

/// <summary>
/// The timerruns table: one row per timer function (PartitionKey "timer", RowKey its name) holding when it last
/// completed a run. One upsert per run, one partition read per health check: the cheapest record storage offers.
/// </summary>
public class TableTimerRuns(StorageClients clients, TimeProvider clock) : ITimerRuns
{
    private const string Partition = "timer";
    private const string LastRunAt = "LastRunAt";
    private readonly TableClient _table = clients.Table(clients.Options.TimerRunsTable);

    public virtual async Task RecordAsync(string timer, CancellationToken cancellationToken = default)
    {
        var row = new TableEntity(Partition, timer) { [LastRunAt] = clock.GetUtcNow() };
        try
        {
            await _table.UpsertEntityAsync(row, TableUpdateMode.Replace, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            // A deployment older than this table: make it, then record.
            await _table.CreateIfNotExistsAsync(cancellationToken);
            await _table.UpsertEntityAsync(row, TableUpdateMode.Replace, cancellationToken);
        }
    }

    /// <summary>Every recorded timer's last run; empty when the table does not exist yet.</summary>
    public virtual async Task<IReadOnlyDictionary<string, DateTimeOffset>> ReadAsync(CancellationToken cancellationToken = default)
    {
        var runs = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        try
        {
            await foreach (var row in _table.QueryAsync<TableEntity>(e => e.PartitionKey == Partition, cancellationToken: cancellationToken))
                if (row.GetDateTimeOffset(LastRunAt) is { } at) runs[row.RowKey] = at;
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            // No timer has run since the table was introduced.
        }
        return runs;
    }
}
