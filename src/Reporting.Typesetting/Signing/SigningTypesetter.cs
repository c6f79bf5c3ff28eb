using Reporting.Core.Documents;
using Reporting.Core.ReportAssembly;

namespace Reporting.Typesetting.Signing;

/// <summary>
/// Every PDF the app stores, signed (its OFD twin beside it as the typesetter wrote it): a report as it comes out of the
/// typesetter, and a volume in the stream it was written to (seekable: the year-end run's temporary file). The signing
/// time is the clock's, in /M. A sealed report is signed visibly: the signature's widget lies over the printed seal and
/// shows it, so the seal a reader sees is the signature a validator checks; a sealed volume likewise over the office's
/// seal on its cover; anything else is signed invisibly.
/// </summary>
public sealed class SigningTypesetter(GbtTypesetter inner, IDocumentSigningKey key, TimeProvider clock) : IReportTypesetter
{
    private readonly PadesSigner _signer = new(key);

    public RenderedPdf Render(ReportDocument document) => Render(document, ofd: null);

    /// <summary>The signed PDF, and when <paramref name="ofd"/> is given the same pages as an OFD, unsigned.</summary>
    public RenderedPdf Render(ReportDocument document, Stream? ofd)
    {
        ArgumentNullException.ThrowIfNull(document);
        var (rendered, seal) = inner.RenderSealed(document, ofd);
        return rendered with { Content = _signer.Sign(rendered.Content, clock.GetUtcNow(), seal) };
    }

    /// <summary>The signed PDF and its OFD twin (unsigned: OFD's own seal, GB/T 38540, is not written).</summary>
    public TypesetReport Typeset(ReportDocument document)
    {
        using var ofd = new MemoryStream();
        var pdf = Render(document, ofd);
        return new TypesetReport(pdf, ofd.ToArray());
    }

    public int RenderVolume(VolumeDocument volume, Stream output) => RenderVolume(volume, output, null);

    /// <summary>The signed volume into <paramref name="output"/> and, when given, its OFD twin (unsigned) into <paramref name="ofd"/>.</summary>
    public int RenderVolume(VolumeDocument volume, Stream output, Stream? ofd)
    {
        ArgumentNullException.ThrowIfNull(output);
        // The office's seal on the cover is the volume's visible signature, as a department's seal is its report's.
        var (pages, coverSeal) = inner.RenderVolumeSealed(volume, output, ofd);
        _signer.Sign(output, clock.GetUtcNow(), coverSeal);
        return pages;
    }

    public int TypesetVolume(VolumeDocument volume, Stream pdf, Stream ofd) => RenderVolume(volume, pdf, ofd ?? throw new ArgumentNullException(nameof(ofd)));
}
