using System.Text.RegularExpressions;

namespace Reporting.Deployment.Tests;

/// <summary>Identities instead of keys: nothing in infra/ reads, builds or stores a key or a storage connection string.</summary>
public sealed class NoSecretsTests
{
    public static TheoryData<string, string> ForbiddenPatterns() => new()
    {
        { @"(?i)\blistKeys\s*\(", "reads account keys" },
        { @"(?i)\blist(Account|Service)Sas\s*\(", "signs a SAS with an account key" },
        { @"(?i)AccountKey\s*=", "puts an account key in a connection string" },
        { @"(?i)DefaultEndpointsProtocol\s*=", "builds a storage connection string" },
        { @"(?i)SharedAccess(Key|Signature)\s*=", "puts a key or SAS in a setting" },
        { @"(?i)storage[^\n]*connectionString|connectionString[^\n]*storage", "uses a storage connection string" },
        { @"(?i)\binstrumentationKey\b", "uses the Application Insights key instead of Entra auth" },
    };

    [Theory]
    [MemberData(nameof(ForbiddenPatterns))]
    public void No_Bicep_file_handles_keys(string pattern, string meaning)
    {
        var hits = RepositoryFiles.BicepFiles()
            .SelectMany(file => file.Value.Split('\n').Select((line, index) => (file.Key, Line: index + 1, Text: line)))
            .Where(line => Regex.IsMatch(line.Text, pattern))
            .Select(line => $"  {line.Key}:{line.Line}: {line.Text.Trim()}")
            .ToList();

        Assert.True(hits.Count == 0, $"Bicep {meaning}:\n" + string.Join('\n', hits));
    }

    [Theory]
    [InlineData("allowSharedKeyAccess: false")]
    [InlineData("allowBlobPublicAccess: false")]
    [InlineData("minimumTlsVersion: 'TLS1_2'")]
    [InlineData("defaultToOAuthAuthentication: true")]
    public void The_storage_account_accepts_only_Entra_ID(string property)
    {
        var storage = File.ReadAllText(Path.Combine(RepositoryFiles.InfraDirectory, "app", "storage.bicep"));

        Assert.Contains(property, storage);
    }

    [Fact]
    public void Application_Insights_takes_telemetry_only_with_an_Entra_token()
    {
        var monitoring = File.ReadAllText(Path.Combine(RepositoryFiles.InfraDirectory, "app", "monitoring.bicep"));
        var api = File.ReadAllText(RepositoryFiles.FunctionAppModule);

        Assert.Contains("DisableLocalAuth: true", monitoring);
        Assert.Contains("APPLICATIONINSIGHTS_AUTHENTICATION_STRING", api);
    }

    [Fact]
    public void The_app_reaches_storage_as_its_managed_identity()
    {
        var api = File.ReadAllText(RepositoryFiles.FunctionAppModule);

        Assert.Matches(@"name:\s*'AzureWebJobsStorage__credential',\s*value:\s*'managedidentity'", api);
        Assert.Matches(@"name:\s*'AzureWebJobsStorage__clientId',\s*value:\s*identityClientId\b", api);
        Assert.Matches(@"type:\s*'UserAssignedIdentity'", api);
        Assert.Matches(@"keyVaultReferenceIdentity:\s*identityId\b", api);
    }

    [Fact]
    public void The_SMTP_password_is_only_ever_a_Key_Vault_reference()
    {
        var files = RepositoryFiles.BicepFiles();
        var main = files[Path.Combine("infra", "main.bicep")];

        // No parameter carries the password itself, only where it is kept.
        Assert.DoesNotMatch(@"(?m)^param\s+smtpPassword\s", main);
        Assert.Matches(@"@Microsoft\.KeyVault\(SecretUri=", main);
        Assert.Matches(@"name:\s*'Smtp__Password',\s*value:\s*smtpPasswordReference\b", files[Path.Combine("infra", "app", "api.bicep")]);
    }

    [Fact]
    public void Every_role_assignment_has_a_deterministic_guid_name()
    {
        var assignments = RepositoryFiles.BicepFiles()
            .SelectMany(file => Regex.Matches(file.Value, @"resource\s+\w+\s+'Microsoft\.Authorization/roleAssignments@[^']+'\s*=[^{]*\{\s*name:\s*([^\n]+)")
                .Select(match => (file.Key, Name: match.Groups[1].Value.Trim())))
            .ToList();

        Assert.NotEmpty(assignments);
        var bad = assignments.Where(a => !a.Name.StartsWith("guid(", StringComparison.Ordinal)).ToList();
        Assert.True(bad.Count == 0, "Role assignments not named with guid(...): " + string.Join(", ", bad.Select(a => $"{a.Key}: {a.Name}")));
    }

    [Fact]
    public void The_function_app_is_tagged_for_azd()
    {
        var api = File.ReadAllText(RepositoryFiles.FunctionAppModule);
        var main = File.ReadAllText(Path.Combine(RepositoryFiles.InfraDirectory, "main.bicep"));
        var azureYaml = File.ReadAllText(Path.Combine(RepositoryFiles.Root, "azure.yaml"));

        Assert.Contains("'azd-service-name': 'api'", api);
        Assert.Contains("'azd-env-name': environmentName", main);
        Assert.Matches(@"(?m)^\s+api:\s*$", azureYaml);
        Assert.Matches(@"(?m)^\s+project:\s*\./src/Reporting\.Functions\s*$", azureYaml);
        Assert.Matches(@"(?m)^\s+host:\s*function\s*$", azureYaml);
        Assert.Matches(@"(?m)^\s+language:\s*dotnet\s*$", azureYaml);
    }

    [Fact]
    public void The_Flex_runtime_version_is_the_framework_the_app_targets()
    {
        var props = File.ReadAllText(Path.Combine(RepositoryFiles.Root, "Directory.Build.props"));
        var api = File.ReadAllText(RepositoryFiles.FunctionAppModule);

        var framework = Regex.Match(props, @"<TargetFramework>net(\d+\.\d+)</TargetFramework>");
        var runtime = Regex.Match(api, @"param\s+runtimeVersion\s+string\s*=\s*'([^']+)'");

        Assert.True(framework.Success, "No <TargetFramework>netX.Y</TargetFramework> in Directory.Build.props");
        Assert.True(runtime.Success, "No runtimeVersion parameter default in " + RepositoryFiles.FunctionAppModule);
        Assert.Equal(framework.Groups[1].Value, runtime.Groups[1].Value);
        Assert.Contains("param runtimeName string = 'dotnet-isolated'", api);
    }
}
