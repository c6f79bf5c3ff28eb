using Reporting.Core.Documents;
using Reporting.Typesetting.Layout;

namespace Reporting.Typesetting.Tests;

/// <summary>Positions per page, straight from the layout (no PDF in between).</summary>
public class LayoutTests
{
    private const double Two = 2 * PageGeometry.CharPitch;

    private static ReportDocument Document(int paragraphs, string signature = "魏都区科学技术和工业信息化局", int paragraphLength = 60) =>
        new("魏都区科学技术和工业信息化局2023年法治政府建设情况的报告", "区法治政府建设领导小组办公室：",
            [.. Enumerable.Range(0, paragraphs).Select(i => new DocumentBlock(BlockKind.Paragraph, new string('文', paragraphLength - 1) + "。"))],
            signature, new DateOnly(2023, 12, 31), DocumentWords.Date(new DateOnly(2023, 12, 31)),
            new DocumentInfo("t", "魏都区科学技术和工业信息化局", "s", DateTimeOffset.UnixEpoch));

    [Fact]
    public void A_full_line_holds_exactly_28_characters_and_its_last_cell_ends_at_the_right_edge()
    {
        var surface = RecordingSurface.Lay(Document(3));
        var full = surface.Body(0).Select(b => b.Line).First(l => l.Glyphs.Count == 28);
        Assert.Equal(PageGeometry.BlockWidth, full.Glyphs[^1].CellX + full.Glyphs[^1].CellWidth, 3);
        Assert.Equal(0, full.Glyphs[0].CellX, 3);
    }

    [Fact]
    public void The_title_breaks_after_the_department_name()
    {
        var surface = RecordingSurface.Lay(Document(1));
        var title = surface.Body(0).Take(2).Select(b => b.Line.Text).ToList();
        Assert.Equal(["魏都区科学技术和工业信息化局", "2023年法治政府建设情况的报告"], title);
    }

    [Fact]
    public void A_paragraph_that_does_not_fit_continues_at_the_top_of_the_next_page()
    {
        // 100 characters take 4 lines (26 + 28 + 28 + 18): the fifth paragraph starts at slot 20 and runs over.
        var surface = RecordingSurface.Lay(Document(6, paragraphLength: 100));
        Assert.Equal(Enumerable.Range(0, 22), surface.Body(0).Select(b => b.Slot).Where(s => s != 2).Prepend(2).Order());
        var top = surface.Body(1).First();
        Assert.Equal(0, top.Slot);
        Assert.Equal(0, top.Line.Start, 1);
    }

    [Fact]
    public void Signature_and_date_stay_together_and_skip_the_blank_line_at_a_page_top()
    {
        // Title 2 + blank + recipient = 4 slots; paragraphs of 60 characters take 3 lines: 6 of them end at slot 21.
        var surface = RecordingSurface.Lay(Document(6));
        Assert.Equal(2, surface.Pages.Count);
        var last = surface.Body(1).ToList();
        Assert.Equal([0, 1], last.Select(b => b.Slot));
        Assert.Equal("2023年12月31日", last[1].Line.Text);
    }

    [Fact]
    public void The_date_starts_two_characters_right_of_the_signature_which_ends_two_characters_in()
    {
        var surface = RecordingSurface.Lay(Document(1));
        var lines = surface.Body(0).ToList();
        var (signature, date) = (lines[^2], lines[^1]);
        Assert.Equal(lines[^3].Slot + 2, signature.Slot);
        Assert.Equal(PageGeometry.BlockWidth - Two, signature.Line.End, 3);
        Assert.Equal(signature.Line.Start + Two, date.Line.Start, 3);
    }

    [Fact]
    public void A_signature_shorter_than_the_date_is_centred_over_the_date_right_aligned_two_characters_in()
    {
        // Starting the date two characters right of a short signature would push it past the right edge.
        var surface = RecordingSurface.Lay(Document(1, signature: "科工局"));
        var lines = surface.Body(0).ToList();
        var (signature, date) = (lines[^2].Line, lines[^1].Line);
        Assert.Equal(PageGeometry.BlockWidth - Two, date.End, 3);
        Assert.Equal((date.Start + date.End) / 2, (signature.Start + signature.End) / 2, 3);
    }

    [Fact]
    public void A_paragraph_running_onto_the_next_page_does_not_end_there_on_one_character_and_its_mark()
    {
        // Title 2 + blank + recipient = 4 slots; five 60-character paragraphs take slots 4–18; the last one (26 + 28 + 28
        // characters and 生。) would put 生。 alone at the top of page 2: the line above gives up a character.
        var blocks = Document(5).Blocks.Append(new DocumentBlock(BlockKind.Paragraph, new string('文', 82) + "生。"));
        var surface = RecordingSurface.Lay(Document(0) with { Blocks = [.. blocks] });

        var foot = surface.Body(0).Last();
        Assert.Equal((21, 27), (foot.Slot, foot.Line.Glyphs.Count));
        Assert.Equal(PageGeometry.BlockWidth, foot.Line.Glyphs[^1].CellX + foot.Line.Glyphs[^1].CellWidth, 3);
        var top = surface.Body(1).First();
        Assert.Equal((0, "文生。"), (top.Slot, top.Line.Text));
        Assert.Equal(0, top.Line.Start, 3);
    }

    [Fact]
    public void Page_numbers_alternate_between_the_outer_sides()
    {
        var surface = RecordingSurface.Lay(Document(12));
        var odd = surface.Pages[0].Single(l => l.Baseline > PageGeometry.BlockHeight).Line;
        var even = surface.Pages[1].Single(l => l.Baseline > PageGeometry.BlockHeight).Line;
        Assert.Equal(PageGeometry.BlockWidth - PageGeometry.FolioSize, odd.End, 3);
        Assert.Equal(PageGeometry.FolioSize, even.Start, 3);
        Assert.Equal("— 2 —", even.Text);
    }

    [Fact]
    public void Even_pages_have_the_binding_margin_on_the_right()
    {
        Assert.Equal(28 * PageGeometry.Mm, PageGeometry.Left(1), 6);
        Assert.Equal(26 * PageGeometry.Mm, PageGeometry.Left(2), 6);
    }

    [Fact]
    public void The_title_and_each_heading_are_bookmarked_on_their_page()
    {
        var document = Document(12) with { Blocks = [new(BlockKind.Heading, "一、第一部分"), .. Document(12).Blocks, new(BlockKind.Heading, "二、第二部分")] };
        var surface = RecordingSurface.Lay(document);
        var second = 1 + surface.Pages.FindIndex(p => p.Any(l => l.Line.Text == "二、第二部分"));
        Assert.True(second > 1);
        Assert.Equal([(document.Title, 0, 1), ("一、第一部分", 1, 1), ("二、第二部分", 1, second)], surface.Bookmarks);
    }

    /// <summary>
    /// Title 2 + blank + recipient = 4 slots; 60-character paragraphs take 3 lines each, and one of 20 × the
    /// remainder takes 1 or 2 (26 + 14): <paramref name="free"/> slots are left at the page foot, then a heading
    /// and what it heads.
    /// </summary>
    private static RecordingSurface HeadingAtFoot(int free, int followingLength)
    {
        var used = 22 - 4 - free;
        var blocks = Enumerable.Repeat(new DocumentBlock(BlockKind.Paragraph, new string('文', 59) + "。"), used / 3)
            .Concat(Enumerable.Repeat(new DocumentBlock(BlockKind.Paragraph, new string('文', Math.Max(0, 20 * (used % 3) - 1)) + "。"), used % 3 == 0 ? 0 : 1))
            .Append(new DocumentBlock(BlockKind.Heading, "二、推进法治政府建设的主要举措和成效"))
            .Append(new DocumentBlock(BlockKind.Paragraph, new string('述', followingLength - 1) + "。"));
        return RecordingSurface.Lay(Document(0) with { Blocks = [.. blocks] });
    }

    [Fact]
    public void A_heading_stays_at_the_page_foot_with_the_first_two_lines_of_its_paragraph_and_the_rest_runs_on()
    {
        var surface = HeadingAtFoot(free: 3, followingLength: 200);

        var foot = surface.Body(0).TakeLast(3).ToList();
        Assert.Equal([19, 20, 21], foot.Select(b => b.Slot));
        Assert.Equal("二、推进法治政府建设的主要举措和成效", foot[0].Line.Text);
        Assert.All(foot.Skip(1), b => Assert.StartsWith("述", b.Line.Text));
        Assert.StartsWith("述", surface.Body(1).First().Line.Text);
    }

    [Fact]
    public void A_heading_with_room_for_only_one_line_of_a_longer_paragraph_moves_to_the_next_page()
    {
        var surface = HeadingAtFoot(free: 2, followingLength: 200);

        Assert.Equal(19, surface.Body(0).Max(b => b.Slot)); // the two slots stay blank: heading and two lines cannot fit
        var top = surface.Body(1).First();
        Assert.Equal((0, "二、推进法治政府建设的主要举措和成效"), (top.Slot, top.Line.Text));
    }

    [Fact]
    public void A_heading_followed_by_a_one_line_paragraph_needs_only_that_line()
    {
        var surface = HeadingAtFoot(free: 2, followingLength: 10);

        var foot = surface.Body(0).TakeLast(2).ToList();
        Assert.Equal([(20, "二、推进法治政府建设的主要举措和成效"), (21, new string('述', 9) + "。")], foot.Select(b => (b.Slot, b.Line.Text)));
    }
}
