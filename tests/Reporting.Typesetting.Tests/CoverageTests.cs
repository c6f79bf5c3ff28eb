using Reporting.Core.Documents;

namespace Reporting.Typesetting.Tests;

public class CoverageTests
{
    private static GbtTypesetter Typesetter => Fixtures.Typesetter.Value;

    [Fact]
    public void Text_every_face_can_draw_has_nothing_missing()
    {
        Assert.Empty(Typesetter.FindMissing("法治政府建设2023年，ISO 9001……——“引号”𠮷㐀\n\t第二行"));
    }

    [Fact]
    public void A_character_no_face_can_draw_is_reported_with_its_line_and_column()
    {
        var missing = Typesetter.FindMissing("第一行\n𠮷吉\uE000字\n末\U000F0000");
        Assert.Equal(2, missing.Count);
        Assert.Equal(("\uE000", 0xE000, 2, 3), (missing[0].Character, missing[0].CodePoint, missing[0].Line, missing[0].Column));
        Assert.Equal(("\U000F0000", 0xF0000, 3, 2), (missing[1].Character, missing[1].CodePoint, missing[1].Line, missing[1].Column));
    }

    [Fact]
    public void Invisible_format_characters_from_pasted_text_are_neither_reported_nor_drawn()
    {
        const string text = "\uFEFF法治\u200B政府\u00AD建设";
        Assert.Empty(Typesetter.FindMissing(text));
        var document = Fixtures.Kgj2023;
        var pasted = document with { Blocks = [.. document.Blocks, new DocumentBlock(BlockKind.Paragraph, text)] };
        var pages = PdfPages.Read(Typesetter.Render(pasted).Content);
        Assert.Contains(pages.Pages.SelectMany(p => p.Lines), l => l.Text.Contains("法治政府建设"));
    }

    [Fact]
    public void Tabs_and_line_breaks_are_not_reported()
    {
        Assert.Empty(Typesetter.FindMissing("\t\n\n\t"));
    }

    [Fact]
    public void The_renderer_refuses_a_character_it_cannot_draw_instead_of_printing_an_empty_box()
    {
        var document = Fixtures.Kgj2023;
        var broken = document with { Blocks = [.. document.Blocks, new DocumentBlock(BlockKind.Paragraph, "私用区字符\uE000不能显示。")] };
        var error = Assert.Throws<MissingGlyphException>(() => Typesetter.Render(broken));
        Assert.Equal(0xE000, Assert.Single(error.Missing).CodePoint);
        Assert.Contains("U+E000", error.Message);
    }
}
