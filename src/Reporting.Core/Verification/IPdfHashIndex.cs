namespace Reporting.Core.Verification;

/// <summary>Every stored PDF by the SHA-256 of its bytes, so a copy anyone holds is checked with one point read.</summary>
public interface IPdfHashIndex
{
    /// <summary>Files <paramref name="fingerprint"/>; writing the same one again (a retried step) changes nothing.</summary>
    Task RecordAsync(PdfFingerprint fingerprint, CancellationToken cancellationToken = default);

    /// <summary>The stored PDF whose bytes hash to <paramref name="sha256"/> (lowercase hex), or null.</summary>
    Task<PdfFingerprint?> FindAsync(string sha256, CancellationToken cancellationToken = default);
}
