using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;
using Reporting.Core.Access;
using Reporting.Core.Directory;
using Reporting.Development.Identity;
using Reporting.Functions.Identity;

namespace Reporting.LocalHost;

/// <summary>
/// The local host's people: the development sign-in fills the Functions app's <see cref="ILocalSignIn"/> seam, and the
/// development users join the configured members (after the Reporting__Admins list, so a development user's own role wins).
/// </summary>
internal static class DevelopmentIdentity
{
    /// <summary>Registers the sign-in and its users over what AddReporting registered (call it after AddReporting).</summary>
    public static void Use(IServiceCollection services)
    {
        // Only the development cookie is protected here; ephemeral keys are enough for it and touch no disk.
        services.AddSingleton<IDataProtectionProvider>(new EphemeralDataProtectionProvider());
        services.AddSingleton<DevelopmentSignIn>();
        services.AddSingleton<ILocalSignIn>(sp => sp.GetRequiredService<DevelopmentSignIn>());
        ServiceDecoration.Decorate<ConfiguredMembers>(services, (configured, sp) => new ConfiguredMembers(
            configured.All.Concat(DevelopmentUsers.For(sp.GetRequiredService<DistrictDirectory>()).Select(u => u.Member))));
    }
}
