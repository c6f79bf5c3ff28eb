using Azure.Data.Tables;
using Reporting.Azure.Storage;
using Reporting.Core.Abstractions;

namespace Reporting.Azure.Tables;

/// <summary>Append-only audit trail: a partition per report, rows in time order.</summary>
public class TableAuditLog(StorageClients clients) : IAuditLog
{
    private readonly TableClient _table = clients.Table(clients.Options.AuditTable);

    public virtual async Task RecordAsync(AuditEntry entry, CancellationToken cancellationToken = default)
    {
        var entity = new TableEntity(entry.Report.Replace('/', '-'), $"{entry.At.UtcTicks:D19}-{Guid.NewGuid():N}")
        {
            ["Action"] = entry.Action,
            ["Actor"] = entry.Actor,
            ["At"] = entry.At,
            ["Detail"] = entry.Detail.Length > 4000 ? entry.Detail[..4000] : entry.Detail,
        };
        await _table.AddEntityAsync(entity, cancellationToken);
    }
}
