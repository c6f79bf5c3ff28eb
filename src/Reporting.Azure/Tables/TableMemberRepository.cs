using Azure;
using Azure.Data.Tables;
using Reporting.Azure.Storage;
using Reporting.Core.Access;
using Reporting.Core.Errors;

namespace Reporting.Azure.Tables;

/// <summary>Memberships in Table Storage: one partition ("member"), a row per user id. Small: a district has a few hundred people.</summary>
public class TableMemberRepository(StorageClients clients) : IMemberRepository
{
    private const string Partition = "member";
    private readonly TableClient _table = clients.Table(clients.Options.MembersTable);

    public virtual async Task<Membership?> GetAsync(string userId, CancellationToken cancellationToken = default)
    {
        var response = await _table.GetEntityIfExistsAsync<TableEntity>(Partition, userId, cancellationToken: cancellationToken);
        return response.HasValue ? FromEntity(response.Value!) : null;
    }

    public virtual async Task<IReadOnlyList<Membership>> ListAsync(CancellationToken cancellationToken = default)
    {
        var list = new List<Membership>();
        await foreach (var e in _table.QueryAsync<TableEntity>(x => x.PartitionKey == Partition, cancellationToken: cancellationToken))
            if (FromEntity(e) is { } member) list.Add(member);
        return list;
    }

    public virtual async Task<Membership> SaveAsync(Membership member, CancellationToken cancellationToken = default)
    {
        var entity = new TableEntity(Partition, member.UserId)
        {
            ["Role"] = member.Role.ToString(),
            ["Department"] = member.Department,
            ["Email"] = member.Email,
        };
        try
        {
            var response = member.ETag is null
                ? await _table.UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellationToken)
                : await _table.UpdateEntityAsync(entity, new ETag(member.ETag), TableUpdateMode.Replace, cancellationToken);
            return member with { ETag = response.Headers.ETag?.ToString() };
        }
        catch (RequestFailedException e) when (e.Status is 412 or 404 && member.ETag is not null)
        {
            throw new ConcurrencyConflictException($"Membership of {member.UserId} changed meanwhile.", e);
        }
    }

    public virtual async Task<bool> DeleteAsync(string userId, string? eTag = null, CancellationToken cancellationToken = default)
    {
        try
        {
            // The SDK answers a missing entity with its 404 response instead of throwing.
            var response = await _table.DeleteEntityAsync(Partition, userId, eTag is null ? ETag.All : new ETag(eTag), cancellationToken);
            return response.Status != 404;
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return false;
        }
        catch (RequestFailedException e) when (e.Status == 412)
        {
            throw new ConcurrencyConflictException($"Membership of {userId} changed meanwhile.", e);
        }
    }

    /// <summary>A row with a role this version does not know grants nothing rather than failing every request.</summary>
    private static Membership? FromEntity(TableEntity e) =>
        Enum.TryParse<MemberRole>(e.GetString("Role"), out var role)
            ? new Membership(e.RowKey, role, e.GetString("Department"), e.ETag.ToString()) { Email = e.GetString("Email") }
            : null;
}
