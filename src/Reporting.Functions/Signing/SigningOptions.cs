namespace Reporting.Functions.Signing;

/// <summary>
/// Configuration section "Signing": which key signs every stored PDF. In Azure a Key Vault certificate (one for the
/// district: every report and volume is signed by the district's system certificate; <see cref="KeyVaultUri"/> and
/// <see cref="CertificateName"/>); locally a PKCS#12 file without a password (<see cref="CertificateFile"/>, the development
/// certificate .ci/setup makes). Neither set: PDFs are stored unsigned.
/// </summary>
public sealed class SigningOptions
{
    public const string Section = "Signing";

    public string? CertificateFile { get; set; }

    public Uri? KeyVaultUri { get; set; }

    public string? CertificateName { get; set; }
}
