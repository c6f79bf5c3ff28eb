using System.Text.RegularExpressions;

namespace Reporting.Deployment.Tests;

/// <summary>
/// The public copy of published reports is served by the storage account's static website ($web, anonymously, at
/// primaryEndpoints.web) while the account itself stays closed: no anonymous containers, no shared keys. The website
/// is declared on the blob service in Bicep and confirmed by an azd postprovision hook that signs in with Entra ID.
/// </summary>
public sealed class StaticWebsiteTests
{
    private const string HookPath = "./infra/hooks/enable-static-website.sh";

    private static string Storage => File.ReadAllText(Path.Combine(RepositoryFiles.InfraDirectory, "app", "storage.bicep"));

    private static string Main => File.ReadAllText(Path.Combine(RepositoryFiles.InfraDirectory, "main.bicep"));

    private static string Api => File.ReadAllText(RepositoryFiles.FunctionAppModule);

    private static string Hook => File.ReadAllText(Path.Combine(RepositoryFiles.Root, HookPath));

    [Fact]
    public void The_blob_service_declares_the_static_website_with_an_API_version_that_has_it()
    {
        var blobService = Regex.Match(Storage,
            @"resource\s+\w+\s+'Microsoft\.Storage/storageAccounts/blobServices@(?<version>\d{4}-\d{2}-\d{2})'\s*=\s*\{(?<body>.*?)\n\}",
            RegexOptions.Singleline);
        Assert.True(blobService.Success, "storage.bicep declares no Microsoft.Storage/storageAccounts/blobServices resource");

        // staticWebsite is part of the blob service's ARM model from 2025-08-01 (the Bicep types of earlier versions reject it).
        Assert.True(string.CompareOrdinal(blobService.Groups["version"].Value, "2025-08-01") >= 0,
            $"blobServices@{blobService.Groups["version"].Value} has no staticWebsite property; use 2025-08-01 or later");
        var website = Regex.Match(blobService.Groups["body"].Value, @"staticWebsite:\s*\{(?<body>[^}]*)\}");
        Assert.True(website.Success, "The blob service does not declare staticWebsite");
        Assert.Matches(@"enabled:\s*true\b", website.Groups["body"].Value);
        Assert.Matches(@"indexDocument:\s*staticWebsiteIndexDocument\b", website.Groups["body"].Value);
        Assert.Matches(@"errorDocument404Path:\s*staticWebsiteErrorDocument\b", website.Groups["body"].Value);
        Assert.Contains("param staticWebsiteIndexDocument string = 'index.html'", Storage);
        Assert.Contains("param staticWebsiteErrorDocument string = '404.html'", Storage);
    }

    [Fact]
    public void The_static_website_opens_no_container_to_anonymous_blob_access()
    {
        // The website endpoint serves $web anonymously by itself; the blob endpoint must stay Entra-only everywhere.
        Assert.Contains("allowBlobPublicAccess: false", Storage);
        Assert.Contains("allowSharedKeyAccess: false", Storage);
        var publicAccess = RepositoryFiles.BicepFiles()
            .SelectMany(file => Regex.Matches(file.Value, @"publicAccess:\s*'(?<level>\w+)'").Select(m => $"{file.Key}: {m.Groups["level"].Value}"))
            .ToList();
        Assert.NotEmpty(publicAccess);
        Assert.All(publicAccess, level => Assert.EndsWith(": None", level, StringComparison.Ordinal));
    }

    [Fact]
    public void The_postprovision_hook_is_wired_in_azure_yaml() => AzdHooks.AssertWired("postprovision", HookPath);

    [Fact]
    public void The_hook_signs_in_with_Entra_ID_and_never_with_a_key()
    {
        // One logical command per line: join the backslash continuations, drop comments.
        var commands = Regex.Replace(Hook, @"\\\n\s*", " ")
            .Split('\n')
            .Select(line => Regex.Replace(line, @"(^|\s)#.*$", string.Empty))
            .Where(line => Regex.IsMatch(line, @"\baz\s+storage\b"))
            .ToList();

        Assert.Contains(commands, command => command.Contains("service-properties update", StringComparison.Ordinal));
        Assert.Contains(commands, command => command.Contains("service-properties show", StringComparison.Ordinal));
        Assert.All(commands, command => Assert.Contains("--auth-mode login", command, StringComparison.Ordinal));
        Assert.Matches(@"--static-website true --index-document ""\$index_document"" --404-document ""\$error_document""", string.Join('\n', commands));
        foreach (var forbidden in new[] { "--account-key", "--connection-string", "--sas-token", "keys list", "listKeys", "AccountKey=", "generate-sas" })
        {
            Assert.DoesNotContain(forbidden, Hook, StringComparison.OrdinalIgnoreCase);
        }

        // az would sign with these if they were in the environment; the hook clears them first.
        Assert.Matches(@"(?m)^unset\b.*\bAZURE_STORAGE_KEY\b.*\bAZURE_STORAGE_CONNECTION_STRING\b.*\bAZURE_STORAGE_SAS_TOKEN\b", Hook);
    }

    [Fact]
    public void The_hook_retries_a_bounded_number_of_times_and_fails_loudly()
    {
        Assert.Matches(@"(?m)^attempts=""\$\{STATIC_WEBSITE_ATTEMPTS:-[1-9]\d?\}""", Hook);
        Assert.Matches(@"(?m)^retry_seconds=""\$\{STATIC_WEBSITE_RETRY_SECONDS:-\d{1,3}\}""", Hook);
        Assert.Matches(@"if \[ ""\$attempt"" -ge ""\$attempts"" \]; then\s*\n\s*fail ", Hook);
        Assert.Matches(@"(?m)^set -eu$", Hook);
        Assert.Matches(@"(?s)fail\(\) \{.*>&2.*exit 1", Hook);
    }

    [Fact]
    public void The_hook_reads_only_azd_outputs_that_main_bicep_declares()
    {
        var read = Regex.Matches(Hook, @"\$\{(?<name>AZURE_[A-Z_]+):-").Select(m => m.Groups["name"].Value).Distinct().ToList();
        var outputs = Regex.Matches(Main, @"(?m)^output\s+(?<name>\w+)\s").Select(m => m.Groups["name"].Value).ToHashSet(StringComparer.Ordinal);

        Assert.Contains("AZURE_STORAGE_ACCOUNT_NAME", read);
        Assert.Contains("AZURE_STORAGE_STATIC_WEBSITE_URL", read);
        Assert.All(read, name => Assert.True(outputs.Contains(name), $"The hook reads {name}, which main.bicep does not output"));
        Assert.Matches(@"(?m)^output AZURE_STORAGE_STATIC_WEBSITE_URL string = storage\.outputs\.staticWebsiteEndpoint$", Main);
        Assert.Matches(@"(?m)^output staticWebsiteEndpoint string = account\.properties\.primaryEndpoints\.web$", Storage);
    }

    [Fact]
    public void The_app_publishes_into_web_and_links_to_the_website_endpoint()
    {
        Assert.Equal("'$web'", ExpandedSetting("Publication__Container"));

        // Unless a custom domain is given, the base URL is the account's website endpoint, without its trailing slash.
        var baseUrl = ExpandedSetting("Publication__PublicBaseUrl");
        Assert.Contains("empty(publicationPublicBaseUrl) ? storageAccount.properties.primaryEndpoints.web : publicationPublicBaseUrl", baseUrl);
        Assert.Matches(@"endsWith\(\(.*\), '/'\) \? take\(", baseUrl);
        Assert.Matches(@"resource\s+storageAccount\s+'Microsoft\.Storage/storageAccounts@[^']+'\s+existing\s*=\s*\{\s*name:\s*storageAccountName\s*\}", Api);
        Assert.Matches(@"(?m)^\s+""publicationPublicBaseUrl"":\s*\{\s*""value"":\s*""\$\{PUBLICATION_PUBLIC_BASE_URL=\}""\s*\}",
            File.ReadAllText(Path.Combine(RepositoryFiles.InfraDirectory, "main.parameters.json")));
    }

    /// <summary>The value expression of one entry of api.bicep's appSettings, with the module's one-line vars substituted (parenthesised).</summary>
    private static string ExpandedSetting(string name)
    {
        var entry = Regex.Match(Api, @"\{\s*name:\s*'" + Regex.Escape(name) + @"',\s*value:\s*(?<value>[^}\n]+?)\s*\}");
        Assert.True(entry.Success, $"api.bicep's appSettings does not set {name}");
        var vars = Regex.Matches(Api, @"(?m)^var\s+(?<name>\w+)\s*=\s*(?<value>[^\n\[{]+?)\s*$")
            .ToDictionary(m => m.Groups["name"].Value, m => m.Groups["value"].Value, StringComparer.Ordinal);

        var value = entry.Groups["value"].Value;
        for (var depth = 0; depth < 10; depth++)
        {
            var expanded = Regex.Replace(value, @"\b(?<name>[a-zA-Z]\w*)\b(?![\s]*[:(])", m =>
                vars.TryGetValue(m.Groups["name"].Value, out var v) ? (v.StartsWith('\'') ? v : $"({v})") : m.Value);
            if (expanded == value) break;
            value = expanded;
        }

        return value;
    }
}
