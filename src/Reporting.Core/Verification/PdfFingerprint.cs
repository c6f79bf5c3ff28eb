namespace Reporting.Core.Verification;

/// <summary>
/// What one stored PDF is, filed under the SHA-256 of its bytes: a report version (<see cref="Department"/> set) or a
/// compiled volume of the year (<see cref="Department"/> null). Written when the PDF is stored, read to verify a copy.
/// </summary>
/// <param name="Sha256">Lowercase hex of the stored bytes.</param>
/// <param name="MadeAt">When the PDF was stored.</param>
public sealed record PdfFingerprint(string Sha256, int Year, string? Department, int Version, string BlobName, long Length, DateTimeOffset MadeAt)
{
    /// <summary>Who signed the file, once stored PDFs carry a signature; null while they do not.</summary>
    public string? Signer { get; init; }

    /// <summary>When the file was signed, once stored PDFs carry a signature; null while they do not.</summary>
    public DateTimeOffset? SignedAt { get; init; }

    public bool IsVolume => Department is null;
}
