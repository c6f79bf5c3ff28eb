using Reporting.Core.Templates;

namespace Reporting.Typesetting.Tests;

/// <summary>The template's words as the documents print them: the five headings of the regulation, each under its numeral.</summary>
public class DocumentWordsTests
{
    private static readonly ITemplateWording Words = new DocumentWords();

    [Fact]
    public void The_numbered_parts_print_under_the_regulations_headings_in_template_order()
    {
        Assert.Equal(
            ["", "一、党政主要负责人履行推进法治建设第一责任人职责，加强法治政府建设的有关情况", "二、推进法治政府建设的主要举措和成效",
             "三、推进法治政府建设存在的不足和原因", "四、下一年度推进法治政府建设的主要安排", "五、其他需要报告的情况"],
            ReportTemplate.Sections.Select(Words.Heading));
    }

    [Fact]
    public void Each_heading_begins_with_its_numeral_and_the_preamble_has_neither()
    {
        Assert.Equal(["", "一、", "二、", "三、", "四、", "五、"], ReportTemplate.Sections.Select(Words.HeadingNumeral));
        Assert.All(ReportTemplate.Sections.Where(s => s.Numbered), s => Assert.StartsWith(Words.HeadingNumeral(s), Words.Heading(s), StringComparison.Ordinal));
    }

    [Fact]
    public void A_parts_short_name_counts_with_the_same_numerals()
    {
        Assert.Equal(["开头部分", "第一部分", "第二部分", "第三部分", "第四部分", "第五部分"], ReportTemplate.Sections.Select(DocumentWords.PartShortName));
    }
}
