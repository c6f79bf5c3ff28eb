using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Reporting.Azure.Storage;
using Reporting.Core.Errors;
using Reporting.Core.Reports;

namespace Reporting.Azure.Tables;

/// <summary>The year-end ledger: one row per year in the yearend table, replaced only with the ETag it was read with.</summary>
public class TableVolumeLedgerRepository(StorageClients clients) : IVolumeLedgerRepository
{
    private const string Row = "volumes";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly TableClient _table = clients.Table(clients.Options.YearEndTable);
    // Read beside the year's queries on every 全区总览: it waits as they do when many run at once, instead of being refused at 3 s.
    private readonly TableClient _reads = clients.QueryTable(clients.Options.YearEndTable);

    public virtual async Task<VolumeLedger> GetAsync(int year, CancellationToken cancellationToken = default)
    {
        var response = await _reads.GetEntityIfExistsAsync<TableEntity>(year.ToString(), Row, cancellationToken: cancellationToken);
        if (!response.HasValue) return new VolumeLedger(year);
        var entity = response.Value!;
        return new VolumeLedger(year, JsonSerializer.Deserialize<List<VolumeVersion>>(ChunkedText.Read(entity, "Volumes"), Json), entity.ETag.ToString());
    }

    public virtual async Task SaveAsync(VolumeLedger ledger, CancellationToken cancellationToken = default)
    {
        var entity = new TableEntity(ledger.Year.ToString(), Row) { ["Newest"] = ledger.Newest?.Version };
        ChunkedText.Write(entity, "Volumes", JsonSerializer.Serialize(ledger.Volumes, Json));
        try
        {
            if (ledger.ETag is null) await _table.AddEntityAsync(entity, cancellationToken);
            else await _table.UpdateEntityAsync(entity, new ETag(ledger.ETag), TableUpdateMode.Replace, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status is 409 or 412)
        {
            throw new ConcurrencyConflictException($"The {ledger.Year} volume ledger was changed by another run.", e);
        }
    }
}
