using System.Security.Cryptography;
using Reporting.Core.Publication;
using Reporting.Core.Reports;

namespace Reporting.Core.Verification;

/// <summary>
/// Tells whether a file is byte for byte a PDF this system stored: its SHA-256 looked up in the index (one point read),
/// then the report's (or volume's) newest version and the publication record. Nothing of the file is kept.
/// </summary>
public class PdfVerifier(IPdfHashIndex index, IReportRepository reports, IVolumeLedgerRepository ledgers, IPublicationRepository publications)
{
    /// <summary>Lowercase hex SHA-256 of <paramref name="content"/>, read as it streams.</summary>
    public static async Task<string> HashAsync(Stream content, CancellationToken cancellationToken = default) =>
        Convert.ToHexStringLower(await SHA256.HashDataAsync(content, cancellationToken));

    /// <returns>The stored PDF with these bytes and where it stands, or null when no stored PDF has them.</returns>
    public virtual async Task<VerifiedPdf?> VerifyAsync(string sha256, CancellationToken cancellationToken = default)
    {
        if (sha256.Length != 64 || !sha256.All(char.IsAsciiHexDigitLower)) return null;
        var pdf = await index.FindAsync(sha256, cancellationToken);
        if (pdf is null) return null;
        if (pdf.Department is not { } department)
        {
            var ledger = await ledgers.GetAsync(pdf.Year, cancellationToken);
            return new VerifiedPdf(pdf, Math.Max(pdf.Version, ledger.NewestStored?.Version ?? 0), null);
        }
        var key = new ReportKey(pdf.Year, department);
        var report = await reports.GetAsync(key, cancellationToken);
        var publication = await publications.GetAsync(key, cancellationToken);
        return new VerifiedPdf(pdf, Math.Max(pdf.Version, report.NewestAssembled?.Version ?? 0), publication.Current?.Version);
    }
}
