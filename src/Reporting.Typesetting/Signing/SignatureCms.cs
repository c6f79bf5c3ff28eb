using System.Formats.Asn1;
using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;
using System.Security.Cryptography.X509Certificates;

namespace Reporting.Typesetting.Signing;

/// <summary>
/// The CMS of a PAdES B-B signature: detached SignedData over the signed byte ranges, SHA-256, signed attributes
/// content-type, message-digest and ESS signing-certificate-v2; no signing-time attribute (PAdES puts the time in /M).
/// </summary>
internal static class SignatureCms
{
    public const string SigningCertificateV2Oid = "1.2.840.113549.1.9.16.2.47";
    private const string Sha256Oid = "2.16.840.1.101.3.4.2.1";

    public static byte[] Create(byte[] signedBytes, IDocumentSigningKey key)
    {
        var chain = key.CertificateChain;
        if (chain.Count == 0) throw new CryptographicException("The signing key has no certificate.");
        var certificate = chain[0];
        using var rsa = new SigningKeyRsa(key, certificate.GetRSAPublicKey()
            ?? throw new CryptographicException($"The signing certificate {certificate.Subject} has no RSA key."));
        var signer = new CmsSigner(SubjectIdentifierType.IssuerAndSerialNumber, certificate, rsa)
        {
            DigestAlgorithm = new Oid(Sha256Oid),
            IncludeOption = X509IncludeOption.EndCertOnly,
        };
        foreach (var issuer in chain.Skip(1)) signer.Certificates.Add(issuer);
        signer.SignedAttributes.Add(new AsnEncodedData(new Oid(SigningCertificateV2Oid), SigningCertificateV2(certificate)));
        var cms = new SignedCms(new ContentInfo(signedBytes), detached: true);
        cms.ComputeSignature(signer, silent: true);
        return cms.Encode();
    }

    /// <summary>
    /// RFC 5035: SigningCertificateV2 ::= SEQUENCE { certs SEQUENCE OF ESSCertIDv2 }, ESSCertIDv2 ::= SEQUENCE {
    /// hashAlgorithm DEFAULT id-sha256 (so left out), certHash OCTET STRING, issuerSerial SEQUENCE { issuer GeneralNames, serialNumber } }.
    /// </summary>
    internal static byte[] SigningCertificateV2(X509Certificate2 certificate)
    {
        var writer = new AsnWriter(AsnEncodingRules.DER);
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
        return writer.Encode();
    }
}
