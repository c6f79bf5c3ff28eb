using System.Text.RegularExpressions;
using Reporting.Development.Seals;
using Reporting.Typesetting.Rendering;
using Reporting.Typesetting.Seals;
using UglyToad.PdfPig;

namespace Reporting.Typesetting.Tests;

/// <summary>The seal in the PDF: an image with transparency, drawn once, tagged as a figure, and where the signer is told it is.</summary>
public class SealedPdfTests
{
    private static string File => Rendered.WriteTemp(Rendered.SealedFixture.Value.Pdf.Content, "kgj-2023-sealed-check.pdf");

    [Fact]
    public void The_seal_is_one_image_with_a_soft_mask_on_the_last_page_and_never_text()
    {
        var (exit, list, _) = Tools.Run("/usr/bin/pdfimages", "-list", File);
        Assert.Equal(0, exit);
        var rows = list.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(2).Select(r => Regex.Split(r.Trim(), @"\s+")).ToList();
        Assert.Equal(2, rows.Count);
        Assert.Equal(["image", "smask"], rows.Select(r => r[2]));
        Assert.All(rows, r => Assert.Equal(Rendered.SealedFixture.Value.Pdf.PageCount.ToString(System.Globalization.CultureInfo.InvariantCulture), r[0]));
        // The seal's 测试 and name are pixels: the text is exactly the unsealed report's.
        var (_, text, _) = Tools.Run("/usr/bin/pdftotext", "-enc", "UTF-8", File, "-");
        var (_, unsealed, _) = Tools.Run("/usr/bin/pdftotext", "-enc", "UTF-8",
            Rendered.WriteTemp(Rendered.Fixture.Value.Pdf.Content, "kgj-2023-unsealed.pdf"), "-");
        Assert.Equal(Regex.Replace(unsealed, @"\s+", ""), Regex.Replace(text, @"\s+", ""));
    }

    [Fact]
    public void The_render_tells_where_the_seal_was_drawn_in_pdf_points()
    {
        var document = Rendered.SealedFixture.Value.Document;
        var result = Fixtures.Typesetter.Value.RenderSealed(document);
        var seal = Assert.IsType<SealPlacement>(result.Seal);
        Assert.Equal(result.Pdf.PageCount - 1, seal.PageIndex);
        using var pdf = PdfDocument.Open(result.Pdf.Content);
        var image = Assert.Single(pdf.GetPage(seal.PageIndex + 1).GetImages());
        Assert.Equal(seal.Left, image.BoundingBox.Left, 1);
        Assert.Equal(seal.Bottom, image.BoundingBox.Bottom, 1);
        Assert.Equal(seal.Width, image.BoundingBox.Width, 1);
        Assert.Equal(seal.Height, image.BoundingBox.Height, 1);
        Assert.Equal(42, seal.Width / Layout.PageGeometry.Mm, 1);
    }

    [Fact]
    public void An_unsealed_render_tells_of_no_seal()
    {
        Assert.Null(Fixtures.Typesetter.Value.RenderSealed(Fixtures.Kgj2023).Seal);
    }

    [Fact]
    public void The_seal_is_a_figure_with_the_organisation_s_alt_text()
    {
        var (_, json, _) = Tools.Run("/usr/bin/qpdf", "--json", "--json-key=qpdf", File);
        Assert.Contains("\"/S\": \"/Figure\"", json);
        Assert.Contains("魏都区科学技术和工业信息化局印章", json);
    }

    [Fact]
    public void The_same_seal_drawn_twice_is_the_same_png()
    {
        Assert.Same(DevelopmentSeal.Draw("魏都区科学技术和工业信息化局"), DevelopmentSeal.Draw("魏都区科学技术和工业信息化局"));
    }
}
