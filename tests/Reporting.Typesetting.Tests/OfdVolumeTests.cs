using System.Xml.Linq;
using UglyToad.PdfPig;

namespace Reporting.Typesetting.Tests;

/// <summary>The compiled volume as OFD beside its PDF, both streamed from the one layout pass.</summary>
public sealed class OfdVolumeTests(VolumeCompilationFixture volume) : IClassFixture<VolumeCompilationFixture>
{
    private static readonly XNamespace Ofd = OfdReader.Ofd;

    [Fact]
    public void The_volume_OFD_has_the_PDF_pages_with_the_same_text_at_the_same_places_and_a_department_outline()
    {
        using var pdfStream = new MemoryStream();
        using var ofdStream = new MemoryStream();
        var pages = Fixtures.Typesetter.Value.RenderVolume(volume.Volume, pdfStream, ofdStream);
        Rendered.WriteTemp(ofdStream.ToArray(), "ofd/volume.ofd");
        var container = OfdReader.Read(ofdStream.ToArray());
        Assert.Equal(pages, container.PageFiles.Count);
        using var pdf = PdfDocument.Open(pdfStream.ToArray());
        const double mm = 72 / 25.4;
        foreach (var page in pdf.GetPages())
        {
            var letters = page.Letters.Where(l => !string.IsNullOrWhiteSpace(l.Value)).ToList();
            var glyphs = container.Glyphs(page.Number - 1).Where(g => !string.IsNullOrWhiteSpace(g.Text)).ToList();
            Assert.Equal(string.Concat(letters.Select(l => l.Value)), string.Concat(glyphs.Select(g => g.Text)));
            for (var i = 0; i < letters.Count; i++)
            {
                Assert.True(Math.Abs(letters[i].StartBaseLine.X / mm - glyphs[i].X) < 0.5, $"page {page.Number} '{glyphs[i].Text}' x");
                Assert.True(Math.Abs((page.Height - letters[i].StartBaseLine.Y) / mm - glyphs[i].Y) < 0.15, $"page {page.Number} '{glyphs[i].Text}' baseline");
            }
        }
        var outline = container.Document.Root!.Element(Ofd + "Outlines")!.Elements(Ofd + "OutlineElem").Select(e => e.Attribute("Title")!.Value).ToList();
        Assert.Subset(outline.ToHashSet(), volume.Volume.Reports.Select(r => r.DepartmentName).ToHashSet());
        Assert.All(container.Document.Root!.Element(Ofd + "Outlines")!.Elements(Ofd + "OutlineElem"),
            e => Assert.Equal("false", e.Attribute("Expanded")!.Value));
    }
}
