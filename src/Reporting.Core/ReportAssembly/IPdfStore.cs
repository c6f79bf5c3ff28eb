namespace Reporting.Core.ReportAssembly;

/// <summary>
/// Immutable storage of typeset files, PDFs and their OFD twins (<see cref="OfdTwin"/>; the stored type follows the name's
/// extension): a name is written once and then only read.
/// </summary>
public interface IPdfStore
{
    /// <summary>
    /// Creates the PDF unless that name exists. When it exists (a retried step), nothing is written and the
    /// stored PDF's facts are returned with <see cref="StoredPdf.Created"/> false.
    /// </summary>
    Task<StoredPdf> CreateAsync(string name, RenderedPdf pdf, string downloadFileName, CancellationToken cancellationToken = default);

    /// <summary>
    /// As above, from a stream: a compiled volume is typeset page by page into a temporary file and uploaded from
    /// it, so neither the typesetter nor the upload holds the whole volume in memory.
    /// </summary>
    Task<StoredPdf> CreateAsync(string name, Stream content, string sha256, int pageCount, string downloadFileName,
        CancellationToken cancellationToken = default);

    Task<StoredPdf?> FindAsync(string name, CancellationToken cancellationToken = default);

    /// <summary>Reads a stored PDF's bytes (a notice that attaches it, within the size cap the app sets).</summary>
    Task<byte[]> ReadAsync(string name, CancellationToken cancellationToken = default);

    /// <summary>A read-only link to the stored PDF that expires after <paramref name="lifetime"/>.</summary>
    Task<Uri> GetReadLinkAsync(string name, TimeSpan lifetime, CancellationToken cancellationToken = default);
}

public sealed record StoredPdf(string Name, string Sha256, int PageCount, long Length, bool Created);
