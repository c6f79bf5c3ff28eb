using Reporting.Core.Documents;
using Reporting.Development.Seals;
using Reporting.Typesetting.Layout;
using Reporting.Typesetting.Seals;

namespace Reporting.Typesetting.Tests;

/// <summary>The sealed signature block of GB/T 9704 7.3.5.1, in millimetres, straight from the layout.</summary>
public class SealLayoutTests
{
    private const double Mm = PageGeometry.Mm;
    private static readonly Lazy<OrganisationSeal> Seal = new(() => DevelopmentSeal.For("魏都区科学技术和工业信息化局"));

    private static ReportDocument Sealed(int paragraphs) =>
        new("魏都区科学技术和工业信息化局2023年法治政府建设情况的报告", "区法治政府建设领导小组办公室：",
            [.. Enumerable.Range(0, paragraphs).Select(_ => new DocumentBlock(BlockKind.Paragraph, new string('文', 59) + "。"))],
            "魏都区科学技术和工业信息化局", new DateOnly(2023, 12, 31), DocumentWords.Date(new DateOnly(2023, 12, 31)),
            new DocumentInfo("t", "魏都区科学技术和工业信息化局", "s", DateTimeOffset.UnixEpoch),
            Seal.Value);

    /// <summary>The vertical middle of a line's em box (a 3号 em box is centred in its slot), from the text block's top.</summary>
    private static double Middle(int slot) => (slot + 0.5) * PageGeometry.LinePitch;

    [Fact]
    public void The_seal_is_42_mm_across_centred_on_the_signature_and_date_which_sit_below_its_centre()
    {
        var surface = RecordingSurface.Lay(Sealed(2));
        var (page, image, left, top) = Assert.Single(surface.Images);
        var lines = surface.Body(page).ToList();
        var (signature, date) = (lines[^2], lines[^1]);

        Assert.Equal(42, image.Width / Mm, 1);
        Assert.Equal(42, image.Height / Mm, 1);
        // 成文日期右空四字: the date ends four characters in from the right edge.
        Assert.Equal(156 - 4 * 156.0 / 28, date.Line.End / Mm, 2);
        var dateCentre = (date.Line.Start + date.Line.End) / 2;
        Assert.Equal(dateCentre / Mm, (signature.Line.Start + signature.Line.End) / 2 / Mm, 2);
        Assert.Equal(dateCentre / Mm, (left + image.Width / 2) / Mm, 2);
        Assert.Equal(signature.Slot + 1, date.Slot);
        var sealCentre = top + image.Height / 2;
        Assert.InRange((Middle(signature.Slot) - sealCentre) / Mm, 0.5, 5); // slightly below the centre
        Assert.InRange((Middle(date.Slot) - sealCentre) / Mm, 5, 15);
        Assert.True(Middle(date.Slot) + 8 / 2.0 * Mm < top + image.Height, "the date lies inside the seal");
    }

    [Fact]
    public void The_seal_top_is_within_one_line_below_the_body()
    {
        var surface = RecordingSurface.Lay(Sealed(2));
        var (page, image, _, top) = Assert.Single(surface.Images);
        var body = surface.Body(page).SkipLast(2).Last();
        var bodyEnd = (body.Slot + 1) * PageGeometry.LinePitch;
        Assert.InRange((top - bodyEnd) / Mm, 0, 225.0 / 22);
        Assert.StartsWith("文", body.Line.Text);
    }

    [Theory]
    [InlineData(6)] // the body fills the page to its last slot
    [InlineData(5)] // three slots are left: fewer than the sealed block needs
    public void A_seal_never_stands_alone_on_a_page_the_body_s_last_line_goes_over_with_it(int paragraphs)
    {
        var surface = RecordingSurface.Lay(Sealed(paragraphs));
        Assert.Equal(2, surface.Pages.Count);
        var (page, image, _, top) = Assert.Single(surface.Images);
        Assert.Equal(1, page);
        var second = surface.Body(1).ToList();
        Assert.Equal(3, second.Count); // the body's last line, the signature, the date
        Assert.Equal((0, "文文。"), (second[0].Slot, second[0].Line.Text[^3..]));
        Assert.InRange((top - PageGeometry.LinePitch) / Mm, 0, 225.0 / 22);
        Assert.Equal("2023年12月31日", second[^1].Line.Text);
    }

    [Fact]
    public void Without_a_seal_the_block_stays_as_unsealed_two_characters_in()
    {
        var surface = RecordingSurface.Lay(Sealed(2) with { Seal = null });
        Assert.Empty(surface.Images);
        var lines = surface.Body(0).ToList();
        Assert.Equal(PageGeometry.BlockWidth - 2 * PageGeometry.CharPitch, lines[^2].Line.End, 3);
        Assert.Equal(lines[^3].Slot + 2, lines[^2].Slot);
    }
}
