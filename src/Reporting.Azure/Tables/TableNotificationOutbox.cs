using Azure.Data.Tables;
using Reporting.Azure.Queues;
using Reporting.Azure.Storage;
using Reporting.Core.Notices;

namespace Reporting.Azure.Tables;

/// <summary>
/// The outbox table: partition = notice key (2023-kgj-v1), row = channel (email, webhook). Inserting a row or
/// replacing it under its ETag is how a worker claims a channel, so of two takers only one wins. A Pending flag
/// (true until sent) lets the sweep filter on the server: Tables cannot filter on a property that is absent.
/// </summary>
public class TableNotificationOutbox(StorageClients clients) : INotificationOutbox
{
    private readonly TableClient _table = clients.Table(clients.Options.OutboxTable);
    private readonly TableClient _queries = clients.QueryTable(clients.Options.OutboxTable);

    public virtual Task<IReadOnlyList<OutboxEntry>> FindAsync(string key, CancellationToken cancellationToken = default) =>
        QueryAsync(TableClient.CreateQueryFilter($"PartitionKey eq {key}"), cancellationToken);

    /// <summary>
    /// One range query over the report's partitions: every key of 2023-kgj's notices starts with "2023-kgj-v", so the range
    /// ["2023-kgj-v", "2023-kgj-w") holds them all. A department whose code itself starts with "kgj-v" falls in the range
    /// too, so entries are kept only when their notice is this report's.
    /// </summary>
    public virtual async Task<IReadOnlyList<OutboxEntry>> ListForReportAsync(int year, string department, CancellationToken cancellationToken = default)
    {
        var prefix = $"{year}-{department}-v";
        var entries = await QueryAsync(TableClient.CreateQueryFilter($"PartitionKey ge {prefix} and PartitionKey lt {prefix[..^1] + "w"}"), cancellationToken);
        return entries.Where(e => e.Notice is NotificationMessage.ReportReady report && report.Year == year && report.Department == department).ToList();
    }

    /// <summary>One range query: every key starting with the prefix lies in [prefix, prefix with its last character raised by one).</summary>
    public virtual Task<IReadOnlyList<OutboxEntry>> ListStartingWithAsync(string keyPrefix, CancellationToken cancellationToken = default)
    {
        var end = keyPrefix[..^1] + (char)(keyPrefix[^1] + 1);
        return QueryAsync(TableClient.CreateQueryFilter($"PartitionKey ge {keyPrefix} and PartitionKey lt {end}"), cancellationToken);
    }

    private async Task<IReadOnlyList<OutboxEntry>> QueryAsync(string filter, CancellationToken cancellationToken)
    {
        var entries = new List<OutboxEntry>();
        await foreach (var row in _queries.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
            if (FromEntity(row) is { } entry) entries.Add(entry);
            else entries.AddRange(FromLegacyRow(row));
        // A channel recorded in both layouts: the per-channel row is the newer truth.
        return entries.GroupBy(e => (e.Key, e.Channel)).Select(g => g.FirstOrDefault(e => e.ETag != LegacyETag) ?? g.First()).ToList();
    }

    private const string LegacyRow = "notification";
    private const string LegacyETag = "legacy";

    /// <summary>
    /// A notice sent before the outbox kept one row per channel (row key "notification", Channels "email,webhook"):
    /// its channels count as sent, so an upgrade never repeats a notice. An unsent legacy claim is ignored (it only lapses).
    /// </summary>
    private static IEnumerable<OutboxEntry> FromLegacyRow(TableEntity row)
    {
        if (row.RowKey != LegacyRow || row.GetDateTimeOffset("SentAt") is not { } sentAt || ParseKey(row.PartitionKey) is not { } notice) return [];
        return (row.GetString("Channels") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(channel => new OutboxEntry(notice, channel, row.GetDateTimeOffset("ClaimedAt"), sentAt, 1, ETag: LegacyETag));
    }

    /// <summary>2023-kgj-v1 or 2023-volume-v1.</summary>
    private static NotificationMessage? ParseKey(string key)
    {
        var first = key.IndexOf('-');
        var last = key.LastIndexOf("-v", StringComparison.Ordinal);
        if (first < 0 || last <= first || !int.TryParse(key[..first], out var year) || !int.TryParse(key[(last + 2)..], out var version)) return null;
        var middle = key[(first + 1)..last];
        return middle == NotificationMessageFields.VolumeKind
            ? new NotificationMessage.VolumeReady(year, version)
            : new NotificationMessage.ReportReady(year, middle, version);
    }

    public virtual async Task<OutboxEntry?> TrySaveAsync(OutboxEntry entry, CancellationToken cancellationToken = default) =>
        await _table.TryAddOrReplaceAsync(ToEntity(entry), entry.ETag, cancellationToken) is { } etag ? entry with { ETag = etag } : null;

    public virtual async Task SaveSentAsync(OutboxEntry entry, CancellationToken cancellationToken = default) =>
        await _table.UpsertEntityAsync(ToEntity(entry), TableUpdateMode.Replace, cancellationToken);

    public virtual async Task<IReadOnlyList<OutboxEntry>> ListDueAsync(DateTimeOffset dueBy, CancellationToken cancellationToken = default)
    {
        var entries = new List<OutboxEntry>();
        var filter = TableClient.CreateQueryFilter($"Pending eq {true} and NextAttemptAt le {dueBy}");
        await foreach (var row in _table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
            if (FromEntity(row) is { } entry) entries.Add(entry);
        return entries;
    }

    /// <summary>The notice in the flat columns every row has had (<see cref="NotificationMessageFields"/>), so earlier rows still read.</summary>
    private static TableEntity ToEntity(OutboxEntry entry)
    {
        var notice = NotificationMessageFields.From(entry.Notice);
        return new(entry.Key, entry.Channel)
        {
            ["Kind"] = notice.Kind,
            ["Year"] = notice.Year,
            ["Department"] = notice.Department,
            ["Version"] = notice.Version,
            ["Section"] = notice.Section,
            ["Tag"] = notice.Tag,
            ["Pending"] = !entry.IsSent,
            ["ClaimedAt"] = entry.ClaimedAt,
            ["SentAt"] = entry.SentAt,
            ["Attempts"] = entry.Attempts,
            ["LastError"] = entry.LastError,
            ["LastAttemptAt"] = entry.LastAttemptAt,
            ["NextAttemptAt"] = entry.NextAttemptAt,
        };
    }

    /// <returns>Null for a row of the earlier one-row-per-notice layout (row key "notification"), which has no channel.</returns>
    private static OutboxEntry? FromEntity(TableEntity row)
    {
        if (row.GetString("Kind") is not { } kind || row.GetInt32("Year") is not { } year || row.GetInt32("Version") is not { } version) return null;
        var notice = new NotificationMessageFields(kind, year, row.GetString("Department"), version, row.GetString("Section"), row.GetString("Tag"))
            .ToMessage();
        return new OutboxEntry(notice, row.RowKey,
            row.GetDateTimeOffset("ClaimedAt"), row.GetDateTimeOffset("SentAt"), row.GetInt32("Attempts") ?? 0, row.GetString("LastError"),
            row.GetDateTimeOffset("LastAttemptAt"), row.GetDateTimeOffset("NextAttemptAt"), row.ETag.ToString());
    }
}
