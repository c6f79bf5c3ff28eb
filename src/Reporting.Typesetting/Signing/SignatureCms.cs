using System.Formats.Asn1;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Reporting.Typesetting.Signing;

/// <summary>
/// The CMS of a PAdES B-B signature (RFC 5652): detached SignedData over the signed byte ranges, SHA-256, one signer
/// named by issuer and serial number, signed attributes content-type, message-digest and ESS signing-certificate-v2; no
/// signing-time attribute (PAdES puts the time in /M). Written with <see cref="AsnWriter"/> rather than <c>SignedCms</c>:
/// the one shape we sign needs none of its generality, and its first use in a process (generic code over its types that
/// ReadyToRun cannot precompile, compiled at run time) was most of a cold signed render's signing cost.
/// The key signs once; the same bytes and key give the same CMS (PKCS#1 v1.5 signatures are deterministic).
/// </summary>
internal static class SignatureCms
{
    public const string SigningCertificateV2Oid = "1.2.840.113549.1.9.16.2.47";
    private const string SignedDataOid = "1.2.840.113549.1.7.2";
    private const string DataOid = "1.2.840.113549.1.7.1";
    private const string ContentTypeOid = "1.2.840.113549.1.9.3";
    private const string MessageDigestOid = "1.2.840.113549.1.9.4";
    private const string Sha256Oid = "2.16.840.1.101.3.4.2.1";
    private const string RsaEncryptionOid = "1.2.840.113549.1.1.1";

    private static readonly Asn1Tag Context0 = new(TagClass.ContextSpecific, 0, isConstructed: true);

    public static byte[] Create(byte[] signedBytes, IDocumentSigningKey key)
    {
        var chain = key.CertificateChain;
        if (chain.Count == 0) throw new CryptographicException("The signing key has no certificate.");
        var signedAttributes = SignedAttributes(SHA256.HashData(signedBytes), chain[0]);
        // The signature covers the attributes' DER as a SET (tag 31); the SignerInfo holds the same content as [0] IMPLICIT.
        return Encode(chain, signedAttributes, key.SignSha256(SHA256.HashData(signedAttributes)));
    }

    /// <summary>
    /// The length of every CMS <see cref="Create"/> writes for this chain: all but the digest and the signature is fixed by
    /// the chain, the digest is 32 bytes, and an RSA PKCS#1 v1.5 signature is exactly as long as the key's modulus. So the
    /// file reserves for the signature what it will hold, not a guess (a 4 KB guess cost 8 KB of hex zeros in every file).
    /// </summary>
    public static int Length(IReadOnlyList<X509Certificate2> chain)
    {
        if (chain.Count == 0) throw new CryptographicException("The signing key has no certificate.");
        var attributes = SignedAttributes(new byte[SHA256.HashSizeInBytes], chain[0]);
        return Encode(chain, attributes, new byte[ModulusLength(chain[0])]).Length;
    }

    private static byte[] Encode(IReadOnlyList<X509Certificate2> chain, byte[] signedAttributes, byte[] signature)
    {
        var writer = new AsnWriter(AsnEncodingRules.DER);
        using (writer.PushSequence())
        {
            writer.WriteObjectIdentifier(SignedDataOid);
            using (writer.PushSequence(Context0))
            using (writer.PushSequence())
            {
                writer.WriteInteger(1);
                using (writer.PushSetOf()) WriteSha256(writer);
                using (writer.PushSequence()) writer.WriteObjectIdentifier(DataOid); // detached: no eContent
                using (writer.PushSetOf(Context0))
                {
                    foreach (var c in chain) writer.WriteEncodedValue(c.RawData);
                }
                using (writer.PushSetOf()) WriteSignerInfo(writer, chain[0], signedAttributes, signature);
            }
        }
        return writer.Encode();
    }

    /// <summary>
    /// The RSA modulus's length in bytes, read from the certificate's RSAPublicKey (RFC 8017 A.1.1) rather than through an
    /// RSA object, whose first creation a cold render would pay for.
    /// </summary>
    private static int ModulusLength(X509Certificate2 certificate)
    {
        if (certificate.PublicKey.Oid.Value != RsaEncryptionOid) throw new CryptographicException("The signing certificate's key is not an RSA key.");
        var reader = new AsnReader(certificate.PublicKey.EncodedKeyValue.RawData, AsnEncodingRules.DER).ReadSequence();
        var modulus = reader.ReadIntegerBytes().Span;
        return modulus.Length > 0 && modulus[0] == 0 ? modulus.Length - 1 : modulus.Length; // the sign byte DER adds is not part of it
    }

    /// <summary>SignerInfo v1: sid IssuerAndSerialNumber, SHA-256, the signed attributes, rsaEncryption, the signature.</summary>
    private static void WriteSignerInfo(AsnWriter writer, X509Certificate2 certificate, byte[] signedAttributes, byte[] signature)
    {
        using (writer.PushSequence())
        {
            writer.WriteInteger(1);
            using (writer.PushSequence())
            {
                writer.WriteEncodedValue(certificate.IssuerName.RawData);
                writer.WriteInteger(certificate.SerialNumberBytes.Span);
            }
            WriteSha256(writer);
            var implicitlyTagged = signedAttributes.ToArray();
            implicitlyTagged[0] = 0xA0; // [0] IMPLICIT SET OF Attribute: the SET's tag (31) replaced, its length and content kept
            writer.WriteEncodedValue(implicitlyTagged);
            using (writer.PushSequence())
            {
                writer.WriteObjectIdentifier(RsaEncryptionOid);
                writer.WriteNull();
            }
            writer.WriteOctetString(signature);
        }
    }

    /// <summary>The signed attributes as a DER SET OF Attribute (sorted by their encodings, as DER asks: AsnWriter sorts it).</summary>
    private static byte[] SignedAttributes(byte[] messageDigest, X509Certificate2 certificate)
    {
        var writer = new AsnWriter(AsnEncodingRules.DER);
        using (writer.PushSetOf())
        {
            using (writer.PushSequence())
            {
                writer.WriteObjectIdentifier(ContentTypeOid);
                using (writer.PushSetOf()) writer.WriteObjectIdentifier(DataOid);
            }
            using (writer.PushSequence())
            {
                writer.WriteObjectIdentifier(MessageDigestOid);
                using (writer.PushSetOf()) writer.WriteOctetString(messageDigest);
            }
            using (writer.PushSequence())
            {
                writer.WriteObjectIdentifier(SigningCertificateV2Oid);
                using (writer.PushSetOf()) WriteSigningCertificateV2(writer, certificate);
            }
        }
        return writer.Encode();
    }

    /// <summary>AlgorithmIdentifier id-sha256, its parameters absent (RFC 5754).</summary>
    private static void WriteSha256(AsnWriter writer)
    {
        using (writer.PushSequence()) writer.WriteObjectIdentifier(Sha256Oid);
    }

    /// <summary>
    /// RFC 5035: SigningCertificateV2 ::= SEQUENCE { certs SEQUENCE OF ESSCertIDv2 }, ESSCertIDv2 ::= SEQUENCE {
    /// hashAlgorithm DEFAULT id-sha256 (so left out), certHash OCTET STRING, issuerSerial SEQUENCE { issuer GeneralNames, serialNumber } }.
    /// </summary>
    private static void WriteSigningCertificateV2(AsnWriter writer, X509Certificate2 certificate)
    {
        using (writer.PushSequence())
        using (writer.PushSequence())
        using (writer.PushSequence())
        {
            writer.WriteOctetString(SHA256.HashData(certificate.RawData));
            using (writer.PushSequence())
            {
                using (writer.PushSequence())
                using (writer.PushSequence(new Asn1Tag(TagClass.ContextSpecific, 4, isConstructed: true)))
                    writer.WriteEncodedValue(certificate.IssuerName.RawData);
                writer.WriteInteger(certificate.SerialNumberBytes.Span);
            }
        }
    }
}
