using Azure.Data.Tables;
using Reporting.Azure.Storage;
using Reporting.Core.Access;
using Reporting.Core.Audit;

namespace Reporting.Azure.Tables;

/// <summary>Append-only audit trail: a partition per report, rows in time order; who is kept as id and display name.</summary>
public class TableAuditLog(StorageClients clients) : IAuditLog
{
    private const int MaxDetailLength = 4000;
    private readonly TableClient _table = clients.Table(clients.Options.AuditTable);
    private readonly TableClient _queries = clients.QueryTable(clients.Options.AuditTable);

    private static string PartitionKey(string report) => report.Replace('/', '-');

    public virtual async Task RecordAsync(AuditEntry entry, CancellationToken cancellationToken = default)
    {
        var entity = new TableEntity(PartitionKey(entry.Report), $"{entry.At.UtcTicks:D19}-{Guid.NewGuid():N}")
        {
            ["Report"] = entry.Report,
            ["Action"] = entry.Action,
            ["ActorId"] = entry.Actor.Id,
            ["Actor"] = entry.Actor.Name,
            ["At"] = entry.At,
            ["Detail"] = entry.Detail.Length > MaxDetailLength ? entry.Detail[..MaxDetailLength] : entry.Detail,
        };
        await _table.AddEntityAsync(entity, cancellationToken);
    }

    public virtual async Task<IReadOnlyList<AuditEntry>> ListAsync(string report, CancellationToken cancellationToken = default)
    {
        var list = new List<AuditEntry>();
        await foreach (var e in _queries.QueryAsync<TableEntity>(x => x.PartitionKey == PartitionKey(report), cancellationToken: cancellationToken))
        {
            // Rows written before ids were recorded carry only the name: it stands in for both.
            var name = e.GetString("Actor") ?? "";
            list.Add(new AuditEntry(e.GetString("Report") ?? report, e.GetString("Action") ?? "", new Caller(e.GetString("ActorId") ?? name, name),
                e.GetDateTimeOffset("At") ?? e.Timestamp ?? default, e.GetString("Detail") ?? ""));
        }
        return list;
    }
}
