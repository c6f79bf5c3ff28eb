using Reporting.Core.Documents;

namespace Reporting.Core.Seals;

/// <summary>
/// The seal a document is sealed with when it is assembled: the organisation's newest uploaded seal, or none (the
/// document goes out unsealed). The local host decorates it with a development seal for every organisation without one.
/// </summary>
public interface IOrganisationSeals
{
    /// <param name="organisation">A department code, or <see cref="SealOrganisation.OfficeCode"/>.</param>
    /// <param name="organisationName">Its full name: the seal's alt text is this name and 印章.</param>
    Task<OrganisationSeal?> FindAsync(string organisation, string organisationName, CancellationToken cancellationToken = default);

    /// <summary>Whether documents of the organisation are sealed now (without reading the image).</summary>
    Task<bool> IsSealedAsync(string organisation, CancellationToken cancellationToken = default);
}
