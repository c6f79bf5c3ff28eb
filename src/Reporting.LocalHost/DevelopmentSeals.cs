using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Reporting.Core.Documents;
using Reporting.Core.Seals;
using Reporting.Development.Seals;
using Reporting.Functions.Identity;

namespace Reporting.LocalHost;

/// <summary>
/// The local host seals every report and volume, as a district with real seals would: an organisation's uploaded seal when
/// there is one (印章管理), else the product's development seal of that organisation (<see cref="DevelopmentSeal"/>,
/// marked 测试 in its centre). Only the local host registers it, and it refuses to where an App Service marker is set,
/// so no document made in Azure ever carries a development seal.
/// </summary>
public sealed class DevelopmentSeals(IOrganisationSeals uploaded) : IOrganisationSeals
{
    public async Task<OrganisationSeal?> FindAsync(string organisation, string organisationName, CancellationToken cancellationToken = default) =>
        await uploaded.FindAsync(organisation, organisationName, cancellationToken) ?? DevelopmentSeal.For(organisationName);

    public Task<bool> IsSealedAsync(string organisation, CancellationToken cancellationToken = default) => Task.FromResult(true);

    /// <summary>Decorates the app's <see cref="IOrganisationSeals"/> (registered before this call) with the development seal.</summary>
    /// <exception cref="InvalidOperationException">an App Service marker is set: this is Azure, where only uploaded seals may seal.</exception>
    public static void Use(IServiceCollection services, IConfiguration configuration)
    {
        if (IdentityOptions.AppServiceMarkers.FirstOrDefault(m => !string.IsNullOrEmpty(configuration[m])) is { } marker)
            throw new InvalidOperationException(
                $"Development seals (marked 测试) refuse to run on Azure App Service: {marker} is set. "
                + "Run the Functions app there; it seals only with the seals uploaded in 印章管理.");
        ServiceDecoration.Decorate<IOrganisationSeals>(services, (uploaded, _) => new DevelopmentSeals(uploaded));
    }
}
