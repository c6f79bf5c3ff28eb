using Reporting.Core.Abstractions;
using Reporting.Core.Documents;

namespace Reporting.Typesetting.Signing;

/// <summary>
/// Every PDF the app stores, signed: a report as it comes out of the typesetter, and a volume in the stream it was
/// written to (seekable: the year-end run's temporary file). The signing time is the clock's, in /M. A sealed report
/// typeset by <see cref="GbtTypesetter"/> is signed visibly: the signature's widget lies over the printed seal and
/// shows it, so the seal a reader sees is the signature a validator checks; a sealed volume likewise over the office's
/// seal on its cover; anything else is signed invisibly.
/// </summary>
public sealed class SigningTypesetter(IReportTypesetter inner, IDocumentSigningKey key, TimeProvider clock) : IReportTypesetter
{
    private readonly PadesSigner _signer = new(key);

    public RenderedPdf Render(ReportDocument document) => Render(document, ofd: null);

    /// <summary>The signed PDF, and when <paramref name="ofd"/> is given (and the typesetter writes OFD) the same pages as an OFD, unsigned.</summary>
    public RenderedPdf Render(ReportDocument document, Stream? ofd)
    {
        ArgumentNullException.ThrowIfNull(document);
        if (inner is not GbtTypesetter typesetter)
        {
            var pdf = inner.Render(document);
            return pdf with { Content = _signer.Sign(pdf.Content, clock.GetUtcNow()) };
        }
        var (rendered, seal) = typesetter.RenderSealed(document, ofd);
        return rendered with { Content = _signer.Sign(rendered.Content, clock.GetUtcNow(), seal) };
    }

    public int RenderVolume(VolumeDocument volume, Stream output)
    {
        ArgumentNullException.ThrowIfNull(output);
        if (inner is not GbtTypesetter typesetter)
        {
            var count = inner.RenderVolume(volume, output);
            _signer.Sign(output, clock.GetUtcNow());
            return count;
        }
        // The office's seal on the cover is the volume's visible signature, as a department's seal is its report's.
        var (pages, coverSeal) = typesetter.RenderVolumeSealed(volume, output);
        _signer.Sign(output, clock.GetUtcNow(), coverSeal);
        return pages;
    }
}
