using Reporting.Core.Abstractions;
using Reporting.Core.Documents;

namespace Reporting.Typesetting.Signing;

/// <summary>
/// Every PDF the app stores, signed: a report as it comes out of the typesetter, and a volume in the stream it was
/// written to (seekable: the year-end run's temporary file). The signing time is the clock's, in /M.
/// </summary>
public sealed class SigningTypesetter(IReportTypesetter inner, IDocumentSigningKey key, TimeProvider clock) : IReportTypesetter
{
    private readonly PadesSigner _signer = new(key);

    public RenderedPdf Render(ReportDocument document)
    {
        var pdf = inner.Render(document);
        return pdf with { Content = _signer.Sign(pdf.Content, clock.GetUtcNow()) };
    }

    public int RenderVolume(VolumeDocument volume, Stream output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var pages = inner.RenderVolume(volume, output);
        _signer.Sign(output, clock.GetUtcNow());
        return pages;
    }
}
