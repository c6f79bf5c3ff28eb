using System.Security.Cryptography.X509Certificates;

namespace Reporting.Typesetting.Signing;

/// <summary>
/// A key that signs documents: a PKCS#12 file locally, a Key Vault key in Azure (whose private key never leaves the vault).
/// One <see cref="SignSha256"/> call per signed file.
/// </summary>
public interface IDocumentSigningKey
{
    /// <summary>The signer's certificate first, then the certificates that issued it (the root may be left out).</summary>
    IReadOnlyList<X509Certificate2> CertificateChain { get; }

    /// <summary>An RSA PKCS#1 v1.5 signature of a SHA-256 digest (32 bytes).</summary>
    byte[] SignSha256(ReadOnlySpan<byte> digest);
}
