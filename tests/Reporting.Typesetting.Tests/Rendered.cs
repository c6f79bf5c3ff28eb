using Reporting.Core.Documents;
using Reporting.Core.ReportAssembly;
using Reporting.Development.Seals;

namespace Reporting.Typesetting.Tests;

/// <summary>The fixture and the stress report, each rendered once for all the tests that read them.</summary>
internal static class Rendered
{
    public static readonly Lazy<(ReportDocument Document, RenderedPdf Pdf, PdfPages Pages)> Fixture = new(() => Render(Fixtures.Kgj2023, "kgj-2023"));
    public static readonly Lazy<(ReportDocument Document, RenderedPdf Pdf, PdfPages Pages)> Stress = new(() => Render(StressReport.Build(), "stress"));

    /// <summary>The fixture with the development seal of its department, and where the seal was drawn.</summary>
    public static readonly Lazy<(ReportDocument Document, RenderedPdf Pdf, PdfPages Pages)> SealedFixture =
        new(() => Render(Fixtures.Kgj2023 with { Seal = DevelopmentSeal.For(Fixtures.Kgj2023.Signature) }, "kgj-2023-sealed"));

    private static (ReportDocument, RenderedPdf, PdfPages) Render(ReportDocument document, string name)
    {
        var pdf = Fixtures.Typesetter.Value.Render(document);
        var directory = Path.Combine(Path.GetTempPath(), "typeset-tests");
        Directory.CreateDirectory(directory);
        File.WriteAllBytes(Path.Combine(directory, name + ".pdf"), pdf.Content);
        return (document, pdf, PdfPages.Read(pdf.Content));
    }

    public static string WriteTemp(byte[] pdf, string name)
    {
        var path = Path.Combine(Path.GetTempPath(), "typeset-tests", name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, pdf);
        return path;
    }
}
