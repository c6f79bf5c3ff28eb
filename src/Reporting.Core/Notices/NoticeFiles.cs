using Reporting.Core.ReportAssembly;


namespace Reporting.Core.Notices;

/// <summary>The files a report's or volume's notice names besides its PDF.</summary>
internal static class NoticeFiles
{
    /// <summary>The PDF's OFD twin with a read link of its own, or null when none is stored (a PDF made before OFDs were written).</summary>
    public static async Task<NoticePdf?> OfdTwinAsync(IPdfStore pdfs, NoticePdf pdf, TimeSpan lifetime, CancellationToken cancellationToken)
    {
        var name = OfdTwin.Of(pdf.BlobName);
        if (await pdfs.FindAsync(name, cancellationToken) is not { } stored) return null;
        var link = await pdfs.GetReadLinkAsync(name, lifetime, cancellationToken);
        return pdf with { BlobName = name, FileName = OfdTwin.Of(pdf.FileName), Sha256 = stored.Sha256, Length = stored.Length, StorageLink = link };
    }
}
