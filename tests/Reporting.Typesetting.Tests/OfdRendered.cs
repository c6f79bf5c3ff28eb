using Reporting.Core.Documents;
using Reporting.Development.Seals;
using Reporting.Typesetting.Rendering;
using Reporting.Typesetting.Seals;

namespace Reporting.Typesetting.Tests;

/// <summary>The fixture, the stress report (𠮷, 㐀 through the fallback faces) and the sealed fixture, each rendered once as PDF and OFD from one
/// layout.</summary>
internal static class OfdRendered
{
    public static readonly Lazy<(ReportDocument Document, byte[] Pdf, byte[] Ofd)> Fixture = new(() => Render(Fixtures.Kgj2023, "kgj-2023"));
    public static readonly Lazy<(ReportDocument Document, byte[] Pdf, byte[] Ofd)> Stress = new(() => Render(StressReport.Build(), "stress"));

    /// <summary>The fixture with the development seal over its 署名 and date, and where the PDF placed the seal.</summary>
    public static readonly Lazy<(ReportDocument Document, byte[] Pdf, byte[] Ofd, SealPlacement Seal)> Sealed = new(() =>
    {
        var document = Fixtures.Kgj2023 with { Seal = DevelopmentSeal.For(Fixtures.Kgj2023.Signature) };
        using var ofd = new MemoryStream();
        var (pdf, seal) = Fixtures.Typesetter.Value.RenderSealed(document, ofd);
        Rendered.WriteTemp(pdf.Content, "ofd/kgj-2023-sealed.pdf");
        Rendered.WriteTemp(ofd.ToArray(), "ofd/kgj-2023-sealed.ofd");
        return (document, pdf.Content, ofd.ToArray(), seal ?? throw new InvalidOperationException("The sealed fixture was rendered without its seal."));
    });

    public static (ReportDocument, byte[], byte[]) Render(ReportDocument document, string name)
    {
        using var ofd = new MemoryStream();
        var pdf = Fixtures.Typesetter.Value.Render(document, ofd);
        Rendered.WriteTemp(pdf.Content, $"ofd/{name}.pdf");
        Rendered.WriteTemp(ofd.ToArray(), $"ofd/{name}.ofd");
        return (document, pdf.Content, ofd.ToArray());
    }
}
