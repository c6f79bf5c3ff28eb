using System.Text;
using Reporting.Typesetting.Layout;

namespace Reporting.Typesetting.Tests;

/// <summary>clreq line breaking on uniform widths: a CJK character is 1, an ASCII character 0.5.</summary>
public class LineBreakerTests
{
    private static List<string> Break(string text, double measure, double? first = null)
    {
        var cps = text.EnumerateRunes().Select(r => r.Value).ToList();
        var widths = cps.Select(c => c < 0x80 ? 0.5 : 1.0).ToList();
        return LineBreaker.Break(cps, widths, first ?? measure, measure)
            .Select(l => string.Concat(cps.Skip(l.Start).Take(l.End - l.Start).Select(char.ConvertFromUtf32)))
            .ToList();
    }

    [Fact]
    public void A_paragraph_never_ends_on_a_line_of_one_character_and_its_closing_mark()
    {
        var lines = Break(new string('文', 26 + 28) + "生。", 28, 26);
        Assert.Equal([26, 27, 3], lines.Select(l => l.Length));
        Assert.Equal("文生。", lines[^1]);
    }

    [Fact]
    public void A_paragraph_never_ends_on_a_line_of_one_character()
    {
        var lines = Break(new string('文', 28) + "生", 28);
        Assert.Equal([new string('文', 27), "文生"], lines);
    }

    [Fact]
    public void The_line_above_gives_up_what_may_not_end_it_along_with_the_character()
    {
        // The line would end 《文》 and leave 生。 alone; 》 may not start a line nor 《 end one, so it gives up all three.
        var lines = Break(new string('文', 24) + "《文》生。", 27);
        Assert.Equal([new string('文', 24), "《文》生。"], lines);
    }

    [Fact]
    public void A_full_line_holds_exactly_as_many_characters_as_the_measure()
    {
        var lines = Break(new string('字', 60), 28);
        Assert.Equal([28, 28, 4], lines.Select(l => l.Length));
    }

    [Theory]
    [InlineData('，')]
    [InlineData('。')]
    [InlineData('、')]
    [InlineData('；')]
    [InlineData('：')]
    [InlineData('？')]
    [InlineData('！')]
    [InlineData('）')]
    [InlineData('》')]
    [InlineData('」')]
    [InlineData('』')]
    [InlineData('】')]
    [InlineData('〕')]
    [InlineData('〉')]
    [InlineData('’')]
    [InlineData('”')]
    public void A_no_start_mark_pulls_the_previous_character_down(char mark)
    {
        var lines = Break(new string('甲', 9) + "乙" + mark + "丙丁", 10);
        Assert.Equal(new string('甲', 9), lines[0]);
        Assert.Equal("乙" + mark + "丙丁", lines[1]);
    }

    [Theory]
    [InlineData('（')]
    [InlineData('《')]
    [InlineData('「')]
    [InlineData('『')]
    [InlineData('【')]
    [InlineData('〔')]
    [InlineData('〈')]
    [InlineData('‘')]
    [InlineData('“')]
    public void A_no_end_mark_goes_down_with_what_it_opens(char mark)
    {
        var lines = Break(new string('甲', 9) + mark + "乙丙", 10);
        Assert.Equal(new string('甲', 9), lines[0]);
        Assert.StartsWith(mark.ToString(), lines[1]);
    }

    [Theory]
    [InlineData("……")]
    [InlineData("——")]
    public void Paired_marks_are_never_split(string pair)
    {
        var lines = Break(new string('甲', 9) + pair + "乙", 10);
        Assert.Equal(new string('甲', 9), lines[0]);
        Assert.StartsWith(pair, lines[1]);
    }

    [Fact]
    public void A_run_of_closing_marks_pulls_down_as_many_characters_as_needed()
    {
        var lines = Break(new string('甲', 8) + "乙。”」丙", 10);
        Assert.Equal(new string('甲', 8), lines[0]);
        Assert.Equal("乙。”」丙", lines[1]);
    }

    [Fact]
    public void A_mark_short_of_the_line_by_less_than_a_character_is_taken_in_by_compressing_a_pair_and_the_line_end()
    {
        var cps = (new string('甲', 8) + "乙。”丙").EnumerateRunes().Select(r => r.Value).ToList();
        var lines = LineBreaker.Break(cps, cps.Select(_ => 1.0).ToList(), 10, 10);

        Assert.Equal(11, lines[0].End); // 甲×8 乙。” on a line of ten cells
        Assert.Equal([9, 10], lines[0].Halved!.Order()); // 。 before ”, and ” at the line end, each half a cell
    }

    [Fact]
    public void A_lone_mark_that_needs_a_whole_cell_is_not_compressed_in_but_pulls_a_character_down()
    {
        var lines = Break(new string('甲', 9) + "乙，丙", 10);
        Assert.Equal(new string('甲', 9), lines[0]);
    }

    [Fact]
    public void A_run_that_would_leave_the_line_looser_than_a_quarter_em_breaks_at_its_own_punctuation()
    {
        var lines = Break("标准" + "GB/T 9704-2012" + "及网址https://www.weidu.gov.cn/", 17);
        // Pushing the URL down would spread 2 cells over 5 gaps; it breaks after one of its own marks instead.
        Assert.StartsWith("标准GB/T 9704-2012及网址https:", lines[0]);
        Assert.Matches(@"[/.]$", lines[0]);
    }

    [Theory]
    [InlineData("356.7")]
    [InlineData("12,000")]
    public void A_number_is_never_broken_at_its_decimal_point_or_thousands_separator(string number)
    {
        var lines = Break("金额" + number + number + number + number + "元", 6);
        Assert.DoesNotContain(lines, l => l.EndsWith('.') || l.EndsWith(','));
    }

    [Theory]
    [InlineData("20231231年")]
    [InlineData("12345热线")]
    [InlineData("ISO 9001")]
    [InlineData("GB/T 9704-2012")]
    public void Digit_and_Latin_runs_stay_whole_when_pushing_them_down_leaves_the_line_tight_enough(string run)
    {
        var text = new string('甲', 24) + run + "乙";
        var lines = Break(text, 28);
        Assert.Contains(lines, l => l.Contains(run.TrimEnd('年', '热', '线')));
        Assert.Equal(text, string.Concat(lines));
    }

    [Fact]
    public void A_year_keeps_its_unit()
    {
        var lines = Break(new string('甲', 8) + "2023年工作", 10);
        Assert.Equal(new string('甲', 8), lines[0]);
        Assert.StartsWith("2023年", lines[1]);
    }

    [Fact]
    public void A_run_too_long_for_a_line_breaks_at_its_own_punctuation()
    {
        const string url = "https://www.weidu.gov.cn/zwgk/fzzfjs/report.html";
        var lines = Break("网址" + url, 14);
        Assert.True(lines.Count > 1);
        Assert.All(lines.SkipLast(1), l => Assert.Matches(@"[/.\-:]$", l));
        Assert.Equal("网址" + url, string.Concat(lines));
    }

    [Fact]
    public void A_character_outside_the_BMP_counts_as_one()
    {
        var lines = Break(new string('甲', 9) + "𠮷" + "乙丙", 10);
        Assert.Equal(new string('甲', 9) + "𠮷", lines[0]);
        Assert.Equal("乙丙", lines[1]);
    }

    [Fact]
    public void A_space_never_starts_a_line()
    {
        var text = new StringBuilder().Append('甲', 9).Append(' ').Append("乙丙").ToString();
        Assert.All(Break(text, 10), l => Assert.False(l.StartsWith(' ')));
    }

    [Fact]
    public void The_first_line_may_be_shorter_for_the_indent()
    {
        var lines = Break(new string('甲', 30), 28, first: 26);
        Assert.Equal([26, 4], lines.Select(l => l.Length));
    }
}
