using Reporting.Core.Drafts;
using Reporting.Core.Errors;
using Reporting.Core.Templates;
using Reporting.Typesetting;
using Xunit;

namespace Reporting.Core.Tests;

public class DraftBodyTests
{
    /// <summary>The app's own template words: a part's own heading is read by the numeral people write.</summary>
    private static readonly DocumentWords Words = new();

    private static Refusal[] Errors(string? body)
    {
        var errors = new ValidationErrors();
        DraftBody.Validate(body, errors);
        try
        {
            errors.ThrowIfAny();
            return [];
        }
        catch (ReportingException e)
        {
            return e.Errors["body"];
        }
    }

    [Fact]
    public void A_body_starting_with_its_own_numbered_heading_line_keeps_that_line_as_written()
    {
        var body = "一、党政主要负责人切实履行推进法治建设第一责任人职责，加强法治政府建设的有关情况\n\n局主要负责人认真贯彻落实。\n（一）始终坚持正确政治方向。";

        Assert.Equal(body, DraftBody.Normalize(body, ReportTemplate.Duty, Words));
    }

    [Theory]
    [InlineData("一、党政主要负责人履行第一责任人职责情况。局主要负责人认真贯彻落实《规定》，亲自研究部署法治建设重要工作。\n（一）始终坚持正确政治方向。")]
    [InlineData("一、局主要负责人认真贯彻落实《党政主要负责人履行推进法治建设第一责任人职责规定》，切实履行法治建设重要组织者、推动者和实践者的职责，深入学习领会习近平法治思想")]
    public void A_first_line_that_runs_body_text_on_after_the_numeral_is_kept_not_lost(string body)
    {
        Assert.Equal(body, DraftBody.Normalize(body, ReportTemplate.Duty, Words));
    }

    [Fact]
    public void Another_parts_numeral_on_the_first_line_is_kept()
    {
        var body = "一、这一行属于第一部分。\n正文。";

        Assert.Equal(body, DraftBody.Normalize(body, ReportTemplate.Measures, Words));
    }

    [Fact]
    public void The_preamble_keeps_its_first_line()
    {
        var body = "2023年，魏都区科工局坚持以习近平新时代中国特色社会主义思想为指导。\n现报告如下：";

        Assert.Equal(body, DraftBody.Normalize(body, ReportTemplate.Preamble, Words));
    }

    [Fact]
    public void Normalising_turns_crlf_and_cr_into_lf_and_drops_surrounding_blank_lines_and_trailing_blanks()
    {
        Assert.Equal("第一段。\n\n　　第二段。", DraftBody.Normalize("\r\n  \r\n第一段。  \r\n\r　　第二段。\t\r\n\r\n", ReportTemplate.Preamble, Words));
    }

    [Fact]
    public void A_page_break_from_a_word_txt_export_becomes_a_line_break_not_a_refusal()
    {
        var body = DraftBody.Normalize("第一页末段。\f第二页首段。", ReportTemplate.Measures, Words);
        Assert.Equal("第一页末段。\n第二页首段。", body);
        var errors = new ValidationErrors();
        DraftBody.Validate(body, errors);
        Assert.True(errors.IsEmpty);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   \n\t\n　")]
    public void An_empty_or_blank_body_is_refused(string? body)
    {
        Assert.Equal([Refusal.Of(RefusalCode.BodyEmpty)], Errors(body));
    }

    [Fact]
    public void A_body_that_is_only_its_heading_line_is_empty_after_normalising_and_refused()
    {
        Assert.Equal([Refusal.Of(RefusalCode.BodyEmpty)], Errors(DraftBody.Normalize("二、推进法治政府建设的主要举措和成效\n", ReportTemplate.Measures, Words)));
    }

    [Fact]
    public void A_body_of_exactly_the_limit_is_accepted_counting_a_character_outside_the_bmp_once()
    {
        // 100,000 × 𠮷 (two UTF-16 units each) + 100,000 × 法 = 200,000 characters, 300,000 UTF-16 units.
        var body = string.Concat(Enumerable.Repeat("𠮷", 100_000)) + new string('法', 100_000);

        Assert.Equal(DraftBody.MaxCharacters, body.EnumerateRunes().Count());
        Assert.Empty(Errors(body));
    }

    [Fact]
    public void A_body_one_character_over_the_limit_is_refused_with_its_length()
    {
        var message = Assert.Single(Errors(new string('法', DraftBody.MaxCharacters + 1)));

        Assert.Equal(Refusal.Of(RefusalCode.BodyTooLong, 200001, 200000), message);
    }

    [Theory]
    [InlineData("第一行\n第二\u0000行", 2, 3, "0000")]
    [InlineData("响铃\u0007", 1, 3, "0007")]
    [InlineData("退格\b", 1, 3, "0008")]
    [InlineData("转义\u001b[0m", 1, 3, "001B")]
    [InlineData("C1\u0085控制", 1, 3, "0085")]
    [InlineData("非字符\uFFFE", 1, 4, "FFFE")]
    [InlineData("非字符\uFDD0", 1, 4, "FDD0")]
    public void A_control_character_or_noncharacter_is_refused_with_its_line_and_column(string body, int line, int column, string hex)
    {
        var message = Assert.Single(Errors(body));

        Assert.Equal(Refusal.Of(RefusalCode.BodyUnprintable, line, column, Convert.ToInt32(hex, 16)), message);
    }

    [Fact]
    public void A_lone_surrogate_is_refused()
    {
        var message = Assert.Single(Errors("半个字\uD842"));

        Assert.Equal(RefusalCode.BodyUnprintable, message.Code);
    }

    [Fact]
    public void Tabs_line_breaks_and_ideographic_spaces_are_accepted()
    {
        Assert.Empty(Errors("　　第一段\t。\n　　第二段 𠮷。"));
    }

    [Theory]
    [InlineData(0x202A)]
    [InlineData(0x202B)]
    [InlineData(0x202C)]
    [InlineData(0x202D)]
    [InlineData(0x202E)]
    [InlineData(0x2066)]
    [InlineData(0x2067)]
    [InlineData(0x2068)]
    [InlineData(0x2069)]
    [InlineData(0x200E)]
    [InlineData(0x200F)]
    [InlineData(0x061C)]
    [InlineData(0x2062)]
    [InlineData(0xE0041)]
    [InlineData(0x3164)]
    public void A_character_that_disguises_text_is_refused_with_its_code_point_line_and_column_counting_a_supplementary_character_once(int codePoint)
    {
        var errors = Errors($"第一段。\n𠮷法{char.ConvertFromUtf32(codePoint)}治");

        var message = Assert.Single(errors);
        Assert.Equal(RefusalCode.BodyDisguising, message.Code);
        Assert.Equal([2, 3, codePoint], message.Args.Take(3));
        Assert.IsType<DisguiseKind>(message.Args[3]);
    }

    [Fact]
    public void Zero_width_space_BOM_and_soft_hyphen_stay_allowed()
    {
        Assert.Empty(Errors("法治\u200B政府\uFEFF建设\u00AD情况"));
    }
}
