using System.Formats.Asn1;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Reporting.Typesetting.Signing;

/// <summary>
/// Reads a CMS SignedData (RFC 5652, BER or DER) as far as <see cref="SignatureFacts"/> needs: the first signer's
/// certificate (the one its sid names, by issuer and serial number or by subject key identifier, among the certificates
/// the CMS carries) and its signing-time attribute. Describes, does not verify. With <see cref="AsnReader"/> rather than
/// <c>SignedCms</c>, as <see cref="SignatureCms"/> writes it: the app needs no CMS library for the one shape it reads.
/// </summary>
internal static class SignedDataReader
{
    private const string SignedDataOid = "1.2.840.113549.1.7.2";
    private const string SigningTimeOid = "1.2.840.113549.1.9.5";

    private static readonly Asn1Tag Context0 = new(TagClass.ContextSpecific, 0, isConstructed: true);
    private static readonly Asn1Tag Context1 = new(TagClass.ContextSpecific, 1, isConstructed: true);
    private static readonly Asn1Tag SubjectKeyIdentifier = new(TagClass.ContextSpecific, 0);

    /// <returns>The first signer's certificate and signing time; null when the CMS holds no signer or not its certificate.</returns>
    /// <exception cref="AsnContentException">the bytes are not a SignedData.</exception>
    /// <exception cref="CryptographicException">a certificate in it does not read.</exception>
    public static (X509Certificate2 Certificate, DateTimeOffset? SigningTime)? FirstSigner(ReadOnlyMemory<byte> cms)
    {
        var contentInfo = new AsnReader(cms, AsnEncodingRules.BER).ReadSequence();
        if (contentInfo.ReadObjectIdentifier() != SignedDataOid) throw new AsnContentException("The CMS is not a SignedData.");
        var signedData = contentInfo.ReadSequence(Context0).ReadSequence();
        signedData.ReadInteger(); // version
        signedData.ReadSetOf(); // digestAlgorithms
        signedData.ReadSequence(); // encapContentInfo
        var certificates = new List<X509Certificate2>();
        if (signedData.HasData && signedData.PeekTag().HasSameClassAndValue(Context0))
        {
            var set = signedData.ReadSetOf(Context0);
            while (set.HasData)
            {
                // A certificate is a SEQUENCE; the other CertificateChoices (attribute certificates and the like, [1]–[3]) are passed over.
                var encoded = set.ReadEncodedValue();
                if (encoded.Span[0] == 0x30) certificates.Add(X509CertificateLoader.LoadCertificate(encoded.Span));
            }
        }
        if (signedData.HasData && signedData.PeekTag().HasSameClassAndValue(Context1)) signedData.ReadEncodedValue(); // crls
        var signerInfos = signedData.ReadSetOf(); // BER: a SET OF's order is not checked
        if (!signerInfos.HasData) return null;
        var signerInfo = signerInfos.ReadSequence();
        signerInfo.ReadInteger(); // version
        var certificate = Named(signerInfo, certificates);
        if (certificate is null) return null;
        signerInfo.ReadSequence(); // digestAlgorithm
        var signedAttributes = signerInfo.HasData && signerInfo.PeekTag().HasSameClassAndValue(Context0) ? signerInfo.ReadSetOf(Context0) : null;
        return (certificate, signedAttributes is null ? null : SigningTime(signedAttributes));
    }

    /// <summary>The certificate the SignerInfo's sid names: IssuerAndSerialNumber, or [0] SubjectKeyIdentifier.</summary>
    private static X509Certificate2? Named(AsnReader signerInfo, List<X509Certificate2> certificates)
    {
        if (signerInfo.PeekTag().HasSameClassAndValue(SubjectKeyIdentifier))
        {
            var keyIdentifier = signerInfo.ReadOctetString(SubjectKeyIdentifier);
            return certificates.FirstOrDefault(c => c.Extensions.OfType<X509SubjectKeyIdentifierExtension>()
                .Any(e => e.SubjectKeyIdentifierBytes.Span.SequenceEqual(keyIdentifier)));
        }
        var issuerAndSerial = signerInfo.ReadSequence();
        var issuer = issuerAndSerial.ReadEncodedValue();
        var serial = issuerAndSerial.ReadIntegerBytes();
        return certificates.FirstOrDefault(c =>
            c.IssuerName.RawData.AsSpan().SequenceEqual(issuer.Span) && c.SerialNumberBytes.Span.SequenceEqual(serial.Span));
    }

    /// <summary>The signing-time attribute's value (UTCTime or GeneralizedTime), or null when the signed attributes have none.</summary>
    private static DateTimeOffset? SigningTime(AsnReader attributes)
    {
        while (attributes.HasData)
        {
            var attribute = attributes.ReadSequence();
            if (attribute.ReadObjectIdentifier() != SigningTimeOid) continue;
            var values = attribute.ReadSetOf();
            return values.PeekTag().HasSameClassAndValue(Asn1Tag.UtcTime) ? values.ReadUtcTime() : values.ReadGeneralizedTime();
        }
        return null;
    }
}
