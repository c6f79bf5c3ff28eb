using Reporting.Core.Documents;

namespace Reporting.Core.Abstractions;

/// <summary>Turns documents into PDFs. Implementations are pure CPU work and safe to share between threads.</summary>
public interface IReportTypesetter
{
    RenderedPdf Render(ReportDocument document);

    /// <summary>Writes the compiled volume to <paramref name="output"/> (streamed: a volume can be large); returns its page count.</summary>
    int RenderVolume(VolumeDocument volume, Stream output);
}
