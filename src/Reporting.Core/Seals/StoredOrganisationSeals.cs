using Reporting.Core.Documents;

namespace Reporting.Core.Seals;

/// <summary>Seals documents with the organisation's newest uploaded seal (<see cref="ISealStore"/>); none uploaded: unsealed.</summary>
public class StoredOrganisationSeals(ISealStore seals) : IOrganisationSeals
{
    public async Task<OrganisationSeal?> FindAsync(string organisation, string organisationName, CancellationToken cancellationToken = default) =>
        await seals.ReadAsync(organisation, null, cancellationToken) is { } file ? new OrganisationSeal(file.Png, organisationName) : null;

    public async Task<bool> IsSealedAsync(string organisation, CancellationToken cancellationToken = default) =>
        await seals.FindNewestAsync(organisation, cancellationToken) is not null;
}
