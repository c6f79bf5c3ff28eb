using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Xml.Linq;
using Reporting.Core.Documents;
using UglyToad.PdfPig;

namespace Reporting.Typesetting.Tests;

/// <summary>
/// The PDF/A-2 (level U) and PDF/UA-1 rules the files rely on, one test each, read back from the file (no PDF/A validator
/// is at hand): XMP identification and metadata in step with the Info dictionary, an sRGB output intent, fonts embedded
/// (subset, ToUnicode, CIDToGIDMap), no encryption, JavaScript, external references or interpolated images, a file ID.
/// </summary>
public abstract class ArchiveTests
{
    private static readonly XNamespace Rdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
    private protected static readonly XNamespace Dc = "http://purl.org/dc/elements/1.1/";
    private static readonly XNamespace Xmp = "http://ns.adobe.com/xap/1.0/";
    private static readonly XNamespace Pdf = "http://ns.adobe.com/pdf/1.3/";
    private static readonly XNamespace PdfAId = "http://www.aiim.org/pdfa/ns/id/";
    private static readonly XNamespace PdfUaId = "http://www.aiim.org/pdfua/ns/id/";

    private protected abstract byte[] Content { get; }
    private protected abstract string Name { get; }

    private string File => Rendered.WriteTemp(Content, Name + "-archive.pdf");

    private XDocument Metadata(out QpdfJson json)
    {
        json = QpdfJson.Read(File);
        var reference = json.Catalog.GetProperty("/Metadata");
        var dictionary = json.Resolve(reference);
        Assert.Equal("/Metadata", dictionary.GetProperty("/Type").GetString());
        Assert.False(dictionary.TryGetProperty("/Filter", out _), "the XMP stream is left unfiltered, readable by any tool");
        return XDocument.Parse(Encoding.UTF8.GetString(json.StreamData(reference)).TrimStart('\uFEFF'));
    }

    private static string Value(XDocument xmp, XName name) => Assert.Single(xmp.Descendants(name)).Value.Trim();

    [Fact]
    public void The_XMP_says_PDF_A_2U_and_PDF_UA_1_and_declares_the_pdfuaid_schema()
    {
        var xmp = Metadata(out _);
        Assert.Equal("2", Value(xmp, PdfAId + "part"));
        Assert.Equal("U", Value(xmp, PdfAId + "conformance"));
        Assert.Equal("1", Value(xmp, PdfUaId + "part"));
        Assert.Contains(xmp.Descendants(XNamespace.Get("http://www.aiim.org/pdfa/ns/schema#") + "namespaceURI"), e => e.Value == PdfUaId.NamespaceName);
    }

    [Fact]
    public void The_XMP_title_author_subject_tool_producer_and_dates_are_those_of_the_Info_dictionary()
    {
        var xmp = Metadata(out _);
        using var pdf = PdfDocument.Open(Content);
        var info = pdf.Information;
        Assert.Equal(info.Title, Value(xmp, Dc + "title"));
        Assert.Equal(info.Author, Value(xmp, Dc + "creator"));
        Assert.Equal(info.Subject, Value(xmp, Dc + "description"));
        Assert.Equal(info.Creator, Value(xmp, Xmp + "CreatorTool"));
        Assert.Equal(info.Producer, Value(xmp, Pdf + "Producer"));
        var created = DateTimeOffset.Parse(Value(xmp, Xmp + "CreateDate"), CultureInfo.InvariantCulture);
        Assert.Equal(info.GetCreatedDateTimeOffset(), created);
        Assert.Equal(info.GetModifiedDateTimeOffset(), DateTimeOffset.Parse(Value(xmp, Xmp + "ModifyDate"), CultureInfo.InvariantCulture));
    }

    [Fact]
    public void The_output_intent_is_an_sRGB_ICC_display_profile_with_three_components()
    {
        var json = QpdfJson.Read(File);
        var intent = json.Resolve(Assert.Single(json.Catalog.GetProperty("/OutputIntents").EnumerateArray()));
        Assert.Equal("/GTS_PDFA1", intent.GetProperty("/S").GetString());
        var reference = intent.GetProperty("/DestOutputProfile");
        Assert.Equal(3, json.Resolve(reference).GetProperty("/N").GetInt32());
        var icc = json.StreamData(reference);
        Assert.Equal(icc.Length, BinaryPrimitives.ReadInt32BigEndian(icc));
        Assert.Equal("acsp", Encoding.ASCII.GetString(icc, 36, 4));
        Assert.Equal("mntr", Encoding.ASCII.GetString(icc, 12, 4));
        Assert.Equal("RGB ", Encoding.ASCII.GetString(icc, 16, 4));
        Assert.Equal("XYZ ", Encoding.ASCII.GetString(icc, 20, 4));
        Assert.InRange(icc[8], 2, 4); // ICC version 2 to 4, as PDF/A-2 allows
        var tags = Enumerable.Range(0, BinaryPrimitives.ReadInt32BigEndian(icc.AsSpan(128)))
            .Select(i => (Tag: Encoding.ASCII.GetString(icc, 132 + 12 * i, 4), At: BinaryPrimitives.ReadInt32BigEndian(icc.AsSpan(136 + 12 * i)),
                Size: BinaryPrimitives.ReadInt32BigEndian(icc.AsSpan(140 + 12 * i)))).ToList();
        Assert.Equal(["bTRC", "bXYZ", "cprt", "desc", "gTRC", "gXYZ", "rTRC", "rXYZ", "wtpt"], tags.Select(t => t.Tag).Order());
        Assert.All(tags, t => Assert.True(t.At % 4 == 0 && t.At + t.Size <= icc.Length, $"tag {t.Tag} lies inside the profile"));
    }

    [Fact]
    public void Every_font_is_embedded_with_ToUnicode_and_every_CID_font_has_a_CIDToGIDMap()
    {
        var json = QpdfJson.Read(File);
        var fonts = json.Objects.Where(o => o.Value.ValueKind == JsonValueKind.Object && o.Value.TryGetProperty("/Type", out var t)
            && t.GetString() == "/Font").ToList();
        Assert.NotEmpty(fonts);
        foreach (var (key, font) in fonts)
        {
            var subtype = font.GetProperty("/Subtype").GetString();
            if (subtype == "/Type0") { Assert.True(font.TryGetProperty("/ToUnicode", out _), key); continue; }
            Assert.Equal("/CIDFontType2", subtype);
            Assert.True(font.TryGetProperty("/CIDToGIDMap", out _), key);
            Assert.True(json.Resolve(font.GetProperty("/FontDescriptor")).TryGetProperty("/FontFile2", out _), key);
        }
    }

    [Fact]
    public void Nothing_is_encrypted_scripted_interpolated_or_fetched_from_outside_and_the_trailer_has_an_ID()
    {
        var json = QpdfJson.Read(File);
        Assert.False(json.Trailer.TryGetProperty("/Encrypt", out _));
        Assert.Equal(2, json.Trailer.GetProperty("/ID").GetArrayLength());
        var text = string.Join("\n", json.Objects.Select(o => o.Value.GetRawText()));
        foreach (var forbidden in new[] { "\"/JavaScript\"", "\"/JS\"", "\"/URI\"", "\"/Launch\"", "\"/GoToR\"", "\"/EmbeddedFiles\"", "\"/AA\"",
            "\"/Interpolate\": true" })
            Assert.DoesNotContain(forbidden, text);
        Assert.False(json.Catalog.TryGetProperty("/OpenAction", out _));
    }

    [Fact]
    public void The_header_says_PDF_1_7_followed_by_a_binary_comment()
    {
        Assert.Equal("%PDF-1.7\n%", Encoding.ASCII.GetString(Content, 0, 10));
        Assert.All(Content.Skip(10).Take(4), b => Assert.True(b > 127));
    }
}

public sealed class FixtureArchiveTests : ArchiveTests
{
    private protected override byte[] Content => Rendered.Fixture.Value.Pdf.Content;
    private protected override string Name => "kgj-2023";

    [Fact]
    public void A_title_with_ampersand_and_angle_brackets_keeps_the_XMP_well_formed()
    {
        var document = Fixtures.Kgj2023 with { Info = Fixtures.Kgj2023.Info with { Title = "科工局 <测试> & “报告”" } };
        var pdf = Fixtures.Typesetter.Value.Render(document);
        var json = QpdfJson.Read(Rendered.WriteTemp(pdf.Content, "escaped-title.pdf"));
        var xmp = XDocument.Parse(Encoding.UTF8.GetString(json.StreamData(json.Catalog.GetProperty("/Metadata"))).TrimStart('\uFEFF'));
        Assert.Equal("科工局 <测试> & “报告”", xmp.Descendants(Dc + "title").Single().Value.Trim());
    }
}

public sealed class SealedFixtureArchiveTests : ArchiveTests
{
    private protected override byte[] Content => Rendered.SealedFixture.Value.Pdf.Content;
    private protected override string Name => "kgj-2023-sealed";
}
