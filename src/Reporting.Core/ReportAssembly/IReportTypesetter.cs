using Reporting.Core.Documents;

namespace Reporting.Core.ReportAssembly;

/// <summary>
/// Turns documents into the files of a version: the PDF and, drawn from the same layout, the OFD (GB/T 33190-2016), so the two
/// cannot disagree. Implementations are pure CPU work and safe to share between threads.
/// </summary>
public interface IReportTypesetter
{
    /// <summary>The report as PDF and as OFD, from one layout; the OFD's bytes are the same for the same document.</summary>
    TypesetReport Typeset(ReportDocument document);

    /// <summary>
    /// Writes the compiled volume as PDF to <paramref name="pdf"/> and as OFD to <paramref name="ofd"/> (both streamed page by
    /// page: a volume can be large); returns its page count.
    /// </summary>
    int TypesetVolume(VolumeDocument volume, Stream pdf, Stream ofd);
}
