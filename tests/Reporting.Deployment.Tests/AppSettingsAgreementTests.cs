using System.Reflection;
using Reporting.Functions;

namespace Reporting.Deployment.Tests;

/// <summary>
/// The settings the code reads (found in the code by <see cref="SettingsInCode"/>), AppSettingNames (the settings
/// Azure must set) and the app settings Bicep gives the function app must agree: a setting the app reads but Azure
/// never sets is a broken deployment, and a setting Bicep sets that the code never reads is a typo or a leftover.
/// </summary>
public sealed class AppSettingsAgreementTests
{
    /// <summary>AppSettingNames constants that Azure must not set, by field name, with the reason.</summary>
    private static readonly IReadOnlyDictionary<string, string> NotSetInAzure = new Dictionary<string, string>
    {
        [nameof(AppSettingNames.StorageConnection)] =
            "the identity-based form (AzureWebJobsStorage__*) is used; a connection string would need an account key, and shared keys are disabled",
        [nameof(AppSettingNames.MailDropFolder)] =
            "local development only (writes .eml files); in Azure mail goes to the SMTP server",
        [nameof(AppSettingNames.MailDevelopmentAddressDomain)] =
            "local development only (addresses for the development users); in Azure an author's address comes from their sign-in",
        [nameof(AppSettingNames.SigningCertificateFile)] =
            "local only (the development certificate, a PKCS#12 file with its private key); in Azure the key stays in Key Vault (Signing__KeyVaultUri)",
        [nameof(AppSettingNames.PublicationAnonymousReadContainer)] =
            "local (Azurite) only: it would switch on anonymous access to a container, which the account forbids (allowBlobPublicAccess false); in Azure "
                + "the static website serves $web",
    };

    /// <summary>Settings that belong to the platform (Functions host, App Service, Application Insights), not to the app.</summary>
    private static readonly string[] PlatformPrefixes =
    [
        "APPLICATIONINSIGHTS_",
        "WEBSITE_",
        "FUNCTIONS_",
        "AzureFunctionsJobHost__",
        "OVERRIDE_USE_MI_FIC_ASSERTION_CLIENTID",
    ];

    private static IReadOnlyDictionary<string, string> AppSettingConstants() =>
        typeof(AppSettingNames)
            .GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(field => field.IsLiteral && field.FieldType == typeof(string))
            .ToDictionary(field => field.Name, field => (string)field.GetRawConstantValue()!);

    private static bool IsPlatformSetting(string name) =>
        PlatformPrefixes.Any(prefix => name.StartsWith(prefix, StringComparison.Ordinal));

    [Fact]
    public void Bicep_sets_every_setting_the_app_needs_in_Azure()
    {
        var constants = AppSettingConstants();
        var bicep = RepositoryFiles.BicepAppSettingNames().ToHashSet(StringComparer.Ordinal);

        var missing = constants
            .Where(constant => !NotSetInAzure.ContainsKey(constant.Key) && !bicep.Contains(constant.Value))
            .Select(constant => $"  AppSettingNames.{constant.Key} = \"{constant.Value}\"")
            .ToList();

        Assert.True(missing.Count == 0,
            $"These settings the app reads are not in the appSettings array of {RepositoryFiles.FunctionAppModule}:\n"
            + string.Join('\n', missing)
            + "\nAdd them there (an empty value leaves a setting out at deploy time), or list them in NotSetInAzure with a reason.");
    }

    [Fact]
    public void Every_app_setting_Bicep_sets_is_one_the_code_reads()
    {
        var unread = RepositoryFiles.BicepAppSettingNames()
            .Where(name => !IsPlatformSetting(name) && !SettingsInCode.Reads(name))
            .Select(name => $"  {name}")
            .ToList();

        Assert.True(unread.Count == 0,
            $"The appSettings array of {RepositoryFiles.FunctionAppModule} sets names that are neither platform settings nor read by src/Reporting.Functions:\n"
            + string.Join('\n', unread)
            + "\nFix the name in Bicep, or read the setting in the code (through AppSettingNames or a bound options class).");
    }

    [Fact]
    public void Every_AppSettingNames_constant_is_read_by_the_code()
    {
        var unread = AppSettingConstants()
            .Where(constant => !SettingsInCode.Reads(constant.Value))
            .Select(constant => $"  AppSettingNames.{constant.Key} = \"{constant.Value}\"")
            .ToList();

        Assert.True(unread.Count == 0,
            "These AppSettingNames constants are read nowhere in src/Reporting.Functions (a stale name, or a setting read by a literal):\n"
            + string.Join('\n', unread));
    }

    [Fact]
    public void The_reader_of_the_code_finds_settings_of_every_kind()
    {
        // Guards the reader: if it silently found nothing, the tests above would say little.
        Assert.Contains(AppSettingNames.SmtpHost, SettingsInCode.Names);             // an options class bound to a section
        Assert.Contains(AppSettingNames.TimeZone, SettingsInCode.Names);             // the same, section named by a constant
        Assert.Contains(AppSettingNames.DirectoryFile, SettingsInCode.Names);        // a single setting read by key
        Assert.Contains(AppSettingNames.StorageBlobServiceUri, SettingsInCode.Names); // the storage connection's section
        Assert.Contains(AppSettingNames.YearEndSchedule, SettingsInCode.Names);      // %setting% in a trigger attribute
        Assert.Contains("Typesetting__Fonts__", SettingsInCode.Prefixes);            // a dictionary of options
        Assert.False(SettingsInCode.Reads("Smtp__Hots"));
    }

    [Fact]
    public void Settings_that_Azure_must_not_set_are_absent_from_Bicep()
    {
        var constants = AppSettingConstants();
        var bicep = RepositoryFiles.BicepAppSettingNames().ToHashSet(StringComparer.Ordinal);

        var unknownExemptions = NotSetInAzure.Keys.Where(key => !constants.ContainsKey(key)).ToList();
        Assert.True(unknownExemptions.Count == 0,
            $"NotSetInAzure names fields AppSettingNames no longer has: {string.Join(", ", unknownExemptions)}");

        var present = NotSetInAzure
            .Where(exemption => bicep.Contains(constants[exemption.Key]))
            .Select(exemption => $"  {constants[exemption.Key]}: {exemption.Value}")
            .ToList();

        Assert.True(present.Count == 0, "Bicep sets settings that must stay unset in Azure:\n" + string.Join('\n', present));
    }

    [Fact]
    public void Bicep_sets_each_setting_once()
    {
        var duplicates = RepositoryFiles.BicepAppSettingNames()
            .GroupBy(name => name, StringComparer.Ordinal)
            .Where(group => group.Count() > 1)
            .Select(group => group.Key)
            .ToList();

        Assert.True(duplicates.Count == 0, "Set more than once in the appSettings array: " + string.Join(", ", duplicates));
    }

    [Fact]
    public void The_reader_of_the_Bicep_settings_sees_the_storage_identity_settings()
    {
        // Guards the parser: if it silently found nothing, the agreement tests above would say little.
        var names = RepositoryFiles.BicepAppSettingNames();

        Assert.Contains(AppSettingNames.StorageCredential, names);
        Assert.Contains(AppSettingNames.StorageClientId, names);
        Assert.Contains(AppSettingNames.StorageBlobServiceUri, names);
        Assert.Contains(AppSettingNames.StorageQueueServiceUri, names);
        Assert.Contains(AppSettingNames.StorageTableServiceUri, names);
    }
}
