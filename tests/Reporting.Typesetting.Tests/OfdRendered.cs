using Reporting.Core.Documents;

namespace Reporting.Typesetting.Tests;

/// <summary>The fixture and the stress report (𠮷, 㐀 through the fallback faces), each rendered once as PDF and OFD from one layout.</summary>
internal static class OfdRendered
{
    public static readonly Lazy<(ReportDocument Document, byte[] Pdf, byte[] Ofd)> Fixture = new(() => Render(Fixtures.Kgj2023, "kgj-2023"));
    public static readonly Lazy<(ReportDocument Document, byte[] Pdf, byte[] Ofd)> Stress = new(() => Render(StressReport.Build(), "stress"));

    public static (ReportDocument, byte[], byte[]) Render(ReportDocument document, string name)
    {
        using var ofd = new MemoryStream();
        var pdf = Fixtures.Typesetter.Value.Render(document, ofd);
        Rendered.WriteTemp(pdf.Content, $"ofd/{name}.pdf");
        Rendered.WriteTemp(ofd.ToArray(), $"ofd/{name}.ofd");
        return (document, pdf.Content, ofd.ToArray());
    }
}
