using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Reporting.Core.Access;
using Reporting.Core.Directory;
using Reporting.Functions.Http;
using static Reporting.Functions.ReportingServices;

namespace Reporting.Functions.Composition;

/// <summary>Who the caller is and what they may do: the identity seam, the members, the first admins.</summary>
internal static class AccessRegistration
{
    /// <param name="developmentSignIn">Only the local host passes true: callers may then name themselves (X-Dev-User, the dev cookie).</param>
    public static IServiceCollection AddReportingAccess(this IServiceCollection services, IConfiguration configuration, bool developmentSignIn)
    {
        var identity = IdentityOptions.From(configuration, developmentSignIn);
        services.AddSingleton(identity);
        services.AddSingleton(sp => new ConfiguredMembers(ConfiguredMembers.Admins(configuration[Key(AppSettingNames.Admins)])
            .Concat(identity.DevelopmentSignIn ? DevelopmentUsers.For(sp.GetRequiredService<DistrictDirectory>()).Select(u => u.Member) : [])));
        services.AddSingleton<AccessControl>();
        services.AddSingleton<MemberAdministration>();
        // Only the development cookie is protected here; ephemeral keys are enough for it and touch no disk.
        services.AddSingleton<IDataProtectionProvider>(new EphemeralDataProtectionProvider());
        services.AddSingleton<DevelopmentSignIn>();
        services.AddSingleton<CallerResolver>();
        return services;
    }
}
