using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Reporting.Core.Access;
using Reporting.Functions.Identity;
using static Reporting.Functions.ReportingServices;

namespace Reporting.Functions.Composition;

/// <summary>Who the caller is and what they may do: the identity seam, the members, the first admins (local sign-in is the local host's).</summary>
internal static class AccessRegistration
{
    /// <param name="developmentSignIn">Only the local host passes true: callers may then name themselves (X-Dev-User, the dev cookie).</param>
    public static IServiceCollection AddReportingAccess(this IServiceCollection services, IConfiguration configuration, bool developmentSignIn)
    {
        var identity = IdentityOptions.From(configuration, developmentSignIn);
        services.AddSingleton(identity);
        // The local host adds its development users to these (Reporting.LocalHost's DevelopmentIdentity).
        services.AddSingleton(new ConfiguredMembers(ConfiguredMembers.Admins(configuration[Key(AppSettingNames.Admins)])));
        services.AddSingleton<AccessControl>();
        services.AddSingleton<MemberAdministration>();
        services.AddSingleton<CallerResolver>();
        services.AddSingleton<SignedInPeople>();
        return services;
    }
}
