using System.IO.Compression;
using System.Xml.Linq;
using Reporting.Core.Documents;
using Reporting.Typesetting.Docx;

namespace Reporting.Typesetting.Tests;

/// <summary>The editable copy (.docx): the report's words in order, GB/T 9704's styles, a package Word can open.</summary>
public sealed class DocxPackageTests
{
    private static readonly XNamespace W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
    private static readonly XNamespace R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    private static readonly DocxOptions Dated = new() { DateText = "2024年1月15日", HeaderNote = "可编辑副本，正式文件以签章PDF为准" };

    private static Dictionary<string, XDocument> Parts(byte[] docx)
    {
        using var zip = new ZipArchive(new MemoryStream(docx), ZipArchiveMode.Read);
        return zip.Entries.ToDictionary(e => e.FullName, e =>
        {
            using var stream = e.Open();
            return XDocument.Load(stream);
        });
    }

    private static List<XElement> Paragraphs(byte[] docx) => Parts(docx)["word/document.xml"].Descendants(W + "p").ToList();

    private static string Text(XElement paragraph) => string.Concat(paragraph.Descendants(W + "t").Select(t => t.Value));

    private static string? Style(XElement paragraph) => paragraph.Element(W + "pPr")?.Element(W + "pStyle")?.Attribute(W + "val")?.Value;

    [Fact]
    public void The_copy_holds_the_title_recipient_every_block_and_the_signature_block_in_reading_order()
    {
        var document = Fixtures.Kgj2023;
        var paragraphs = Paragraphs(DocxPackage.Write(document, Dated));

        string[] expected = [document.Title, document.Recipient!, .. document.Blocks.Select(b => b.Text), document.Signature, "2024年1月15日"];
        Assert.Equal(expected, paragraphs.Select(Text));
        Assert.Equal("GbtTitle", Style(paragraphs[0]));
        Assert.Equal("GbtRecipient", Style(paragraphs[1]));
        var blocks = paragraphs.Skip(2).Take(document.Blocks.Count).ToList();
        Assert.All(document.Blocks.Zip(blocks), pair =>
            Assert.Equal(pair.First.Kind == BlockKind.Heading ? "Heading1" : null, Style(pair.Second)));
        Assert.Equal(["GbtSignature", "GbtSignature"], paragraphs.TakeLast(2).Select(Style));
    }

    [Fact]
    public void A_draft_copy_without_a_date_has_no_signature_block()
    {
        var document = Fixtures.Kgj2023;
        var paragraphs = Paragraphs(DocxPackage.Write(document, new DocxOptions()));

        Assert.Equal(2 + document.Blocks.Count, paragraphs.Count);
        Assert.DoesNotContain(paragraphs, p => Style(p) == "GbtSignature");
        Assert.False(Parts(DocxPackage.Write(document, new DocxOptions())).ContainsKey("word/header1.xml"));
    }

    [Fact]
    public void A_run_in_heading_sentence_is_set_in_Kai_and_the_rest_of_its_paragraph_in_the_body_face()
    {
        var document = Fixtures.FromText("一、履职情况\n（一）强化组织领导。全年召开会议三次。\n（二）只有标题没有句号\n普通段落。");
        var paragraphs = Paragraphs(DocxPackage.Write(document, Dated));

        var runIn = paragraphs.Single(p => Text(p).StartsWith("（一）", StringComparison.Ordinal));
        var runs = runIn.Elements(W + "r").ToList();
        Assert.Equal(["（一）强化组织领导。", "全年召开会议三次。"], runs.Select(Text));
        Assert.Equal("楷体_GB2312", runs[0].Element(W + "rPr")!.Element(W + "rFonts")!.Attribute(W + "eastAsia")!.Value);
        Assert.Null(runs[1].Element(W + "rPr"));
        var whole = paragraphs.Single(p => Text(p).StartsWith("（二）", StringComparison.Ordinal)).Elements(W + "r").ToList();
        Assert.Equal("楷体_GB2312", Assert.Single(whole).Element(W + "rPr")!.Element(W + "rFonts")!.Attribute(W + "eastAsia")!.Value);
        Assert.Null(Assert.Single(paragraphs.Single(p => Text(p) == "普通段落。").Elements(W + "r")).Element(W + "rPr"));
    }

    [Fact]
    public void The_styles_name_the_GBT_9704_faces_and_sizes_with_the_Fandol_faces_as_alternates()
    {
        var parts = Parts(DocxPackage.Write(Fixtures.Kgj2023, Dated));
        var styles = parts["word/styles.xml"].Descendants(W + "style").ToDictionary(s => s.Attribute(W + "styleId")!.Value);
        string Face(XElement? rPr) => rPr!.Element(W + "rFonts")!.Attribute(W + "eastAsia")!.Value;
        string Size(XElement? rPr) => rPr!.Element(W + "sz")!.Attribute(W + "val")!.Value;

        var defaults = parts["word/styles.xml"].Descendants(W + "rPrDefault").Single().Element(W + "rPr");
        Assert.Equal(("仿宋_GB2312", "32"), (Face(defaults), Size(defaults)));
        Assert.Equal(("方正小标宋简体", "44"), (Face(styles["GbtTitle"].Element(W + "rPr")), Size(styles["GbtTitle"].Element(W + "rPr"))));
        Assert.Equal("黑体", Face(styles["Heading1"].Element(W + "rPr")));
        Assert.Equal("heading 1", styles["Heading1"].Element(W + "name")!.Attribute(W + "val")!.Value);
        Assert.Equal("0", styles["Heading1"].Descendants(W + "outlineLvl").Single().Attribute(W + "val")!.Value);
        Assert.Equal(("宋体", "28"), (Face(styles["Footer"].Element(W + "rPr")), Size(styles["Footer"].Element(W + "rPr"))));
        Assert.Equal("640", styles["Normal"].Descendants(W + "ind").Single().Attribute(W + "firstLine")!.Value);

        var fonts = parts["word/fontTable.xml"].Descendants(W + "font")
            .ToDictionary(f => f.Attribute(W + "name")!.Value, f => f.Element(W + "altName")?.Attribute(W + "val")!.Value);
        Assert.Equal("FandolSong", fonts["方正小标宋简体"]);
        Assert.Equal("FandolFang", fonts["仿宋_GB2312"]);
        Assert.Equal("FandolHei", fonts["黑体"]);
        Assert.Equal("FandolKai", fonts["楷体_GB2312"]);
    }

    [Fact]
    public void The_page_is_A4_with_the_GBT_9704_margins_mirrored_and_a_grid_of_22_lines()
    {
        var parts = Parts(DocxPackage.Write(Fixtures.Kgj2023, Dated));
        var section = parts["word/document.xml"].Descendants(W + "sectPr").Single();
        int Twips(string element, string attribute) => int.Parse(section.Element(W + element)!.Attribute(W + attribute)!.Value);
        static double Mm(int twips) => twips / 20.0 * 25.4 / 72;

        Assert.Equal((210, 297), ((int)Math.Round(Mm(Twips("pgSz", "w"))), (int)Math.Round(Mm(Twips("pgSz", "h")))));
        Assert.Equal(37, Mm(Twips("pgMar", "top")), 0.1);
        Assert.Equal(28, Mm(Twips("pgMar", "left")), 0.1);
        Assert.Equal(156, 210 - Mm(Twips("pgMar", "left")) - Mm(Twips("pgMar", "right")), 0.1);
        Assert.Equal(225, 297 - Mm(Twips("pgMar", "top")) - Mm(Twips("pgMar", "bottom")), 0.1);
        Assert.Equal(225.0 / 22, Mm(Twips("docGrid", "linePitch")), 0.05);
        Assert.NotNull(parts["word/settings.xml"].Root!.Element(W + "mirrorMargins"));
        Assert.NotNull(parts["word/settings.xml"].Root!.Element(W + "evenAndOddHeaders"));
        var footers = section.Elements(W + "footerReference").ToDictionary(f => f.Attribute(W + "type")!.Value, f => f.Attribute(R + "id")!.Value);
        Assert.Equal(["default", "even"], footers.Keys.Order());
        Assert.Equal("— 1 —", Text(parts["word/footer1.xml"].Descendants(W + "p").Single()));
        Assert.Equal("right", parts["word/footer1.xml"].Descendants(W + "jc").Single().Attribute(W + "val")!.Value);
        Assert.Equal("left", parts["word/footer2.xml"].Descendants(W + "jc").Single().Attribute(W + "val")!.Value);
        Assert.Equal(Dated.HeaderNote, Text(parts["word/header1.xml"].Descendants(W + "p").Single()));
    }

    [Theory]
    [InlineData("魏都区科学技术和工业信息化局", 12, 14)]
    [InlineData("科工局", 21.25, 19.5)]
    public void The_signature_block_follows_the_unsealed_rule_in_characters(string signature, double signatureStart, double dateStart)
    {
        // 28 characters a line. A long name: right-aligned two in (28 − 2 − 14 = 12), the date two right of it (14).
        // A short one: the date (6.5 characters) right-aligned two in (19.5) and the name centred over it (21.25).
        var document = Fixtures.Kgj2023 with { Signature = signature };
        var lastTwo = Paragraphs(DocxPackage.Write(document, Dated)).TakeLast(2).ToList();
        double LeftChars(XElement p) => int.Parse(p.Descendants(W + "ind").Single().Attribute(W + "leftChars")!.Value) / 100.0;

        Assert.Equal(signatureStart, LeftChars(lastTwo[0]));
        Assert.Equal(dateStart, LeftChars(lastTwo[1]));
    }

    [Fact]
    public void Every_part_a_relationship_names_is_in_the_package_with_a_content_type()
    {
        var parts = Parts(DocxPackage.Write(Fixtures.Kgj2023, Dated));
        XNamespace types = "http://schemas.openxmlformats.org/package/2006/content-types";
        var overrides = parts["[Content_Types].xml"].Root!.Elements(types + "Override").Select(o => o.Attribute("PartName")!.Value.TrimStart('/')).ToHashSet();
        XNamespace rels = "http://schemas.openxmlformats.org/package/2006/relationships";

        var targets = parts["_rels/.rels"].Root!.Elements(rels + "Relationship").Select(r => r.Attribute("Target")!.Value)
            .Concat(parts["word/_rels/document.xml.rels"].Root!.Elements(rels + "Relationship").Select(r => "word/" + r.Attribute("Target")!.Value))
            .ToList();
        Assert.All(targets, target => Assert.True(parts.ContainsKey(target) && overrides.Contains(target), target));
        Assert.Equal(parts.Keys.Where(k => !k.EndsWith(".rels", StringComparison.Ordinal) && k != "[Content_Types].xml").Order(), targets.Order());
        var ids = parts["word/document.xml"].Descendants().Attributes(R + "id").Select(a => a.Value);
        var declared = parts["word/_rels/document.xml.rels"].Root!.Elements(rels + "Relationship").Select(r => r.Attribute("Id")!.Value).ToHashSet();
        Assert.All(ids, id => Assert.Contains(id, declared));
        Assert.Equal(Fixtures.Kgj2023.Title, parts["docProps/core.xml"].Descendants(XName.Get("title", "http://purl.org/dc/elements/1.1/")).Single().Value);
    }

    [Fact]
    public void The_same_document_gives_the_same_bytes()
    {
        Assert.Equal(DocxPackage.Write(Fixtures.Kgj2023, Dated), DocxPackage.Write(Fixtures.Kgj2023, Dated));
    }
}
