using System.Text.RegularExpressions;
using Reporting.Core.Documents;
using Reporting.Core.ReportAssembly;
using UglyToad.PdfPig;

namespace Reporting.Typesetting.Tests;

/// <summary>What the PDF says about itself and how tools read it: text, fonts, metadata, outline, validity.</summary>
public abstract class PdfPropertiesTests
{
    private protected abstract (ReportDocument Document, RenderedPdf Pdf, PdfPages Pages) Subject { get; }
    private protected abstract string Name { get; }

    private string File => Rendered.WriteTemp(Subject.Pdf.Content, Name + "-props.pdf");

    [Fact]
    public void Pdftotext_gives_back_the_text_exactly_apart_from_line_breaks()
    {
        // -raw: content order, and a line ending in a URL's hyphen is not taken for a hyphenated word and joined.
        var (exit, output, _) = Tools.Run("/usr/bin/pdftotext", "-raw", "-enc", "UTF-8", File, "-");
        Assert.Equal(0, exit);
        var document = Subject.Document;
        var expected = string.Concat(new[] { document.Title, document.Recipient ?? "" }.Concat(document.Blocks.Select(b => b.Text))
            .Append(document.Signature).Append(document.DateText));
        var actual = Regex.Replace(output, @"— ?\d+ ?—", "");
        Assert.Equal(Squeeze(expected), Squeeze(actual));
    }

    [Fact]
    public void Every_font_is_an_embedded_subset_with_a_ToUnicode_map_and_none_is_Type_3()
    {
        var (exit, output, _) = Tools.Run("/usr/bin/pdffonts", File);
        Assert.Equal(0, exit);
        var rows = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(2).ToList();
        Assert.NotEmpty(rows);
        foreach (var row in rows)
        {
            Assert.DoesNotContain("Type 3", row);
            Assert.Contains("CID TrueType", row);
            Assert.Matches(@"^[A-Z]{6}\+", row);
            Assert.Matches(@"yes\s+yes\s+yes\s+\d+\s+\d+\s*$", row);
        }
    }

    [Fact]
    public void Qpdf_check_finds_no_problem()
    {
        var (exit, output, error) = Tools.Run("/usr/bin/qpdf", "--check", File);
        Assert.Equal(0, exit);
        Assert.DoesNotContain("WARNING", output + error, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("No syntax or stream encoding errors", output);
    }

    [Fact]
    public void Every_stream_decodes_to_its_end()
    {
        var qdf = Path.ChangeExtension(File, ".qdf.pdf");
        var (exit, output, error) = Tools.Run("/usr/bin/qpdf", "--qdf", "--object-streams=disable", File, qdf);
        Assert.Equal(0, exit);
        Assert.DoesNotContain("WARNING", output + error, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Metadata_names_title_author_subject_creation_date_and_language()
    {
        using var pdf = PdfDocument.Open(Subject.Pdf.Content);
        var info = Subject.Document.Info;
        Assert.Equal(info.Title, pdf.Information.Title);
        Assert.Equal(info.Author, pdf.Information.Author);
        Assert.Equal(info.Subject, pdf.Information.Subject);
        Assert.Equal(info.CreatedAt.ToUniversalTime(), pdf.Information.GetCreatedDateTimeOffset()!.Value.ToUniversalTime());
        Assert.Equal("zh-CN", pdf.Structure.Catalog.CatalogDictionary.Data["Lang"].ToString()!.Trim('(', ')'));
    }

    [Fact]
    public void The_outline_holds_the_title_and_every_level_one_heading()
    {
        using var pdf = PdfDocument.Open(Subject.Pdf.Content);
        Assert.True(pdf.TryGetBookmarks(out var bookmarks));
        var root = Assert.Single(bookmarks.Roots);
        Assert.Equal(Subject.Document.Title, root.Title);
        Assert.Equal(Subject.Document.Blocks.Where(b => b.Kind == BlockKind.Heading).Select(b => b.Text), root.Children.Select(c => c.Title));
    }

    [Fact]
    public void Rendering_again_gives_the_same_bytes()
    {
        var again = Fixtures.Typesetter.Value.Render(Subject.Document);
        Assert.Equal(Subject.Pdf.Sha256, again.Sha256);
        Assert.Equal(Subject.Pdf.PageCount, again.PageCount);
    }

    [Fact]
    public void Poppler_renders_every_page()
    {
        var prefix = Path.Combine(Path.GetDirectoryName(File)!, Name + "-page");
        var (exit, _, error) = Tools.Run("/usr/bin/pdftoppm", "-r", "30", "-png", File, prefix);
        Assert.Equal(0, exit);
        Assert.Equal("", error.Trim());
        Assert.Equal(Subject.Pdf.PageCount, Directory.GetFiles(Path.GetDirectoryName(File)!, Name + "-page-*.png").Length);
    }

    [Fact]
    public void Pdfinfo_calls_the_file_tagged_and_its_structure_reads_the_title_then_every_paragraph_in_order_without_page_numbers()
    {
        var (exit, info, _) = Tools.Run("/usr/bin/pdfinfo", File);
        Assert.Equal(0, exit);
        Assert.Matches(@"Tagged:\s+yes", info);
        var (_, structure, _) = Tools.Run("/usr/bin/pdfinfo", "-struct-text", File);
        var elements = StructureText(structure);
        var document = Subject.Document;
        var expected = new List<(string, string)> { ("H1", document.Title) };
        if (document.Recipient is not null) expected.Add(("P", document.Recipient));
        expected.AddRange(document.Blocks.Select(b => (b.Kind == BlockKind.Heading ? "H2" : "P", b.Text)));
        expected.Add(("P", document.Signature + document.DateText));
        if (document.Seal is not null) expected.Add(("Figure", ""));
        Assert.Equal(expected.Select(e => (e.Item1, Squeeze(e.Item2))), elements.Select(e => (e.Role, Squeeze(e.Text))));
        Assert.DoesNotMatch(@"— ?\d+ ?—", structure);
    }

    [Fact]
    public void The_catalog_says_marked_language_zh_CN_and_display_the_document_title()
    {
        using var pdf = PdfDocument.Open(Subject.Pdf.Content);
        var catalog = pdf.Structure.Catalog.CatalogDictionary;
        Assert.Equal("zh-CN", catalog.Data["Lang"].ToString()!.Trim('(', ')'));
        var (_, json, _) = Tools.Run("/usr/bin/qpdf", "--json", "--json-key=qpdf", File);
        Assert.Contains("\"/Marked\": true", json);
        Assert.Contains("\"/DisplayDocTitle\": true", json);
        Assert.Contains("\"/StructTreeRoot\"", json);
    }

    [Fact]
    public void The_parent_tree_s_root_holds_one_leaf_whose_limits_span_every_page_s_StructParents_key()
    {
        var pdf = QpdfJson.Read(File);
        var treeRoot = pdf.Resolve(pdf.Resolve(pdf.Trailer.GetProperty("/Root")).GetProperty("/StructTreeRoot"));
        var parentTree = pdf.Resolve(treeRoot.GetProperty("/ParentTree"));
        // The root holds its leaf in /Kids, not the /Nums themselves: the signature's update then rewrites only the root.
        Assert.False(parentTree.TryGetProperty("/Nums", out _), parentTree.ToString());
        var leaf = pdf.Resolve(Assert.Single(parentTree.GetProperty("/Kids").EnumerateArray()));
        var nums = leaf.GetProperty("/Nums").EnumerateArray().ToList();
        var keys = nums.Where((_, i) => i % 2 == 0).Select(k => k.GetInt32()).ToList();
        Assert.Equal(keys.Order(), keys);
        Assert.Equal([keys[0], keys[^1]], leaf.GetProperty("/Limits").EnumerateArray().Select(k => k.GetInt32()));
        var pages = pdf.Objects.Where(o => o.Value.ValueKind == System.Text.Json.JsonValueKind.Object
            && o.Value.TryGetProperty("/Type", out var type) && type.GetString() == "/Page").ToList();
        var pageKeys = pages.Where(p => p.Value.TryGetProperty("/StructParents", out _)).Select(p => p.Value.GetProperty("/StructParents").GetInt32()).ToList();
        Assert.NotEmpty(pageKeys);
        Assert.All(pageKeys, k => Assert.Contains(k, keys));
        Assert.Equal(keys.Max() + 1, treeRoot.GetProperty("/ParentTreeNextKey").GetInt32());
    }

    /// <summary>The top-level elements of `pdfinfo -struct-text` under Document, with their text joined.</summary>
    private static List<(string Role, string Text)> StructureText(string output)
    {
        var elements = new List<(string Role, string Text)>();
        foreach (var line in output.Split('\n'))
        {
            var role = Regex.Match(line, @"^  (\w+)[ :]");
            if (role.Success) { elements.Add((role.Groups[1].Value, "")); continue; }
            var text = Regex.Match(line, "^    +\"(.*)\"$");
            if (text.Success && elements.Count > 0) elements[^1] = (elements[^1].Role, elements[^1].Text + text.Groups[1].Value);
        }
        return elements;
    }

    private static string Squeeze(string text) => Regex.Replace(text, @"\s+", "");
}

public sealed class FixturePdfPropertiesTests : PdfPropertiesTests
{
    private protected override (ReportDocument Document, RenderedPdf Pdf, PdfPages Pages) Subject => Rendered.Fixture.Value;
    private protected override string Name => "kgj-2023";

    [Fact]
    public void Pdffonts_lists_FandolFang_FandolSong_Bold_FandolHei_FandolKai_FandolSong_and_Liberation_Serif()
    {
        var (exit, output, _) = Tools.Run("/usr/bin/pdffonts", Rendered.WriteTemp(Subject.Pdf.Content, Name + "-fonts.pdf"));
        Assert.Equal(0, exit);
        // pdffonts prints the base font name (subset tag + the face's own name) in the first 37 columns.
        var names = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(2).Select(r => r[..Math.Min(37, r.Length)].Trim()[7..]).Order().ToList();
        Assert.Equal(["FandolFang R", "FandolHei", "FandolKai", "FandolSong", "FandolSong,Bold", "Liberation Serif", "Liberation Serif,Bold"], names);
    }
}

public sealed class StressPdfPropertiesTests : PdfPropertiesTests
{
    private protected override (ReportDocument Document, RenderedPdf Pdf, PdfPages Pages) Subject => Rendered.Stress.Value;
    private protected override string Name => "stress";
}

public sealed class SealedFixturePdfPropertiesTests : PdfPropertiesTests
{
    private protected override (ReportDocument Document, RenderedPdf Pdf, PdfPages Pages) Subject => Rendered.SealedFixture.Value;
    private protected override string Name => "kgj-2023-sealed";
}
