using Reporting.Core.Documents;

namespace Reporting.Typesetting.Tests;

/// <summary>
/// A report built to hit the hard cases: a long title, a wrapping 一、 heading, every no-start and no-end
/// mark and both paired marks exactly at a line boundary, digit and Latin runs, a URL longer than a line,
/// and characters only fallbacks carry (𠮷 in LXGW WenKai, 㐀 in Droid Sans Fallback).
/// </summary>
internal static class StressReport
{
    public const string NoStart = "，。、；：？！）》」』】〕〉’”";
    public const string NoEnd = "（《「『【〔〈‘“";
    public const string Url = "https://www.weidu.gov.cn/zwgk/fzzfjs/2023/annual-report-on-building-rule-of-law-government.html?from=district-office";

    public static ReportDocument Build()
    {
        var blocks = new List<DocumentBlock>
        {
            new(BlockKind.Paragraph, "2023年，本局坚持以习近平新时代中国特色社会主义思想为指导，严格执行GB/T 9704-2012标准，推进ISO 9001质量管理体系认证，畅通12345热线，现将有关情况报告如下："),
            new(BlockKind.Heading, "一、党政主要负责人切实履行推进法治建设第一责任人职责，加强法治政府建设和依法行政工作的有关情况"),
        };
        // The first line of a paragraph holds 26 cells after the indent; continuation lines hold 28.
        foreach (var mark in NoStart)
            blocks.Add(new(BlockKind.Paragraph, new string('测', 26) + mark + "后面的文字继续排下去，直到段落结束。"));
        foreach (var mark in NoEnd)
            blocks.Add(new(BlockKind.Paragraph, new string('试', 25) + mark + "引文内容" + Closing(mark) + "继续排下去。"));
        blocks.Add(new(BlockKind.Paragraph, new string('省', 25) + "……省略号不能拆开。"));
        blocks.Add(new(BlockKind.Paragraph, new string('破', 25) + "——破折号不能拆开。"));
        blocks.Add(new(BlockKind.Paragraph, new string('数', 23) + "20231231年的数字不能拆开。"));
        blocks.Add(new(BlockKind.Paragraph, new string('标', 22) + "依据GB/T 9704-2012执行。"));
        blocks.Add(new(BlockKind.Paragraph, "网址是" + Url + "，请查阅。"));
        blocks.Add(new(BlockKind.Paragraph, "（一）生僻字也要能排。" + new string('吉', 24) + "𠮷野家的𠮷字在扩展B区，㐀字在扩展A区，都由后备字体显示。"));
        blocks.Add(new(BlockKind.Paragraph, "（二）只有标题没有正文"));
        blocks.Add(new(BlockKind.Paragraph, "1.第三层标题与正文同一字体。（1）第四层也一样。"));
        for (var i = 0; i < 12; i++)
            blocks.Add(new(BlockKind.Paragraph, "为持续深入学习宣传习近平法治思想，进一步落实依法行政工作、提升法治建设水平、推动法治建设工作，下一年度我局将采取如下措施，营造浓厚法治氛围和良好法治生态。"));
        const string title = "关于魏都区人力资源和社会保障局2023年度推进法治政府建设和依法行政工作情况以及下一年度工作安排的报告";
        return new ReportDocument(title, "区法治政府建设领导小组办公室：", blocks, "魏都区人力资源和社会保障局", new DateOnly(2024, 1, 5), DocumentWords.Date(new DateOnly(2024, 1, 5)),
            new DocumentInfo(title, "魏都区人力资源和社会保障局", "2023年度法治政府建设情况报告", new DateTimeOffset(2024, 1, 5, 10, 0, 0, TimeSpan.FromHours(8))));
    }

    private static string Closing(char open) => open switch
    {
        '（' => "）",
        '《' => "》",
        '「' => "」",
        '『' => "』",
        '【' => "】",
        '〔' => "〕",
        '〈' => "〉",
        '‘' => "’",
        '“' => "”",
        _ => "",
    };
}
