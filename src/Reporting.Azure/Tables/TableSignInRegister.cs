using Azure;
using Azure.Data.Tables;
using Reporting.Azure.Storage;
using Reporting.Core.Access;

namespace Reporting.Azure.Tables;

/// <summary>
/// The signins table: one row per person who signed in (PartitionKey "person", RowKey the user id) with the display name
/// and the time of the last recorded sign-in. Written at most daily per person (<see cref="SignedInPeople"/>), read whole:
/// a district has a few hundred people.
/// </summary>
public class TableSignInRegister(StorageClients clients) : ISignInRegister
{
    private const string Partition = "person";
    private const string NameColumn = "Name";
    private const string LastSignInColumn = "LastSignIn";
    private readonly TableClient _table = clients.Table(clients.Options.SignInsTable);
    private readonly TableClient _query = clients.QueryTable(clients.Options.SignInsTable);

    public virtual async Task SaveAsync(SignedInPerson person, CancellationToken cancellationToken = default)
    {
        var row = new TableEntity(Partition, person.UserId) { [NameColumn] = person.Name, [LastSignInColumn] = person.LastSignIn };
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

    public virtual async Task<SignedInPerson?> FindAsync(string userId, CancellationToken cancellationToken = default)
    {
        try
        {
            var row = await _table.GetEntityIfExistsAsync<TableEntity>(Partition, userId, cancellationToken: cancellationToken);
            return row.HasValue && row.Value!.GetString(NameColumn) is { } name && row.Value.GetDateTimeOffset(LastSignInColumn) is { } at
                ? new SignedInPerson(userId, name, at)
                : null;
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null; // No table yet.
        }
    }

    /// <summary>Empty when the table does not exist yet (nobody signed in since it was introduced).</summary>
    public virtual async Task<IReadOnlyList<SignedInPerson>> ListAsync(int limit, CancellationToken cancellationToken = default)
    {
        var people = new List<SignedInPerson>();
        try
        {
            await foreach (var row in _query.QueryAsync<TableEntity>(e => e.PartitionKey == Partition, cancellationToken: cancellationToken))
            {
                if (row.GetString(NameColumn) is { } name && row.GetDateTimeOffset(LastSignInColumn) is { } at)
                    people.Add(new SignedInPerson(row.RowKey, name, at));
                if (people.Count >= limit) break;
            }
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            // No table yet.
        }
        return people;
    }
}
