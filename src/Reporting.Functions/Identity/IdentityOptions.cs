using Microsoft.Extensions.Configuration;

namespace Reporting.Functions.Identity;

/// <summary>Where callers' identities come from: App Service Authentication in Azure, the development sign-in on the local host, or nowhere (everyone is
/// anonymous).</summary>
public sealed class IdentityOptions
{
    /// <summary>Settings the App Service platform sets on every app it runs; any of them means "this is Azure".</summary>
    public static readonly string[] AppServiceMarkers = ["WEBSITE_INSTANCE_ID", "WEBSITE_SITE_NAME", "WEBSITE_OWNER_NAME", "WEBSITE_AUTH_ENABLED"];

    /// <summary>
    /// True when App Service Authentication (Easy Auth) fronts the app: the platform sets WEBSITE_AUTH_ENABLED=True
    /// and strips client-sent X-MS-* headers, so X-MS-CLIENT-PRINCIPAL can be believed. Without it the header is ignored.
    /// </summary>
    public bool AppServiceAuthentication { get; init; }

    /// <summary>The local host's development sign-in (X-Dev-User, the signed cookie). Never on Azure.</summary>
    public bool DevelopmentSignIn { get; init; }

    /// <summary>
    /// The host people's browsers use (from Reporting__PublicBaseUrl), also accepted as a same-site Origin: behind the
    /// App Service front end and the Functions host's proxy the worker may see another Host than the browser did.
    /// </summary>
    public string? PublicHost { get; init; }

    public static IdentityOptions From(IConfiguration configuration, bool developmentSignIn)
    {
        if (developmentSignIn && AppServiceMarkers.FirstOrDefault(m => !string.IsNullOrEmpty(configuration[m])) is { } marker)
            throw new InvalidOperationException(
                $"The development sign-in (anyone may claim to be anyone) refuses to run on Azure App Service: {marker} is set. "
                + "Run the Functions app there; it reads identities from App Service Authentication.");
        return new IdentityOptions
        {
            AppServiceAuthentication = !developmentSignIn && string.Equals(configuration["WEBSITE_AUTH_ENABLED"], "True", StringComparison.OrdinalIgnoreCase),
            DevelopmentSignIn = developmentSignIn,
            PublicHost = Uri.TryCreate(configuration["Reporting:PublicBaseUrl"], UriKind.Absolute, out var url) ? url.Authority : null,
        };
    }
}
