using Reporting.Core.Errors;


namespace Reporting.Core.Access;

/// <summary>Stored memberships (the members table), managed by district-office administrators.</summary>
public interface IMemberRepository
{
    Task<Membership?> GetAsync(string userId, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<Membership>> ListAsync(CancellationToken cancellationToken = default);

    /// <summary>Creates or replaces; <paramref name="member"/>'s ETag, when set, must still match (412 → <see cref="ConcurrencyConflictException"/>).</summary>
    Task<Membership> SaveAsync(Membership member, CancellationToken cancellationToken = default);

    /// <summary>
    /// False when there was nothing to delete. With <paramref name="eTag"/>, only the row that still has it is deleted; one that changed (or was
    /// removed and added again) since is a <see cref="ConcurrencyConflictException"/>.
    /// </summary>
    Task<bool> DeleteAsync(string userId, string? eTag = null, CancellationToken cancellationToken = default);
}
