using Reporting.Core.Documents;
using Reporting.TestSupport;
using Reporting.Typesetting;
using Xunit;

namespace Reporting.Core.Tests;

public class PlainTextReportTests
{
    /// <summary>The app's own template words: parts are split at the numerals people write, headings printed as people read them.</summary>
    private static readonly DocumentWords Words = new();

    private static readonly PlainTextReport Kgj = PlainTextReport.Parse(RepoPaths.FixtureText("kgj-2023.txt"), Words);

    [Fact]
    public void The_kgj_report_splits_into_title_preamble_and_four_numbered_parts()
    {
        Assert.Equal("法治政府建设情况的报告", Kgj.Title);
        Assert.Null(Kgj.Recipient); // the preamble's last line ends in ： but is far too long to be a recipient line
        Assert.Equal(["duty", "measures", "plans", "preamble", "shortcomings"], Kgj.Parts.Keys.Order());
        Assert.StartsWith("2023年，在市、区法治政府建设领导小组办公室的正确领导下", Kgj.Parts["preamble"]);
        Assert.EndsWith("现将我局2023年法治政府建设工作开展情况报告如下：", Kgj.Parts["preamble"]);
        Assert.StartsWith("一、党政主要负责人切实履行推进法治建设第一责任人职责，加强法治政府建设的有关情况\n局主要负责人认真贯彻落实", Kgj.Parts["duty"]);
        Assert.StartsWith("二、推进法治政府建设的主要举措和成效\n（一）以法治构建亲清统一的新型政商关系", Kgj.Parts["measures"]);
        Assert.StartsWith("三、推进法治政府建设存在的不足、原因和问题整改情况\n（一）法治思维和法治方式还需进一步强化", Kgj.Parts["shortcomings"]);
        Assert.StartsWith("四、下一年度推进法治政府建设的初步安排\n为持续深入学习宣传习近平法治思想", Kgj.Parts["plans"]);
        Assert.StartsWith("（三）着力构建亲清政商关系。", Kgj.Parts["plans"].Split('\n')[^1]);
    }

    [Fact]
    public void Each_part_keeps_its_own_numbered_heading_line_first_and_no_other()
    {
        var lines = Kgj.Parts.Values.SelectMany(p => p.Split('\n').Skip(1)).ToList();

        Assert.DoesNotContain(lines, l => "一二三四五".Any(n => l.StartsWith(n + "、")));
        Assert.All(Kgj.Parts.Where(p => p.Key != "preamble"), p => Assert.Matches("^[一二三四]、", p.Value));
        Assert.Equal(4, Kgj.Parts["duty"].Split('\n').Count(l => l.StartsWith('（')));
    }

    [Fact]
    public void A_short_line_ending_in_a_colon_after_the_title_is_the_recipient()
    {
        var report = PlainTextReport.Parse("\r\n某局2023年法治政府建设情况的报告\r\n\r\n区法治政府建设领导小组办公室：\r\n　　开头一段。\r\n一、职责\r\n　　职责正文。\r\n五、其他需要报告的情况\r\n其他。\r\n", Words);

        Assert.Equal("某局2023年法治政府建设情况的报告", report.Title);
        Assert.Equal("区法治政府建设领导小组办公室：", report.Recipient);
        Assert.Equal("开头一段。", report.Parts["preamble"]);
        Assert.Equal("一、职责\n职责正文。", report.Parts["duty"]);
        Assert.Equal("五、其他需要报告的情况\n其他。", report.Parts["other"]);
    }

    [Fact]
    public void A_numbered_line_that_runs_body_text_on_starts_its_part_and_is_kept()
    {
        var report = PlainTextReport.Parse("标题\n开头。\n一、党政主要负责人履职情况。局主要负责人亲自部署法治建设工作。\n（一）第一项。\n二、推进法治政府建设的主要举措和成效\n举措。", Words);

        Assert.Equal("一、党政主要负责人履职情况。局主要负责人亲自部署法治建设工作。\n（一）第一项。", report.Parts["duty"]);
        Assert.Equal("二、推进法治政府建设的主要举措和成效\n举措。", report.Parts["measures"]);
    }

    [Fact]
    public void The_kgj_parts_build_a_document_with_the_headings_the_department_wrote()
    {
        var document = Build(Kgj.Parts);

        Assert.Equal(
            ["一、党政主要负责人切实履行推进法治建设第一责任人职责，加强法治政府建设的有关情况", "二、推进法治政府建设的主要举措和成效",
             "三、推进法治政府建设存在的不足、原因和问题整改情况", "四、下一年度推进法治政府建设的初步安排"],
            document.Blocks.Where(b => b.Kind == BlockKind.Heading).Select(b => b.Text));
        Assert.Single(document.Blocks, b => b.Text.StartsWith("三、", StringComparison.Ordinal));
        Assert.StartsWith("2023年", document.Blocks[0].Text);
        Assert.Equal("2024年1月5日", document.DateText);
        Assert.Contains("魏都区科学技术和工业信息化局", document.AllText());
        Assert.DoesNotContain(document.Blocks, b => b.Text.Length == 0 || b.Text[0] is ' ' or '\u3000');
    }

    [Fact]
    public void A_part_without_its_own_heading_line_gets_the_templates_wording()
    {
        var parts = new Dictionary<string, string> { ["preamble"] = "开头。", ["shortcomings"] = "（一）不足。", ["plans"] = "四、明年的安排\n安排。" };

        var headings = Build(parts).Blocks.Where(b => b.Kind == BlockKind.Heading).Select(b => b.Text);

        Assert.Equal(["三、推进法治政府建设存在的不足和原因", "四、明年的安排"], headings);
    }

    private static ReportDocument Build(IReadOnlyDictionary<string, string> parts)
    {
        var directory = TestWorld.SharedDirectory;
        return ReportDocumentBuilder.Build(Words, directory.Find("kgj")!, 2023, directory.Office, parts,
            new DateOnly(2024, 1, 5), new DateTimeOffset(2024, 1, 5, 0, 0, 0, TimeSpan.Zero));
    }

    [Fact]
    public void Paragraphs_are_the_non_blank_lines_without_manual_indents()
    {
        Assert.Equal(["第一段。", "第二段。", "（一）第三段。"], ReportDocumentBuilder.Paragraphs("　　第一段。\n\n  第二段。\n\t（一）第三段。\n　"));
    }
}
