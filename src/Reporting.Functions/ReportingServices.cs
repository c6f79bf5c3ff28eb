using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Reporting.Azure.Storage;
using Reporting.Functions.Composition;

namespace Reporting.Functions;

/// <summary>
/// The app's composition, shared by the Functions host (Program.cs) and Reporting.LocalHost so both run
/// the same objects: one registration per area (Composition/*Registration.cs). Everything is a singleton: the
/// workflows are stateless and the SDK clients are meant to be shared. Only the composition names Reporting.Azure's types.
/// </summary>
public static class ReportingServices
{
    /// <exception cref="InvalidSettingsException">a setting is wrong (checked here, at start-up, all at once).</exception>
    /// <param name="developmentSignIn">Only the local host passes true: callers may then name themselves (X-Dev-User, the dev cookie).</param>
    public static IServiceCollection AddReporting(this IServiceCollection services, IConfiguration configuration, bool developmentSignIn = false)
    {
        // Each area registers its own options (bound, validated now and again when the host starts) and services.
        var check = new SettingsCheck();
        var settings = new SettingsBinder(services, check);
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(HostJsonSettings.LoadShipped());
        var storage = services.AddReportingStorage(configuration, check);
        var reporting = services.AddReportingWorkflow(configuration, settings);
        services.AddReportingNotices(configuration, settings, reporting);
        services.AddReportingSigning(configuration, settings, storage);
        services.AddReportingPublication(configuration, settings);
        services.AddReportingAccess(configuration, developmentSignIn);
        services.AddReportingPages(configuration, check);
        check.ThrowIfAny();
        return services;
    }

    /// <summary>
    /// AzureWebJobsStorage is either a connection string or, in Azure, a section of service URIs reached
    /// with the managed identity (AzureWebJobsStorage__blobServiceUri, …, __clientId).
    /// </summary>
    public static StorageOptions ReadStorageOptions(IConfiguration configuration)
    {
        var section = configuration.GetSection(AppSettingNames.StorageConnection);
        var options = new StorageOptions { ConnectionString = section.Value };
        if (string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            options.BlobServiceUri = Uri(section["blobServiceUri"]) ?? Uri(section["accountName"], "blob");
            options.QueueServiceUri = Uri(section["queueServiceUri"]) ?? Uri(section["accountName"], "queue");
            options.TableServiceUri = Uri(section["tableServiceUri"]) ?? Uri(section["accountName"], "table");
            options.ClientId = section["clientId"];
        }
        return options;
    }

    /// <summary>"Reporting__DirectoryFile" as IConfiguration spells it ("Reporting:DirectoryFile").</summary>
    /// <summary>A setting's configuration key (":" for "__"); the deployment tests find settings read through it.</summary>
    internal static string Key(string appSetting) => appSetting.Replace("__", ":", StringComparison.Ordinal);

    private static Uri? Uri(string? value) =>
        string.IsNullOrWhiteSpace(value) ? null
        : System.Uri.TryCreate(value, UriKind.Absolute, out var uri)
            && (uri.Scheme == System.Uri.UriSchemeHttps || uri.Scheme == System.Uri.UriSchemeHttp) ? uri
        : throw new UriFormatException($"“{value}”不是有效的 http(s) 网址");

    private static Uri? Uri(string? account, string service) =>
        string.IsNullOrWhiteSpace(account) ? null : new Uri($"https://{account}.{service}.core.windows.net");

    /// <summary>A section bound to <typeparamref name="T"/> (the deployment tests find the settings an app reads by this call).</summary>
    internal static T Bind<T>(IConfiguration configuration, string section) where T : new()
    {
        var options = new T();
        configuration.GetSection(section).Bind(options);
        return options;
    }
}
