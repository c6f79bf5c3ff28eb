using Azure;
using Azure.Data.Tables;
using Reporting.Azure.Storage;
using Reporting.Core.Abstractions;

namespace Reporting.Azure.Tables;

/// <summary>
/// The outbox: one row per notification key. Inserting the row is the claim; a claim whose sender died
/// lapses after its lifetime and is taken over with an ETag-guarded update, so only one taker wins.
/// </summary>
public class TableNotificationOutbox(StorageClients clients, TimeProvider clock) : INotificationOutbox
{
    private const string Row = "notification";
    private readonly TableClient _table = clients.Table(clients.Options.OutboxTable);

    public virtual async Task<OutboxClaim?> TryClaimAsync(string key, TimeSpan claimLifetime, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var entity = new TableEntity(key, Row) { ["ClaimedAt"] = now };
        try
        {
            var added = await _table.AddEntityAsync(entity, cancellationToken);
            return new OutboxClaim(key, added.Headers.ETag!.Value.ToString(), now);
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
        }

        var existing = await _table.GetEntityIfExistsAsync<TableEntity>(key, Row, cancellationToken: cancellationToken);
        if (!existing.HasValue) return null;
        var row = existing.Value!;
        if (row.GetDateTimeOffset("SentAt") is not null) return null;
        if (row.GetDateTimeOffset("ClaimedAt") is { } claimed && claimed + claimLifetime > now) return null;
        try
        {
            row["ClaimedAt"] = now;
            var updated = await _table.UpdateEntityAsync(row, row.ETag, TableUpdateMode.Replace, cancellationToken);
            return new OutboxClaim(key, updated.Headers.ETag!.Value.ToString(), now);
        }
        catch (RequestFailedException e) when (e.Status == 412)
        {
            return null;
        }
    }

    public virtual async Task MarkSentAsync(OutboxClaim claim, string channels, CancellationToken cancellationToken = default)
    {
        var entity = new TableEntity(claim.Key, Row) { ["ClaimedAt"] = claim.ClaimedAt, ["SentAt"] = clock.GetUtcNow(), ["Channels"] = channels };
        // Unconditional: the message went out, so recording it must not fail even if a lapsed-claim taker touched the row.
        await _table.UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellationToken);
    }

    public virtual async Task ReleaseAsync(OutboxClaim claim, CancellationToken cancellationToken = default)
    {
        try
        {
            // If-Match the claim: a worker that took the claim over (or a send recorded since) keeps its row.
            await _table.DeleteEntityAsync(claim.Key, Row, new ETag(claim.ETag), cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status is 404 or 412)
        {
        }
    }

    public virtual async Task<OutboxRecord?> FindAsync(string key, CancellationToken cancellationToken = default)
    {
        var existing = await _table.GetEntityIfExistsAsync<TableEntity>(key, Row, cancellationToken: cancellationToken);
        return existing.HasValue ? new OutboxRecord(key, existing.Value!.GetDateTimeOffset("SentAt"), existing.Value.GetString("Channels")) : null;
    }
}
