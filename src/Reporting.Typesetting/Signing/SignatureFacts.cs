using System.Formats.Asn1;
using System.Globalization;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.RegularExpressions;

namespace Reporting.Typesetting.Signing;

/// <summary>
/// Who signed a PDF and when, as its last signature says: the signer certificate's common name and organisation
/// (subject CN and O) and the signing time (/M, else the CMS signing-time attribute). Read from the file's last bytes,
/// where <see cref="PadesSigner"/>'s incremental update puts the signature; describes, does not validate (verifying a copy
/// is its hash matching a stored file; a validator such as pdfsig checks the signature itself).
/// </summary>
public sealed partial record SignatureFacts(string CommonName, string? Organisation, DateTimeOffset? SignedAt)
{
    /// <summary>How much of a file's end to keep for <see cref="Read"/>: the signature dictionary with its CMS (a few certificates) fits.</summary>
    public const int TailBytes = 64 * 1024;

    private const string OrganisationOid = "2.5.4.10";

    /// <summary>The signer as a person reads it: the common name, then the organisation when it adds something.</summary>
    public string Signer => Organisation is { Length: > 0 } o && !CommonName.Contains(o, StringComparison.Ordinal) ? $"{CommonName}，{o}" : CommonName;

    /// <returns>The facts of the last signature in <paramref name="tail"/> (a file's last bytes), or null when it holds none that reads.</returns>
    public static SignatureFacts? Read(ReadOnlySpan<byte> tail)
    {
        var text = Encoding.Latin1.GetString(tail);
        var signature = text.LastIndexOf("/Type/Sig", StringComparison.Ordinal);
        if (signature < 0) return null;
        var end = text.IndexOf("endobj", signature, StringComparison.Ordinal);
        var dictionary = end < 0 ? text[signature..] : text[signature..end];
        if (ContentsEntry().Match(dictionary) is not { Success: true } contents) return null;
        try
        {
            var der = Convert.FromHexString(contents.Groups[1].Value);
            AsnDecoder.ReadEncodedValue(der, AsnEncodingRules.BER, out _, out _, out var length); // the rest is the placeholder's zeros
            if (SignedDataReader.FirstSigner(der.AsMemory(0, length)) is not { } signer) return null;
            var signedAt = MEntry().Match(dictionary) is { Success: true } m ? PdfDate(m.Groups[1].Value) : null;
            signedAt ??= signer.SigningTime;
            var certificate = signer.Certificate;
            return new SignatureFacts(certificate.GetNameInfo(X509NameType.SimpleName, forIssuer: false), OrganisationOf(certificate), signedAt);
        }
        catch (Exception e) when (e is FormatException or CryptographicException or AsnContentException)
        {
            return null;
        }
    }

    private static string? OrganisationOf(X509Certificate2 certificate) =>
        certificate.SubjectName.EnumerateRelativeDistinguishedNames()
            .FirstOrDefault(n => n.GetSingleElementType().Value == OrganisationOid)?.GetSingleElementValue();

    /// <summary>D:YYYYMMDDHHmmSS with its offset (+08'00', Z), as /M holds it; null when it does not read.</summary>
    private static DateTimeOffset? PdfDate(string value)
    {
        var m = PdfDateFormat().Match(value);
        if (!m.Success) return null;
        var local = DateTime.ParseExact(m.Groups[1].Value, "yyyyMMddHHmmss", CultureInfo.InvariantCulture);
        var hours = m.Groups[4].Value is "" ? 0 : int.Parse(m.Groups[4].Value, CultureInfo.InvariantCulture);
        var minutes = m.Groups[5].Value is "" ? 0 : int.Parse(m.Groups[5].Value, CultureInfo.InvariantCulture);
        var offset = new TimeSpan(hours, minutes, 0) * (m.Groups[3].Value == "-" ? -1 : 1);
        return new DateTimeOffset(local, offset);
    }

    [GeneratedRegex(@"/Contents\s*<([0-9A-Fa-f]+)>")] private static partial Regex ContentsEntry();
    [GeneratedRegex(@"/M\s*\(([^)]*)\)")] private static partial Regex MEntry();
    [GeneratedRegex(@"^D:(\d{14})(Z|([+-])(\d{2})'?(\d{2})?'?)?")] private static partial Regex PdfDateFormat();
}
