using System.Security.Cryptography;
using Azure.Core;
using Azure.Identity;
using Reporting.Azure.Signing;
using Reporting.Azure.Storage;
using Reporting.Functions.Signing;
using Reporting.Typesetting.Signing;

namespace Reporting.Functions.Composition;

/// <summary>The signing key the settings name, made once at start-up (a Key Vault key reads its certificate at its first signature).</summary>
internal static class SigningKeys
{
    /// <exception cref="InvalidDataException">the PKCS#12 file cannot be read as one without a password.</exception>
    /// <exception cref="FileNotFoundException">the PKCS#12 file is missing.</exception>
    public static IDocumentSigningKey? Create(SigningOptions options, StorageOptions storage, TimeProvider clock)
    {
        if (options.KeyVaultUri is { } vault)
        {
            // The app's user-assigned identity, the one storage uses (its client id is a setting); DefaultAzureCredential elsewhere.
            TokenCredential credential = storage.ClientId is { Length: > 0 } id
                ? new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(id))
                : new DefaultAzureCredential();
            return new KeyVaultSigningKey(vault, options.CertificateName!, credential, clock);
        }
        if (options.CertificateFile is not { Length: > 0 } file) return null;
        if (!File.Exists(file)) throw new FileNotFoundException(null, file);
        try
        {
            return Pkcs12SigningKey.Load(file, password: null);
        }
        catch (CryptographicException e)
        {
            throw new InvalidDataException($"不是无口令的 PKCS#12 证书文件，或其中没有 RSA 私钥（{e.Message}）", e);
        }
    }
}
