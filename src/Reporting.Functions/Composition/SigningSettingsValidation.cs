using Microsoft.Extensions.Options;
using Reporting.Functions.Signing;

namespace Reporting.Functions.Composition;

/// <summary>Which key signs the stored PDFs (section "Signing"): a Key Vault certificate by name, or a local PKCS#12 file.</summary>
internal sealed class SigningSettingsValidation : IValidateOptions<SigningOptions>
{
    public ValidateOptionsResult Validate(string? name, SigningOptions options) => SettingRules.Check(
        (options.KeyVaultUri is null || SettingRules.IsWebAddress(options.KeyVaultUri, "https"), AppSettingNames.SigningKeyVaultUri,
            $"“{options.KeyVaultUri}”不是有效的 https 网址"),
        (options.KeyVaultUri is null || !string.IsNullOrWhiteSpace(options.CertificateName), AppSettingNames.SigningCertificateName,
            "用 Key Vault 签名时须写明证书名称"));
}
