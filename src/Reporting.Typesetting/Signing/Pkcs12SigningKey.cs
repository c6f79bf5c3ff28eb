using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Reporting.Typesetting.Signing;

/// <summary>
/// A signing key from a PKCS#12 (.pfx/.p12) file: the local development certificate, or the Cli's <c>--sign</c>.
/// The certificate with a private key signs; the file's other certificates go into the CMS as its chain.
/// </summary>
public sealed class Pkcs12SigningKey : IDocumentSigningKey, IDisposable
{
    private readonly X509Certificate2Collection _all;
    private readonly RSA _privateKey;

    private Pkcs12SigningKey(X509Certificate2Collection all)
    {
        _all = all;
        var signer = all.FirstOrDefault(c => c.HasPrivateKey)
            ?? throw new CryptographicException("The PKCS#12 file holds no certificate with a private key.");
        _privateKey = signer.GetRSAPrivateKey() ?? throw new CryptographicException($"The certificate {signer.Subject} has no RSA key.");
        CertificateChain = [signer, .. all.Where(c => !ReferenceEquals(c, signer) && c.Subject != c.Issuer)];
    }

    /// <exception cref="CryptographicException">the file is not PKCS#12, the password is wrong, or no RSA key is in it.</exception>
    public static Pkcs12SigningKey Load(string file, string? password) =>
        new(X509CertificateLoader.LoadPkcs12CollectionFromFile(file, password ?? "", X509KeyStorageFlags.EphemeralKeySet));

    public static Pkcs12SigningKey Load(byte[] pkcs12, string? password) =>
        new(X509CertificateLoader.LoadPkcs12Collection(pkcs12, password ?? "", X509KeyStorageFlags.EphemeralKeySet));

    public IReadOnlyList<X509Certificate2> CertificateChain { get; }

    /// <summary>
    /// Makes one throwaway CMS signature (of one byte) with this key, so that the first file signed does not pay the
    /// runtime's first use of CMS, ASN.1 and RSA (code compiled, OpenSSL set up): a process that signs once, the Cli,
    /// calls it in the background while it loads the faces. A local key only: a Key Vault key would spend a sign call.
    /// </summary>
    public void Warm() => _ = SignatureCms.Create([0], this);

    public byte[] SignSha256(ReadOnlySpan<byte> digest) => _privateKey.SignHash(digest.ToArray(), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);

    public void Dispose()
    {
        _privateKey.Dispose();
        foreach (var certificate in _all) certificate.Dispose();
    }
}
