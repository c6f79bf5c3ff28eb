using System.Text.RegularExpressions;

namespace Reporting.Deployment.Tests;

/// <summary>
/// The signing Key Vault: RBAC only, soft delete with purge protection, and the app's identity allowed to sign with the
/// key and read the public certificate, nothing that reads a secret (a certificate's secret is its PFX, private key
/// included) or exports a key.
/// </summary>
public sealed class SigningVaultTests
{
    private const string CryptoUser = "12338af0-0e69-4776-bea7-57ae8d297424";
    private const string Reader = "21090545-7ca7-4776-b22c-e363652d74d2";

    /// <summary>Roles whose holder could take the private key out (secret read, key export or management) or change the vault's access.</summary>
    private static readonly string[] TooStrong =
    [
        "4633458b-17de-408a-b874-0445c86b69e6", // Key Vault Secrets User
        "b86a8fe4-44ce-4948-aee5-eccb2c155cd7", // Key Vault Secrets Officer
        "db79e9a7-68ee-4b58-9aeb-b90e7c24fcba", // Key Vault Certificate User
        "14b46e9e-c2b7-41b4-b07b-48a6ebf60603", // Key Vault Crypto Officer
        "00482a5a-887f-4fb3-b363-3b7fe8e74483", // Key Vault Administrator
        "e147488a-f6f5-4113-8e2d-b22465e65bf6", // Key Vault Crypto Service Encryption User
        "8b54135c-b56d-4d72-a534-26097cfdc8d8", // Key Vault Data Access Administrator
    ];

    private static string Signing => File.ReadAllText(Path.Combine(RepositoryFiles.InfraDirectory, "app", "signing.bicep"));

    private static string Main => File.ReadAllText(Path.Combine(RepositoryFiles.InfraDirectory, "main.bicep"));

    private static string Api => File.ReadAllText(RepositoryFiles.FunctionAppModule);

    [Fact]
    public void The_signing_vault_uses_RBAC_only_with_soft_delete_and_purge_protection()
    {
        var vault = Regex.Match(Signing, @"resource\s+vault\s+'Microsoft\.KeyVault/vaults@[\d-]+'\s*=\s*\{(?<body>.*?)\n\}", RegexOptions.Singleline);
        Assert.True(vault.Success, "signing.bicep declares no Microsoft.KeyVault/vaults resource named vault");
        var body = vault.Groups["body"].Value;
        Assert.Matches(@"enableRbacAuthorization:\s*true\b", body);
        Assert.Matches(@"enableSoftDelete:\s*true\b", body);
        Assert.Matches(@"enablePurgeProtection:\s*true\b", body);
        Assert.DoesNotContain("accessPolicies", body);
    }

    [Fact]
    public void The_app_identity_gets_Key_Vault_Crypto_User_and_Key_Vault_Reader_on_the_vault_and_nothing_stronger()
    {
        var roles = Regex.Match(Signing, @"var\s+signerRoles\s*=\s*\[(?<body>.*?)\n\]", RegexOptions.Singleline);
        Assert.True(roles.Success, "signing.bicep has no signerRoles list");
        Assert.Equal(["keyVaultCryptoUser", "keyVaultReader"], Regex.Matches(roles.Groups["body"].Value, @"id:\s*(\w+)").Select(m => m.Groups[1].Value));
        Assert.Contains($"var keyVaultCryptoUser = '{CryptoUser}'", Signing);
        Assert.Contains($"var keyVaultReader = '{Reader}'", Signing);

        var assignment = Regex.Match(Signing, @"resource\s+signerAssignments\s+'Microsoft\.Authorization/roleAssignments@[\d-]+'\s*=\s*\[(?<body>.*?)\n\]",
            RegexOptions.Singleline);
        Assert.True(assignment.Success, "signing.bicep has no signerAssignments");
        var body = assignment.Groups["body"].Value;
        Assert.Matches(@"for\s+role\s+in\s+signerRoles\s*:", body);
        Assert.Matches(@"scope:\s*vault\b", body);
        Assert.Matches(@"principalId:\s*signerPrincipalId\b", body);
        Assert.Matches(@"principalType:\s*'ServicePrincipal'", body);

        Assert.All(TooStrong, role => Assert.DoesNotContain(role, Signing));
        // The main template hands the function app's identity (and only it) to the signer's role.
        var module = Regex.Match(Main, @"module\s+signing\s+'app/signing\.bicep'\s*=\s*\{(?<body>.*?)\n\}", RegexOptions.Singleline);
        Assert.True(module.Success, "main.bicep has no signing module");
        Assert.Matches(@"signerPrincipalId:\s*identity\.outputs\.principalId\b", module.Groups["body"].Value);
    }

    [Fact]
    public void The_app_is_told_the_vault_and_the_certificate_name_and_never_a_key_or_password()
    {
        Assert.Contains("{ name: 'Signing__KeyVaultUri', value: signingKeyVaultUri }", Api);
        Assert.Contains("{ name: 'Signing__CertificateName', value: signingCertificateName }", Api);
        Assert.Matches(@"signingKeyVaultUri:\s*signing\.outputs\.uri", Main);
        Assert.DoesNotContain("Signing__CertificateFile", Api);
        Assert.DoesNotMatch(@"(?i)param\s+\w*(password|pfx|privatekey)\w*\s", Signing);
    }
}
