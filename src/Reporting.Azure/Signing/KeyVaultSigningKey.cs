using System.Security.Cryptography.X509Certificates;
using Azure.Core;
using Azure.Security.KeyVault.Certificates;
using Azure.Security.KeyVault.Keys.Cryptography;
using Reporting.Typesetting.Signing;

namespace Reporting.Azure.Signing;

/// <summary>
/// The district's signing key in Key Vault: the certificate (its public part, as Key Vault returns it without the
/// private key) read with <c>certificates/read</c>, and each file's digest signed in the vault by the certificate's key
/// (RS256, one call per file). The private key never leaves the vault. The certificate is read again after
/// <see cref="RefreshAfter"/>, so a renewed certificate (a new version) is picked up without a restart.
/// </summary>
public sealed class KeyVaultSigningKey : IDocumentSigningKey
{
    public static readonly TimeSpan RefreshAfter = TimeSpan.FromHours(1);

    private readonly CertificateClient _certificates;
    private readonly string _certificateName;
    private readonly Func<Uri, CryptographyClient> _cryptography;
    private readonly TimeProvider _clock;
    private readonly Lock _gate = new();
    private (X509Certificate2 Certificate, CryptographyClient Key, DateTimeOffset ReadAt)? _current;

    public KeyVaultSigningKey(Uri vault, string certificateName, TokenCredential credential, TimeProvider clock)
        : this(new CertificateClient(vault, credential), certificateName, keyId => new CryptographyClient(keyId, credential), clock)
    {
    }

    /// <param name="cryptography">Makes the client that signs with the key of a certificate version (its versioned key id).</param>
    public KeyVaultSigningKey(CertificateClient certificates, string certificateName, Func<Uri, CryptographyClient> cryptography, TimeProvider clock)
    {
        _certificates = certificates;
        _certificateName = certificateName;
        _cryptography = cryptography;
        _clock = clock;
    }

    /// <summary>The signer's certificate only: Key Vault hands out the chain only with the private key (the secret), which the app may not read.</summary>
    public IReadOnlyList<X509Certificate2> CertificateChain => [Current().Certificate];

    public byte[] SignSha256(ReadOnlySpan<byte> digest) => Current().Key.Sign(SignatureAlgorithm.RS256, digest.ToArray()).Signature;

    private (X509Certificate2 Certificate, CryptographyClient Key, DateTimeOffset ReadAt) Current()
    {
        lock (_gate)
        {
            if (_current is { } current && _clock.GetUtcNow() - current.ReadAt < RefreshAfter) return current;
            KeyVaultCertificateWithPolicy certificate = _certificates.GetCertificate(_certificateName);
            var read = (X509CertificateLoader.LoadCertificate(certificate.Cer), _cryptography(certificate.KeyId), _clock.GetUtcNow());
            _current = read;
            return read;
        }
    }
}
