using Reporting.Core.Documents;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Outline;

namespace Reporting.Typesetting.Tests;

public class VolumeTests
{
    private static readonly Lazy<(VolumeDocument Volume, byte[] Pdf, int Pages)> Rendered = new(() =>
    {
        var kgj = Fixtures.Kgj2023;
        var stress = StressReport.Build();
        var short1 = Fixtures.FromText("法治政府建设情况的报告\n\n本局认真履行职责。\n一、党政主要负责人履行职责情况\n局主要负责人带头学法。\n二、主要举措和成效\n（一）完善制度。建立健全制度。", "sfj");
        var volume = new VolumeDocument("魏都区", 2023, "魏都区2023年度法治政府建设情况报告汇编",
            [new("kgj", "魏都区科学技术和工业信息化局", kgj), new("rsj", "魏都区人力资源和社会保障局", stress), new("sfj", "魏都区司法局", short1)],
            [new("jyj", "魏都区教育局", ["三、推进法治政府建设存在的不足和原因", "四、下一年度推进法治政府建设的主要安排"])],
            new DocumentInfo("魏都区2023年度法治政府建设情况报告汇编", "魏都区法治政府建设领导小组办公室", "2023年度法治政府建设情况报告汇编", new DateTimeOffset(2024, 3, 1, 9, 0, 0, TimeSpan.FromHours(8))));
        using var output = new MemoryStream();
        var pages = Fixtures.Typesetter.Value.RenderVolume(volume, output);
        var bytes = output.ToArray();
        File.WriteAllBytes(Path.Combine(Path.GetTempPath(), "typeset-tests", "volume.pdf"), bytes);
        return (volume, bytes, pages);
    });

    private static PdfPages Pages => PdfPages.Read(Rendered.Value.Pdf);

    private static List<DocumentBookmarkNode> TopBookmarks()
    {
        using var pdf = PdfDocument.Open(Rendered.Value.Pdf);
        Assert.True(pdf.TryGetBookmarks(out var bookmarks));
        return bookmarks.Roots.Cast<DocumentBookmarkNode>().ToList();
    }

    [Fact]
    public void Every_report_starts_on_an_odd_page_and_is_bookmarked_with_its_headings()
    {
        var top = TopBookmarks();
        foreach (var entry in Rendered.Value.Volume.Reports)
        {
            var node = top.Single(b => b.Title == entry.DepartmentName);
            Assert.Equal(1, node.PageNumber % 2);
            Assert.Equal(entry.Report.Blocks.Where(b => b.Kind == BlockKind.Heading).Select(b => b.Text), node.Children.Select(c => c.Title));
            Assert.StartsWith(entry.Report.Title[..6], Pages.Pages[node.PageNumber - 1].Lines[0].Text);
        }
    }

    [Fact]
    public void Page_numbers_run_through_the_volume_and_blank_pages_and_the_cover_carry_none()
    {
        var pages = Pages.Pages;
        Assert.Equal(Rendered.Value.Pages, pages.Count);
        Assert.Null(pages[0].Folio);
        Assert.NotEmpty(pages[0].Lines);
        foreach (var page in pages.Skip(1))
        {
            if (page.Lines.Count == 0) { Assert.Null(page.Folio); continue; }
            Assert.Equal($"—{page.Number}—", page.Folio!.Text);
        }
        Assert.Contains(pages, p => p.Lines.Count == 0);
    }

    [Fact]
    public void The_table_of_contents_lists_each_report_with_its_first_page_and_links_to_it()
    {
        var top = TopBookmarks();
        using var pdf = PdfDocument.Open(Rendered.Value.Pdf);
        var toc = Pages.Pages[1];
        Assert.Equal("目录", toc.Lines[0].Text);
        foreach (var entry in Rendered.Value.Volume.Reports)
        {
            var first = top.Single(b => b.Title == entry.DepartmentName).PageNumber;
            var line = toc.Lines.Single(l => l.Text.StartsWith(entry.DepartmentName, StringComparison.Ordinal));
            Assert.EndsWith("·" + first, line.Text);
            Assert.Equal(toc.Right, line.End, 1.0);
        }
        var links = pdf.GetPage(2).ExperimentalAccess.GetAnnotations().Count(a => a.Type == UglyToad.PdfPig.Annotations.AnnotationType.Link);
        Assert.Equal(Rendered.Value.Volume.Reports.Count + 1, links);
    }

    [Fact]
    public void The_closing_page_names_the_departments_and_parts_still_missing()
    {
        var last = Pages.Pages[^1];
        var text = string.Concat(last.Lines.Select(l => l.Text));
        Assert.StartsWith("尚未完成的报告", text);
        Assert.Contains("魏都区教育局：尚缺三、推进法治政府建设存在的不足和原因；四、下一年度推进法治政府建设的主要安排。", text);
        Assert.Equal(1, last.Number % 2);
    }

    [Fact]
    public void The_volume_passes_qpdf_check()
    {
        var file = global::Reporting.Typesetting.Tests.Rendered.WriteTemp(Rendered.Value.Pdf, "volume-check.pdf");
        var (exit, output, error) = Tools.Run("/usr/bin/qpdf", "--check", file);
        Assert.Equal(0, exit);
        Assert.DoesNotContain("WARNING", output + error, StringComparison.OrdinalIgnoreCase);
    }
}
