using System.Globalization;
using System.Xml.Linq;
using Reporting.Typesetting.Fonts;
using UglyToad.PdfPig;

namespace Reporting.Typesetting.Tests;

/// <summary>The OFD beside the PDF (GB/T 33190-2016): the container read back, element order as the schemas give it, and every glyph where the PDF has
/// it.</summary>
public sealed class OfdStructureTests
{
    private static readonly XNamespace Ofd = OfdReader.Ofd;

    public static TheoryData<string> Documents => ["fixture", "stress"];

    private static (Core.Documents.ReportDocument Document, byte[] Pdf, byte[] Ofd) Of(string name) =>
        name == "fixture" ? OfdRendered.Fixture.Value : OfdRendered.Stress.Value;

    [Fact]
    public void The_root_file_declares_an_OFD_document_with_its_information_in_schema_order()
    {
        var (document, _, ofd) = OfdRendered.Fixture.Value;
        var container = OfdReader.Read(ofd);
        Assert.Equal("OFD.xml", container.Order[0]);
        var root = container.Xml("OFD.xml").Root!;
        Assert.Equal(Ofd + "OFD", root.Name);
        Assert.Equal("1.0", root.Attribute("Version")?.Value);
        Assert.Equal("OFD", root.Attribute("DocType")?.Value);
        var body = root.Element(Ofd + "DocBody")!;
        Assert.Equal(["DocInfo", "DocRoot"], body.Elements().Select(e => e.Name.LocalName));
        var info = body.Element(Ofd + "DocInfo")!;
        Assert.Equal(["DocID", "Title", "Author", "Subject", "CreationDate", "Creator"], info.Elements().Select(e => e.Name.LocalName));
        Assert.Matches("^[0-9a-f]{32}$", info.Element(Ofd + "DocID")!.Value);
        Assert.Equal(document.Info.Title, info.Element(Ofd + "Title")!.Value);
        Assert.Equal(document.Info.Author, info.Element(Ofd + "Author")!.Value);
        Assert.Equal("2024-01-15", info.Element(Ofd + "CreationDate")!.Value);
        Assert.Equal("Doc_0/Document.xml", body.Element(Ofd + "DocRoot")!.Value);
    }

    [Theory]
    [MemberData(nameof(Documents))]
    public void The_document_file_has_common_data_pages_and_outline_in_schema_order_with_A4_page_area(string name)
    {
        var container = OfdReader.Read(Of(name).Ofd);
        var document = container.Document.Root!;
        Assert.Equal(Ofd + "Document", document.Name);
        Assert.Equal(["CommonData", "Pages", "Outlines"], document.Elements().Select(e => e.Name.LocalName));
        var common = document.Element(Ofd + "CommonData")!;
        Assert.Equal(["MaxUnitID", "PageArea", "PublicRes", "DocumentRes"], common.Elements().Select(e => e.Name.LocalName));
        Assert.Equal("0 0 210 297", common.Element(Ofd + "PageArea")!.Element(Ofd + "PhysicalBox")!.Value);
        Assert.All(container.Files.Keys.Where(f => f.EndsWith(".xml", StringComparison.Ordinal)),
            f => Assert.Equal(Ofd, container.Xml(f).Root!.Name.Namespace));
        foreach (var (_, path) in container.PageFiles)
        {
            var page = container.Xml(path).Root!;
            Assert.Equal(Ofd + "Page", page.Name);
            foreach (var text in page.Descendants(Ofd + "TextObject"))
            {
                Assert.Equal(Ofd + "Layer", text.Parent!.Name);
                Assert.Equal(["TextCode"], text.Elements().Select(e => e.Name.LocalName).Distinct());
                Assert.NotNull(text.Attribute("Boundary"));
                Assert.NotNull(text.Attribute("Size"));
            }
        }
    }

    [Theory]
    [MemberData(nameof(Documents))]
    public void Every_id_is_unique_and_not_above_MaxUnitID_and_every_reference_resolves(string name)
    {
        var container = OfdReader.Read(Of(name).Ofd);
        var ids = container.Files.Keys.Where(f => f.EndsWith(".xml", StringComparison.Ordinal))
            .SelectMany(f => container.Xml(f).Descendants().Select(e => e.Attribute("ID")).OfType<XAttribute>())
            .Select(a => int.Parse(a.Value, CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
        var max = int.Parse(container.Document.Root!.Element(Ofd + "CommonData")!.Element(Ofd + "MaxUnitID")!.Value, CultureInfo.InvariantCulture);
        Assert.True(ids.Max() <= max, $"an ID {ids.Max()} is above MaxUnitID {max}");

        var folder = container.DocumentFolder;
        var common = container.Document.Root!.Element(Ofd + "CommonData")!;
        var publicRes = $"{folder}/{common.Element(Ofd + "PublicRes")!.Value}";
        Assert.Contains(publicRes, container.Files.Keys);
        Assert.Contains($"{folder}/{common.Element(Ofd + "DocumentRes")!.Value}", container.Files.Keys);
        Assert.All(container.PageFiles, p => Assert.Contains(p.Path, container.Files.Keys));
        var res = container.Xml(publicRes).Root!;
        var fonts = res.Descendants(Ofd + "Font").ToDictionary(f => f.Attribute("ID")!.Value);
        Assert.All(fonts.Values, f =>
        {
            Assert.False(string.IsNullOrEmpty(f.Attribute("FontName")?.Value));
            Assert.False(string.IsNullOrEmpty(f.Attribute("FamilyName")?.Value));
            Assert.Contains($"{folder}/{res.Attribute("BaseLoc")!.Value}/{f.Element(Ofd + "FontFile")!.Value}", container.Files.Keys);
        });
        var used = container.PageFiles.SelectMany(p => container.Xml(p.Path).Descendants(Ofd + "TextObject")).Select(t => t.Attribute("Font")!.Value)
            .ToHashSet();
        Assert.Subset(fonts.Keys.ToHashSet(), used);
        var pageIds = container.PageFiles.Select(p => p.Id.ToString(CultureInfo.InvariantCulture)).ToHashSet();
        Assert.All(container.Document.Descendants(Ofd + "Dest"), d => Assert.Contains(d.Attribute("PageID")!.Value, pageIds));
    }

    [Theory]
    [MemberData(nameof(Documents))]
    public void Every_embedded_font_is_a_TrueType_subset_that_maps_each_character_drawn_with_it_to_an_outline(string name)
    {
        var container = OfdReader.Read(Of(name).Ofd);
        var folder = container.DocumentFolder;
        var res = container.Xml($"{folder}/PublicRes.xml").Root!;
        var files = res.Descendants(Ofd + "Font").ToDictionary(f => int.Parse(f.Attribute("ID")!.Value, CultureInfo.InvariantCulture),
            f => $"{folder}/{res.Attribute("BaseLoc")!.Value}/{f.Element(Ofd + "FontFile")!.Value}");
        var drawn = Enumerable.Range(0, container.PageFiles.Count).SelectMany(container.Glyphs).GroupBy(g => g.Font);
        foreach (var glyphs in drawn)
        {
            var path = Rendered.WriteTemp(container.Files[files[glyphs.Key]], $"ofd/{name}-font-{glyphs.Key}.ttf");
            var face = FontFace.Load(path, 0);
            Assert.All(glyphs.Where(g => g.Text != " "), g => Assert.NotEqual(0, face.GlyphId(char.ConvertToUtf32(g.Text, 0))));
            var scan = Tools.Run("fc-scan", "--format", "%{fontformat}|%{charset}", path);
            Assert.Equal(0, scan.Exit);
            Assert.StartsWith("TrueType|", scan.Output, StringComparison.Ordinal);
            Assert.True(container.Files[files[glyphs.Key]].Length < 2_000_000,
                $"font {glyphs.Key} is {container.Files[files[glyphs.Key]].Length} bytes: not a subset");
        }
    }

    [Theory]
    [MemberData(nameof(Documents))]
    public void Every_character_sits_where_the_PDF_has_it(string name)
    {
        var (_, pdf, ofd) = Of(name);
        var container = OfdReader.Read(ofd);
        using var document = PdfDocument.Open(pdf);
        Assert.Equal(document.NumberOfPages, container.PageFiles.Count);
        const double mm = 72 / 25.4;
        foreach (var page in document.GetPages())
        {
            var letters = page.Letters.Where(l => !string.IsNullOrWhiteSpace(l.Value)).ToList();
            var glyphs = container.Glyphs(page.Number - 1).Where(g => !string.IsNullOrWhiteSpace(g.Text)).ToList();
            Assert.Equal(string.Concat(letters.Select(l => l.Value)), string.Concat(glyphs.Select(g => g.Text)));
            for (var i = 0; i < letters.Count; i++)
            {
                var x = letters[i].StartBaseLine.X / mm;
                var y = (page.Height - letters[i].StartBaseLine.Y) / mm;
                Assert.True(Math.Abs(x - glyphs[i].X) < 0.5, $"page {page.Number} '{glyphs[i].Text}': x {glyphs[i].X:F3} mm in the OFD, {x:F3} mm in the PDF");
                Assert.True(Math.Abs(y - glyphs[i].Y) < 0.15,
                    $"page {page.Number} '{glyphs[i].Text}': baseline {glyphs[i].Y:F3} mm in the OFD, {y:F3} mm in the PDF");
            }
        }
    }

    [Fact]
    public void The_outline_holds_the_title_and_each_level_one_heading_pointing_at_its_page_and_line()
    {
        var (document, pdf, ofd) = OfdRendered.Fixture.Value;
        var container = OfdReader.Read(ofd);
        var outline = container.Document.Root!.Element(Ofd + "Outlines")!;
        var title = Assert.Single(outline.Elements(Ofd + "OutlineElem"));
        Assert.Equal(document.Title, title.Attribute("Title")!.Value);
        var headings = document.Blocks.Where(b => b.Kind == Core.Documents.BlockKind.Heading).Select(b => b.Text).ToList();
        Assert.Equal(headings, title.Elements(Ofd + "OutlineElem").Select(e => e.Attribute("Title")!.Value));
        using var read = PdfDocument.Open(pdf);
        var pageIds = container.PageFiles.Select(p => p.Id).ToList();
        foreach (var heading in title.Elements(Ofd + "OutlineElem"))
        {
            var dest = heading.Descendants(Ofd + "Dest").Single();
            var index = pageIds.IndexOf(int.Parse(dest.Attribute("PageID")!.Value, CultureInfo.InvariantCulture));
            var top = double.Parse(dest.Attribute("Top")!.Value, CultureInfo.InvariantCulture);
            // The heading's first character is on that page, its baseline just below the destination's top.
            var glyphs = container.Glyphs(index);
            var text = heading.Attribute("Title")!.Value;
            var first = glyphs.First(g => g.Text == text[..1] && g.Y > top && g.Y - top < 10.3);
            Assert.NotNull(first);
            Assert.Contains(text[..Math.Min(6, text.Length)], read.GetPage(index + 1).Text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void The_same_report_gives_the_same_bytes()
    {
        var (document, _, ofd) = OfdRendered.Fixture.Value;
        var again = OfdRendered.Render(document, "kgj-2023-again").Item3;
        Assert.Equal(Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(ofd)),
            Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(again)));
    }

    [Fact]
    public void Characters_outside_the_BMP_are_one_character_drawn_with_the_fallback_face()
    {
        var container = OfdReader.Read(OfdRendered.Stress.Value.Ofd);
        var glyphs = Enumerable.Range(0, container.PageFiles.Count).SelectMany(container.Glyphs).ToList();
        var yoshi = glyphs.Where(g => g.Text == "𠮷").ToList();
        Assert.Equal(2, yoshi.Count);
        var res = container.Xml($"{container.DocumentFolder}/PublicRes.xml").Root!;
        var font = res.Descendants(Ofd + "Font").Single(f => f.Attribute("ID")!.Value == yoshi[0].Font.ToString(CultureInfo.InvariantCulture));
        Assert.Contains("LXGW", font.Attribute("FontName")!.Value, StringComparison.OrdinalIgnoreCase);
        Assert.Contains(glyphs, g => g.Text == "㐀");
    }
}
