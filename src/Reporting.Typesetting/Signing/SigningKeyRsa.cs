using System.Security.Cryptography;

namespace Reporting.Typesetting.Signing;

/// <summary>
/// An <see cref="RSA"/> whose only private operation is a SHA-256 PKCS#1 v1.5 signature made by an
/// <see cref="IDocumentSigningKey"/>: what lets <c>CmsSigner</c> build the CMS while the private key stays where it is
/// (in Key Vault, one remote call). The public half is the certificate's, so the CMS can be checked as it is built.
/// </summary>
internal sealed class SigningKeyRsa : RSA
{
    private readonly IDocumentSigningKey _key;
    private readonly RSA _publicKey;

    public SigningKeyRsa(IDocumentSigningKey key, RSA publicKey)
    {
        _key = key;
        _publicKey = publicKey;
        KeySizeValue = publicKey.KeySize;
        LegalKeySizesValue = [new KeySizes(publicKey.KeySize, publicKey.KeySize, 0)];
    }

    public override byte[] SignHash(byte[] hash, HashAlgorithmName hashAlgorithm, RSASignaturePadding padding)
    {
        if (hashAlgorithm != HashAlgorithmName.SHA256 || padding != RSASignaturePadding.Pkcs1)
            throw new CryptographicException($"Only SHA-256 with PKCS#1 v1.5 padding is signed, not {hashAlgorithm.Name} with {padding}.");
        return _key.SignSha256(hash);
    }

    public override bool VerifyHash(byte[] hash, byte[] signature, HashAlgorithmName hashAlgorithm, RSASignaturePadding padding) =>
        _publicKey.VerifyHash(hash, signature, hashAlgorithm, padding);

    public override RSAParameters ExportParameters(bool includePrivateParameters) =>
        includePrivateParameters ? throw new CryptographicException("The private key is not exportable.") : _publicKey.ExportParameters(false);

    public override void ImportParameters(RSAParameters parameters) => throw new NotSupportedException("A signing key cannot be replaced.");

    protected override void Dispose(bool disposing)
    {
        if (disposing) _publicKey.Dispose();
        base.Dispose(disposing);
    }
}
