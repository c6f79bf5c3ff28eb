namespace Reporting.Core.Verification;

/// <summary>
/// A copy found to be byte for byte a PDF this system stored, and where that version stands today.
/// </summary>
/// <param name="NewestVersion">The newest stored version of the same report (or volume); equal to the fingerprint's when it is the newest.</param>
/// <param name="PublishedVersion">The version of the report on the public site now, or null when none is (always null for a volume).</param>
public sealed record VerifiedPdf(PdfFingerprint Pdf, int NewestVersion, int? PublishedVersion)
{
    public bool IsNewest => Pdf.Version >= NewestVersion;

    /// <summary>Exactly this version is on the public site.</summary>
    public bool IsPublished => PublishedVersion == Pdf.Version;
}
