using System.Diagnostics;
using System.Text.RegularExpressions;
using Reporting.Core.Documents;
using Reporting.Core.Templates;
using Reporting.Development.Seals;
using Reporting.Typesetting.Layout;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Actions;
using UglyToad.PdfPig.Annotations;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Outline;

namespace Reporting.Typesetting.Tests;

/// <summary>
/// A volume of three departments' reports (the fixture under three names, one of them shortened so its
/// report has an odd number of pages and the next one needs a blank page) and two missing departments.
/// </summary>
public sealed class VolumeCompilationFixture : IDisposable
{
    public const string Path = "/tmp/typeset/volume.pdf";

    public VolumeCompilationFixture()
    {
        var text = File.ReadAllText(System.IO.Path.Combine(Fixtures.SharedFixtures, "kgj-2023.txt"));
        var reports = new[] { "kgj", "rsj", "mzj" }.Select(code =>
        {
            var report = Fixtures.FromText(text, code);
            return new VolumeEntry(code, report.Signature, report);
        }).ToList();
        reports[0] = reports[0] with { Report = Shorten(reports[0].Report) };
        Volume = new VolumeDocument("魏都区", 2023, "魏都区2023年度法治政府建设情况报告汇编", reports,
            [
                Missing("czj", "魏都区财政局", ("measures", PartStatus.AwaitingReview), ("plans", PartStatus.NotSubmitted)),
                Missing("sfj", "魏都区司法局", ("shortcomings", PartStatus.Rejected)),
            ],
            new DocumentInfo("魏都区2023年度法治政府建设情况报告汇编", "魏都区法治政府建设领导小组办公室", "2023年度法治政府建设情况报告汇编",
                new DateTimeOffset(2024, 3, 31, 18, 0, 0, TimeSpan.FromHours(8))),
            "魏都区法治政府建设领导小组办公室", new DateOnly(2024, 1, 8), DevelopmentSeal.For("魏都区法治政府建设领导小组办公室"));
        Directory.CreateDirectory("/tmp/typeset");
        // Several test classes share this fixture's file: each writes a file of its own and moves it into place (the
        // volume is reproducible, so whichever lands last is the same).
        var own = Path + "." + Guid.NewGuid().ToString("N");
        using (var file = File.Create(own)) PageCount = Fixtures.Typesetter.Value.RenderVolume(Volume, file);
        Bytes = File.ReadAllBytes(own);
        File.Move(own, Path, overwrite: true);
        Document = PdfDocument.Open(Bytes);
        Pages = [.. Document.GetPages()];
    }

    public VolumeDocument Volume { get; }
    public int PageCount { get; }
    public byte[] Bytes { get; }
    public PdfDocument Document { get; }
    public IReadOnlyList<Page> Pages { get; }

    /// <summary>A department lacking the given parts in the given states; its other required parts are approved.</summary>
    public static MissingReport Missing(string code, string name, params (string Section, PartStatus Status)[] lacking) =>
        new(code, name, [.. ReportTemplate.RequiredSections.Select(s =>
            new PartState(s, lacking.Where(l => l.Section == s.Key).Select(l => l.Status).DefaultIfEmpty(PartStatus.Approved).First()))]);

    /// <summary>Drops paragraphs from the end until the report is one page shorter: a report of odd length.</summary>
    private static ReportDocument Shorten(ReportDocument report)
    {
        var pages = Fixtures.Typesetter.Value.Render(report).PageCount;
        if (pages % 2 == 1) return report;
        var blocks = report.Blocks.ToList();
        while (blocks.Count > 2)
        {
            blocks.RemoveAt(blocks.FindLastIndex(b => b.Kind == BlockKind.Paragraph));
            var shorter = report with { Blocks = [.. blocks] };
            if (Fixtures.Typesetter.Value.Render(shorter).PageCount % 2 == 1) return shorter;
        }
        throw new InvalidOperationException("cannot make an odd-length report");
    }

    public void Dispose() => Document.Dispose();
}

public class VolumeCompilationTests(VolumeCompilationFixture volume) : IClassFixture<VolumeCompilationFixture>
{
    /// <summary>Below the text block (35 mm from the page foot) only the page number stands.</summary>
    private const double BlockBottom = 35 * 72 / 25.4;

    [Fact]
    public void The_table_of_contents_gives_the_page_where_each_report_title_stands()
    {
        var entries = ContentsEntries();
        var expected = volume.Volume.Reports.Select(r => r.DepartmentName).Append("未完成报告的部门").ToList();
        Assert.Equal(expected, entries.Select(e => e.Name).ToList());
        var folios = Enumerable.Range(1, volume.Pages.Count).Where(p => Folio(p) is not null).ToDictionary(p => Folio(p)!.Value, p => p);
        for (var i = 0; i < volume.Volume.Reports.Count; i++)
        {
            var physical = folios[entries[i].Number];
            Assert.StartsWith(volume.Volume.Reports[i].Report.Title, Text(physical));
        }
        Assert.StartsWith("未完成报告的部门", Text(folios[entries[^1].Number]));

        foreach (var entry in entries)
        {
            var link = Assert.Single(volume.Pages[entry.Page - 1].GetAnnotations(),
                a => a.Type == AnnotationType.Link && a.Rectangle.Bottom <= entry.Baseline && entry.Baseline <= a.Rectangle.Top);
            var goTo = Assert.IsType<GoToAction>(link.Action);
            Assert.Equal(folios[entry.Number], goTo.Destination.PageNumber);
        }
    }

    [Fact]
    public void Each_report_starts_on_an_odd_page_and_blank_pages_carry_nothing()
    {
        var starts = volume.Volume.Reports.Select(r => TitlePage(r.Report.Title)).Append(TitlePage("未完成报告的部门")).ToList();
        Assert.All(starts, p => Assert.Equal(1, p % 2));
        var blanks = Enumerable.Range(1, volume.Pages.Count).Where(p => volume.Pages[p - 1].Letters.Count == 0).ToList();
        Assert.Contains(2, blanks); // the cover's back
        Assert.True(blanks.Count >= 2, "the shortened report is followed by a blank page");
        Assert.All(blanks, p =>
        {
            Assert.Equal(0, p % 2);
            Assert.True(p == 2 || starts.Contains(p + 1), $"blank page {p} is not before a section");
            Assert.Empty(volume.Pages[p - 1].GetAnnotations());
        });
        Assert.Equal(volume.Pages.Count, volume.PageCount);
    }

    /// <summary>
    /// Decision under test: numbers are physical page numbers and run through the whole volume; the cover
    /// (page 1) and blank pages print none; the contents start on page 3 and print theirs.
    /// </summary>
    [Fact]
    public void Page_numbers_run_through_the_volume_and_alternate_sides()
    {
        Assert.StartsWith("魏都区2023年度法治政府建设情况报告汇编", Text(1));
        Assert.Null(Folio(1));
        Assert.StartsWith("目录", Text(3));
        for (var p = 3; p <= volume.Pages.Count; p++)
        {
            var page = volume.Pages[p - 1];
            if (page.Letters.Count == 0) continue;
            Assert.Equal(p, Folio(p));
            var folio = page.Letters.Where(l => l.StartBaseLine.Y < BlockBottom).ToList();
            var middle = (double)page.Width / 2;
            if (p % 2 == 1) Assert.True(folio.Min(l => l.StartBaseLine.X) > middle, $"page {p}: odd page number on the right");
            else Assert.True(folio.Max(l => l.EndBaseLine.X) < middle, $"page {p}: even page number on the left");
        }
    }

    [Fact]
    public void Bookmarks_name_each_department_with_its_headings()
    {
        Assert.True(volume.Document.TryGetBookmarks(out var bookmarks));
        var roots = bookmarks.Roots;
        Assert.Equal(
            new[] { "目录" }.Concat(volume.Volume.Reports.Select(r => r.DepartmentName)).Append("未完成报告的部门"),
            roots.Select(r => r.Title));
        for (var i = 0; i < volume.Volume.Reports.Count; i++)
        {
            var report = volume.Volume.Reports[i].Report;
            var node = Assert.IsType<DocumentBookmarkNode>(roots[i + 1]);
            Assert.Equal(TitlePage(report.Title), node.PageNumber);
            Assert.Equal(report.Blocks.Where(b => b.Kind == BlockKind.Heading).Select(b => b.Text), node.Children.Select(c => c.Title));
            Assert.All(node.Children.Cast<DocumentBookmarkNode>(), c => Assert.Contains(c.Title, Text(c.PageNumber)));
        }
        Assert.Equal(TitlePage("未完成报告的部门"), Assert.IsType<DocumentBookmarkNode>(roots[^1]).PageNumber);
        Assert.Equal(3, Assert.IsType<DocumentBookmarkNode>(roots[0]).PageNumber);

        // A bookmark opens the page with its heading at the top of the window: /XYZ top is just above the heading's line.
        const double linePitch = 225 * 72 / 25.4 / 22;
        foreach (var node in bookmarks.GetNodes().OfType<DocumentBookmarkNode>().Where(n => n.Title != "目录"))
        {
            var top = node.Destination.Coordinates.Top ?? double.NaN;
            var page = volume.Pages[node.PageNumber - 1];
            var line = string.Concat(page.Letters.Where(l => l.StartBaseLine.Y < top && l.StartBaseLine.Y > top - linePitch)
                .OrderBy(l => l.StartBaseLine.X).Select(l => l.Value));
            Assert.True(line.Length > 0 && (node.Title.StartsWith(line, StringComparison.Ordinal) || line.StartsWith(node.Title, StringComparison.Ordinal)),
                $"bookmark {node.Title} opens above “{line}”");
        }

        // Departments start closed (/Count negative), so two hundred of them make a short list.
        var (_, json) = Run("qpdf", $"--json --json-key=outlines {VolumeCompilationFixture.Path}");
        using var outlines = System.Text.Json.JsonDocument.Parse(json);
        var departments = outlines.RootElement.GetProperty("outlines").EnumerateArray().Where(o => o.GetProperty("kids").GetArrayLength() > 0).ToList();
        Assert.Equal(volume.Volume.Reports.Count, departments.Count);
        Assert.All(departments, o => Assert.False(o.GetProperty("open").GetBoolean()));
    }

    [Fact]
    public void The_status_section_is_one_table_a_line_per_missing_department_with_each_parts_status_in_chinese()
    {
        var start = TitlePage("未完成报告的部门");
        Assert.Equal(volume.Pages.Count, start); // one page: a compact table, not a page of headings per department
        var lines = volume.Pages[start - 1].Letters.Where(l => !string.IsNullOrWhiteSpace(l.Value))
            .GroupBy(l => Math.Round(l.StartBaseLine.Y, 1)).OrderByDescending(g => g.Key)
            .Select(g => string.Concat(g.OrderBy(l => l.StartBaseLine.X).Select(l => l.Value))).ToList();
        Assert.Contains(lines, l => l.StartsWith("截至2024年3月31日，下列2个部门", StringComparison.Ordinal));
        var header = lines.FindIndex(l => l.StartsWith("部门", StringComparison.Ordinal));
        Assert.Equal("部门开头部分第一部分第二部分第三部分第四部分", lines[header]);
        Assert.Equal("魏都区财政局已通过已通过待审核已通过未提交", lines[header + 1]);
        Assert.Equal("魏都区司法局已通过已通过已通过已退回已通过", lines[header + 2]);
        Assert.Equal(header + 3, lines.Count - 1); // then only the page number
        Assert.DoesNotContain(lines, l => l.Contains("measures", StringComparison.Ordinal) || l.Contains("推进法治政府建设的主要举措", StringComparison.Ordinal));
    }

    [Fact]
    public void The_cover_names_the_title_the_compiler_and_the_month_not_the_title_twice()
    {
        var cover = Text(1);
        Assert.Equal("魏都区2023年度法治政府建设情况报告汇编魏都区法治政府建设领导小组办公室编2024年1月", cover);
        Assert.Empty(Text(2)); // the cover's back: the contents start on a right-hand page
    }

    [Fact]
    public void The_volume_passes_qpdf_check_and_gives_back_its_text_and_metadata()
    {
        var (code, output) = Run("qpdf", $"--check {VolumeCompilationFixture.Path}");
        Assert.Equal(0, code);
        Assert.DoesNotContain("WARNING", output, StringComparison.OrdinalIgnoreCase);

        var (_, text) = Run("pdftotext", $"-enc UTF-8 {VolumeCompilationFixture.Path} -");
        var flat = Regex.Replace(Regex.Replace(text, @"—\s*\d+\s*—", ""), @"\s+", ""); // page numbers fall inside paragraphs that go on overleaf
        foreach (var entry in volume.Volume.Reports)
            foreach (var block in entry.Report.Blocks)
                Assert.Contains(Regex.Replace(block.Text, @"\s+", ""), flat);

        Assert.Equal(volume.Volume.Info.Title, volume.Document.Information.Title);
        Assert.Equal(volume.Volume.Info.Author, volume.Document.Information.Author);
        Assert.Equal(volume.Volume.Info.Subject, volume.Document.Information.Subject);
        Assert.Contains("/Lang(zh-CN)", System.Text.Encoding.Latin1.GetString(volume.Bytes).Replace(" ", ""));
    }

    [Fact]
    public void The_volume_is_reproducible()
    {
        using var again = new MemoryStream();
        Fixtures.Typesetter.Value.RenderVolume(volume.Volume, again);
        Assert.Equal(volume.Bytes, again.ToArray());
    }

    /// <summary>A report in the volume stands where it stands alone: same lines at the same places, page for page.</summary>
    [Fact]
    public void A_report_is_laid_out_in_the_volume_as_when_alone()
    {
        var report = volume.Volume.Reports[1].Report;
        using var alone = PdfDocument.Open(Fixtures.Typesetter.Value.Render(report).Content);
        var start = TitlePage(report.Title);
        foreach (var page in alone.GetPages())
        {
            static IEnumerable<string> Body(Page p) => p.Letters.Where(l => l.StartBaseLine.Y >= BlockBottom)
                .Select(l => FormattableString.Invariant($"{l.Value}@{l.StartBaseLine.X:F1},{l.StartBaseLine.Y:F1}"));
            Assert.Equal(Body(page), Body(volume.Pages[start + page.Number - 2]));
        }
    }

    [Fact]
    public void A_complete_year_says_so_on_the_status_page()
    {
        var report = Fixtures.Kgj2023;
        var complete = volume.Volume with { Reports = [new VolumeEntry("kgj", report.Signature, report)], Missing = [] };
        using var output = new MemoryStream();
        var pages = Fixtures.Typesetter.Value.RenderVolume(complete, output);
        using var document = PdfDocument.Open(output.ToArray());
        Assert.Equal(pages, document.NumberOfPages);
        var last = string.Concat(document.GetPage(pages).Letters.Select(l => l.Value));
        Assert.Contains("各部门2023年度法治政府建设情况报告均已完成", last);
    }

    [Fact]
    public void A_long_department_name_wraps_in_the_contents_and_its_whole_entry_is_the_link()
    {
        const string name = "魏都区推进法治政府建设和依法行政工作领导小组办公室及其下属各工作专班联合工作组";
        var report = Fixtures.Kgj2023;
        var wide = volume.Volume with { Reports = [new VolumeEntry("x", name, report)], Missing = [] };
        using var output = new MemoryStream();
        Fixtures.Typesetter.Value.RenderVolume(wide, output);
        File.WriteAllBytes("/tmp/typeset/volume-wide.pdf", output.ToArray());
        using var document = PdfDocument.Open(output.ToArray());
        var contents = document.GetPage(3);
        var lines = contents.Letters.Where(l => l.StartBaseLine.Y >= BlockBottom).GroupBy(l => Math.Round(l.StartBaseLine.Y, 1))
            .OrderByDescending(g => g.Key).Select(g => (Y: g.Key, Text: string.Concat(g.OrderBy(l => l.StartBaseLine.X).Select(l => l.Value)))).ToList();
        Assert.Equal(name, string.Concat(lines.Skip(1).Take(2).Select(l => l.Text.TrimEnd('·', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9', ' '))));
        Assert.Matches(@"·+5$", lines[2].Text);
        var link = Assert.Single(contents.GetAnnotations(), a => a.Type == AnnotationType.Link && a.Rectangle.Bottom <= lines[2].Y
            && lines[1].Y <= a.Rectangle.Top);
        Assert.Equal(5, Assert.IsType<GoToAction>(link.Action).Destination.PageNumber);
    }

    private sealed record Entry(string Name, int Number, int Page, double Baseline);

    /// <summary>The contents' entries: lines with leaders, read as name · · · number.</summary>
    private List<Entry> ContentsEntries()
    {
        var entries = new List<Entry>();
        for (var p = 3; p < TitlePage(volume.Volume.Reports[0].Report.Title); p++)
            foreach (var line in volume.Pages[p - 1].Letters.Where(l => l.StartBaseLine.Y >= BlockBottom)
                         .GroupBy(l => Math.Round(l.StartBaseLine.Y, 1)).OrderByDescending(g => g.Key))
            {
                var text = string.Concat(line.OrderBy(l => l.StartBaseLine.X).Select(l => l.Value));
                var m = Regex.Match(text, @"^(.+?)·+(\d+)$");
                if (m.Success) entries.Add(new Entry(m.Groups[1].Value, int.Parse(m.Groups[2].Value), p, line.Key));
            }
        return entries;
    }

    private string Text(int page) => string.Concat(volume.Pages[page - 1].Letters.Select(l => l.Value)).Replace(" ", "").Replace("\u3000", "");

    private int? Folio(int page)
    {
        var text = string.Concat(volume.Pages[page - 1].Letters.Where(l => l.StartBaseLine.Y < BlockBottom).OrderBy(l => l.StartBaseLine.X)
            .Select(l => l.Value));
        var m = Regex.Match(text, @"^—\s*(\d+)\s*—$");
        return m.Success ? int.Parse(m.Groups[1].Value) : null;
    }

    private int TitlePage(string title) =>
        Enumerable.Range(1, volume.Pages.Count).Single(p => Text(p).StartsWith(title, StringComparison.Ordinal));

    private static (int Code, string Output) Run(string file, string arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(file, arguments) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, stdout.Result + stderr);
    }
}

public sealed class VolumeArchiveTests(VolumeCompilationFixture volume) : ArchiveTests, IClassFixture<VolumeCompilationFixture>
{
    private protected override byte[] Content => volume.Bytes;
    private protected override string Name => "volume";
}

/// <summary>The volume's structure tree and its sealed cover.</summary>
public class VolumeStructureTests(VolumeCompilationFixture volume) : IClassFixture<VolumeCompilationFixture>
{
    private static (int Exit, string Output) Pdfinfo(params string[] arguments)
    {
        var (exit, output, _) = Tools.Run("/usr/bin/pdfinfo", [.. arguments, VolumeCompilationFixture.Path]);
        return (exit, output);
    }

    [Fact]
    public void The_volume_is_tagged_cover_then_contents_as_a_TOC_then_each_report_a_Sect_with_its_own_H1_then_the_status()
    {
        Assert.Matches(@"Tagged:\s+yes", Pdfinfo().Output);
        var lines = Pdfinfo("-struct-text").Output.Split('\n');
        var top = lines.Where(l => Regex.IsMatch(l, @"^  \w")).Select(l => l.Trim().Split(' ')[0].TrimEnd(':')).ToList();
        Assert.Equal(["H1", "P", "P", "Figure", "Sect", .. volume.Volume.Reports.Select(_ => "Sect"), "Sect"], top);
        var sectionHeads = lines.Select((l, i) => (l, i)).Where(x => x.l == "  Sect").Select(x => lines[x.i + 2].Trim().Trim('"')).ToList();
        Assert.Equal(["目　录", .. volume.Volume.Reports.Select(r => r.Report.Title), "未完成报告的部门"], sectionHeads);
        var items = lines.SkipWhile(l => l != "    TOC").Skip(1).TakeWhile(l => l.StartsWith("      ", StringComparison.Ordinal))
            .Where(l => l.StartsWith("        \"", StringComparison.Ordinal)).Select(l => Regex.Match(l, "\"([^·]*)").Groups[1].Value).ToList();
        Assert.Equal([.. volume.Volume.Reports.Select(r => r.DepartmentName), "未完成报告的部门"], items);
        Assert.Equal(volume.Volume.Reports.Count + 1, lines.Count(l => l.Trim() == "Link (inline)"));
        Assert.DoesNotMatch(@"— ?\d+ ?—", string.Join('\n', lines));
    }

    [Fact]
    public void The_volume_s_parent_tree_root_holds_one_leaf_with_every_page_s_and_every_link_s_key_within_its_limits()
    {
        var pdf = QpdfJson.Read(Rendered.WriteTemp(volume.Bytes, "volume-parent-tree.pdf"));
        var treeRoot = pdf.Resolve(pdf.Resolve(pdf.Trailer.GetProperty("/Root")).GetProperty("/StructTreeRoot"));
        var parentTree = pdf.Resolve(treeRoot.GetProperty("/ParentTree"));
        Assert.False(parentTree.TryGetProperty("/Nums", out _), parentTree.ToString());
        var leaf = pdf.Resolve(Assert.Single(parentTree.GetProperty("/Kids").EnumerateArray()));
        var keys = leaf.GetProperty("/Nums").EnumerateArray().Where((_, i) => i % 2 == 0).Select(k => k.GetInt32()).ToList();
        Assert.Equal(keys.Order(), keys);
        Assert.Equal([keys[0], keys[^1]], leaf.GetProperty("/Limits").EnumerateArray().Select(k => k.GetInt32()));
        var used = pdf.Objects.Select(o => o.Value)
            .Where(v => v.ValueKind == System.Text.Json.JsonValueKind.Object)
            .SelectMany(v => new[] { "/StructParents", "/StructParent" }.Where(n => v.TryGetProperty(n, out _)).Select(n => v.GetProperty(n).GetInt32()))
            .ToList();
        Assert.True(used.Count > volume.Volume.Reports.Count + 1, "pages and links with keys: " + used.Count);
        Assert.All(used, k => Assert.Contains(k, keys));
        Assert.Equal(keys[^1] + 1, treeRoot.GetProperty("/ParentTreeNextKey").GetInt32());
    }

    [Fact]
    public void The_cover_carries_the_office_seal_centred_over_the_compiler_and_the_month()
    {
        var image = Assert.Single(volume.Pages[0].GetImages());
        var left = PageGeometry.Left(1);
        Assert.Equal(42, image.BoundingBox.Width / PageGeometry.Mm, 1);
        Assert.Equal(left + PageGeometry.BlockWidth / 2, (image.BoundingBox.Left + image.BoundingBox.Right) / 2, 1);
        var compiler = volume.Pages[0].Letters.Last(l => l.Value == "编"); // …办公室　编, below the title's 汇编
        Assert.InRange(compiler.StartBaseLine.Y, image.BoundingBox.Bottom, image.BoundingBox.Top);
        Assert.All(volume.Pages.Skip(1), p => Assert.Empty(p.GetImages()));
    }
}
