using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Reporting.Azure.Storage;
using Reporting.Core.Errors;
using Reporting.Core.Reports;

namespace Reporting.Azure.Tables;

/// <summary>Reports in Table Storage: a partition per year, a row per department; every write carries the ETag it read.</summary>
public class TableReportRepository(StorageClients clients) : IReportRepository
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly TableClient _table = clients.Table(clients.Options.ReportsTable);
    private readonly TableClient _queries = clients.QueryTable(clients.Options.ReportsTable);

    public virtual async Task<Report> GetAsync(ReportKey key, CancellationToken cancellationToken = default)
    {
        var response = await _table.GetEntityIfExistsAsync<TableEntity>(key.Year.ToString(), key.Department, cancellationToken: cancellationToken);
        return response.HasValue ? FromEntity(key, response.Value!) : new Report(key);
    }

    public virtual async Task SaveAsync(Report report, CancellationToken cancellationToken = default)
    {
        var entity = ToEntity(report);
        try
        {
            if (report.ETag is null) await _table.AddEntityAsync(entity, cancellationToken);
            else await _table.UpdateEntityAsync(entity, new ETag(report.ETag), TableUpdateMode.Replace, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status is 409 or 412)
        {
            throw new ConcurrencyConflictException($"Report {report.Key} was changed by another writer.", e);
        }
    }

    public virtual async Task<IReadOnlyList<Report>> ListYearAsync(int year, CancellationToken cancellationToken = default)
    {
        var list = new List<Report>();
        await foreach (var e in _queries.QueryAsync<TableEntity>(x => x.PartitionKey == year.ToString(), cancellationToken: cancellationToken))
            list.Add(FromEntity(new ReportKey(year, e.RowKey), e));
        return list;
    }

    private static TableEntity ToEntity(Report report)
    {
        var entity = new TableEntity(report.Key.Year.ToString(), report.Key.Department)
        {
            ["Status"] = report.Status.ToString(),
            ["Approved"] = JsonSerializer.Serialize(report.Approved, Json),
            ["NewestVersion"] = report.NewestAssembled?.Version,
        };
        // The version history grows by one entry per PDF; chunking keeps it under the property limit however long it gets.
        ChunkedText.Write(entity, "Versions", JsonSerializer.Serialize(report.Versions, Json));
        return entity;
    }

    private static Report FromEntity(ReportKey key, TableEntity e) => new(
        key,
        JsonSerializer.Deserialize<List<ApprovedPart>>(e.GetString("Approved") ?? "[]", Json),
        JsonSerializer.Deserialize<List<AssembledVersion>>(ChunkedText.Read(e, "Versions") is { Length: > 0 } v ? v : "[]", Json),
        e.ETag.ToString());
}
