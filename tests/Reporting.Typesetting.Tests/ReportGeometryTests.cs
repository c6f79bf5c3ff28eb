using Reporting.Core.Documents;
using Reporting.Core.ReportAssembly;
using UglyToad.PdfPig.Core;

namespace Reporting.Typesetting.Tests;

/// <summary>GB/T 9704 geometry of a rendered report, read back from the PDF with PdfPig.</summary>
public abstract class ReportGeometryTests
{
    private protected abstract (ReportDocument Document, RenderedPdf Pdf, PdfPages Pages) Subject { get; }

    private PdfPages Pages => Subject.Pages;

    [Fact]
    public void Every_full_line_ends_flush_with_the_right_edge_of_the_text_block()
    {
        var checkedLines = 0;
        foreach (var (line, next) in Pages.LinesInOrder())
        {
            if (next is null || !Follows(line, next)) continue;
            var page = Pages.Pages[next.Page - 1];
            if (Math.Abs(next.Start - page.Left) > 1) continue; // the next line opens a paragraph: this one is a last line
            // a URL broken at its own punctuation may fall short
            if (Justification.IsLatin(line.Letters[^1]) && Justification.IsLatin(next.Letters[0])) continue;
            var right = Pages.Pages[line.Page - 1].Right;
            var end = Justification.CellEnd(line, right);
            Assert.True(Math.Abs(end - right) <= 1, $"page {line.Page} slot {line.SlotIndex} ends at {end:F2}, block edge {right:F2}: {line.Text}");
            checkedLines++;
        }
        Assert.True(checkedLines > 20);
    }

    [Fact]
    public void A_full_line_of_CJK_text_holds_28_characters_unless_a_mark_pulled_one_down_compression_took_one_in_or_it_gave_one_to_a_last_line()
    {
        var full = Pages.LinesInOrder()
            .Where(p => p.Next is not null && Follows(p.Line, p.Next) && Math.Abs(p.Next.Start - Pages.Pages[p.Next.Page - 1].Left) <= 1)
            .Where(p => p.Line.Letters.All(x => x.Value.EnumerateRunes().All(r => r.Value > 0x2000))
                && Math.Abs(p.Line.Start - Pages.Pages[p.Line.Page - 1].Left) <= 1)
            .ToList();
        Assert.NotEmpty(full);
        foreach (var (line, next) in full)
        {
            var pulled = next!.Text.Length > 1 && StressReport.NoStart.Contains(next.Text[1])
                || StressReport.NoEnd.Contains(next.Text[0]) || next.Text[0] is '…' or '—' || char.IsAsciiLetterOrDigit(next.Text[0])
                // or a paragraph's last line, which the line above gave characters to so that it holds more than one
                || next.Text.Count(c => !StressReport.NoStart.Contains(c)) is >= 2 and <= 4 && next.Letters.Count <= 6;
            var pitches = line.Letters.Zip(line.Letters.Skip(1), (a, b) => b.StartBaseLine.X - a.StartBaseLine.X).ToList();
            if (line.Letters.Count > 28)
            {
                Assert.True(line.Letters.Count <= 30, $"page {line.Page} slot {line.SlotIndex} holds {line.Letters.Count} characters: {line.Text}");
                Assert.Contains(pitches, p => p < 0.6 * PdfPages.CharPitch); // a mark set half-width made the room
            }
            else if (line.Letters.Count < 28)
            {
                Assert.True(pulled, $"page {line.Page} slot {line.SlotIndex} holds {line.Letters.Count} characters: {line.Text}");
                Assert.True(line.Letters.Count >= 25);
                Assert.Contains(pitches, p => p > PdfPages.CharPitch + 0.2); // a shortened line is spread
            }
        }
    }

    [Fact]
    public void No_gap_over_1_pt_opens_inside_a_number_or_a_Latin_word()
    {
        var pairs = 0;
        foreach (var line in Pages.Pages.SelectMany(p => p.Lines))
            foreach (var (a, b) in line.WithSpaces.Zip(line.WithSpaces.Skip(1)))
            {
                if (!Justification.IsLatin(a) || !Justification.IsLatin(b)) continue;
                var gap = b.StartBaseLine.X - a.EndBaseLine.X;
                Assert.True(gap <= 1, $"page {line.Page} slot {line.SlotIndex}: {gap:F2} pt between {a.Value} and {b.Value} in {line.Text}");
                pairs++;
            }
        Assert.True(pairs > 3);
    }

    [Fact]
    public void No_justified_line_opens_more_than_a_quarter_em_between_adjacent_CJK_characters()
    {
        var spread = 0;
        foreach (var line in Pages.Pages.SelectMany(p => p.Lines).Where(l => l.Letters.All(x => Math.Abs(x.PointSize - 16) < 0.01)))
            foreach (var (a, b) in line.Letters.Zip(line.Letters.Skip(1)))
            {
                if (!Justification.IsCjk(a) || !Justification.IsCjk(b)) continue;
                var extra = b.StartBaseLine.X - a.StartBaseLine.X - PdfPages.CharPitch;
                Assert.True(extra <= 16 / 4.0 + 0.01,
                    $"page {line.Page} slot {line.SlotIndex}: {extra:F2} pt extra between {a.Value} and {b.Value} in {line.Text}");
                if (extra > 0.2) spread++;
            }
        Assert.True(spread > 0, "no spread line was checked");
    }

    [Fact]
    public void No_line_starts_with_a_no_start_mark_or_ends_with_a_no_end_mark()
    {
        foreach (var line in Pages.Pages.SelectMany(p => p.Lines))
        {
            Assert.DoesNotContain(line.Letters[0].Value, StressReport.NoStart.Select(c => c.ToString()));
            Assert.DoesNotContain(line.Letters[^1].Value, StressReport.NoEnd.Select(c => c.ToString()));
        }
    }

    [Fact]
    public void Paired_marks_are_never_split_over_lines()
    {
        foreach (var (line, next) in Pages.LinesInOrder())
        {
            if (next is null) continue;
            foreach (var mark in new[] { "…", "—" })
                Assert.False(line.Letters[^1].Value == mark && next.Letters[0].Value == mark, $"{mark}{mark} split after: {line.Text}");
        }
    }

    [Fact]
    public void Every_baseline_sits_on_the_22_line_grid()
    {
        foreach (var line in Pages.Pages.SelectMany(p => p.Lines))
        {
            Assert.InRange(line.Slot, -0.01, 21.01);
            Assert.True(Math.Abs(line.Slot - line.SlotIndex) < 0.01, $"page {line.Page}: baseline {line.Baseline:F3} is off the grid ({line.Slot:F3})");
        }
    }

    [Fact]
    public void Every_page_but_the_last_is_filled_to_22_lines_unless_a_heading_moved_on()
    {
        foreach (var page in Pages.Pages.SkipLast(1))
        {
            var slots = page.Lines.Select(l => l.SlotIndex).ToHashSet();
            var expected = Enumerable.Range(0, 22).ToHashSet();
            if (page.Number == 1) expected.Remove(TitleLines().Count); // the blank line after the title
            var next = Pages.Pages[page.Number].Lines[0];
            if (next.Letters[0].FontName?.Contains("FandolHei") is true)
            {
                // A heading is not left at the foot of a page: the slots it would have taken stay blank.
                var moved = Pages.Pages[page.Number].Lines.TakeWhile(l => l.Letters[0].FontName?.Contains("FandolHei") is true).Count();
                Assert.True(slots.Max() >= 21 - moved, $"page {page.Number} ends at slot {slots.Max()}");
                expected.RemoveWhere(s => s > slots.Max());
            }
            Assert.Equal(expected.Order(), slots.Order());
        }
    }

    [Fact]
    public void A_page_ends_with_at_most_one_empty_line_before_a_heading_unless_the_heading_and_two_lines_cannot_fit()
    {
        foreach (var page in Pages.Pages.SkipLast(1))
        {
            var next = Pages.Pages[page.Number].Lines;
            if (!System.Text.RegularExpressions.Regex.IsMatch(next[0].Text, "^[一二三四五六七八九十]+、")) continue;
            var heading = next.TakeWhile(l => l.Letters[0].FontName == next[0].Letters[0].FontName).Count();
            var paragraph = 1 + next.Skip(heading + 1).TakeWhile(l => Math.Abs(l.Start - Pages.Pages[l.Page - 1].Left) <= 1).Count();
            var empty = 21 - page.Lines[^1].SlotIndex;
            Assert.True(empty <= 1 || empty < heading + Math.Min(2, paragraph),
                $"page {page.Number} ends with {empty} empty lines before a heading of {heading} line(s): {next[0].Text}");
        }
    }

    [Fact]
    public void Page_numbers_sit_one_character_in_on_the_outer_side_7_mm_below_the_block()
    {
        foreach (var page in Pages.Pages)
        {
            var folio = page.Folio ?? throw new Xunit.Sdk.XunitException($"page {page.Number} has no number");
            Assert.Equal($"—{page.Number}—", folio.Text);
            Assert.All(folio.Letters, l => Assert.Equal(14, l.PointSize, 0.01));
            if (page.Number % 2 == 1) Assert.Equal(page.Right - 14, folio.End, 1.0);
            else Assert.Equal(page.Left + 14, folio.Start, 1.0);
            var emTop = folio.Baseline + 0.88 * 14;
            Assert.Equal(PdfPages.PageHeight - PdfPages.Top - 225 * PdfPages.Mm - 7 * PdfPages.Mm, emTop, 0.01);
        }
    }

    [Fact]
    public void The_title_is_FandolSong_Bold_22_pt_without_synthetic_bold_centred_and_followed_by_one_blank_line()
    {
        var title = TitleLines();
        Assert.NotEmpty(title);
        Assert.Equal(Subject.Document.Title, string.Concat(title.Select(l => l.Text)));
        var page = Pages.Pages[0];
        foreach (var line in title)
        {
            // A real bold face (FandolSong Bold; Liberation Serif Bold for the year), filled, never stroked into synthetic bold.
            Assert.All(line.Letters, l => Assert.Contains(IsLatin(l) ? "Liberation Serif,Bold" : "FandolSong,Bold", l.FontName));
            Assert.All(line.Letters, l => Assert.Equal(TextRenderingMode.Fill, l.RenderingMode));
            Assert.Equal((page.Left + page.Right) / 2, (line.Start + line.End) / 2, 1.0);
        }
        Assert.Equal(Enumerable.Range(0, title.Count), title.Select(l => l.SlotIndex));
        Assert.Equal(title.Count + 1, page.Lines[title.Count].SlotIndex);
    }

    [Fact]
    public void A_long_title_is_broken_into_balanced_lines()
    {
        var widths = TitleLines().Select(l => l.End - l.Start).ToList();
        var natural = Subject.Document.Title.EnumerateRunes().Count() * 22.0;
        Assert.True(natural <= PdfPages.BlockWidth || widths.Count >= 2, $"a title {natural:F0} pt long is set on one line");
        if (natural <= PdfPages.BlockWidth) { Assert.Single(widths); return; }
        Assert.True(widths.Max() - widths.Min() <= 3 * 22, $"title lines {string.Join(", ", widths.Select(w => w.ToString("F0")))} pt");
    }

    [Fact]
    public void The_recipient_line_is_flush_left_and_ends_with_a_full_width_colon()
    {
        var page = Pages.Pages[0];
        var recipient = page.Lines[TitleLines().Count];
        Assert.Equal(page.Left, recipient.Start, 1.0);
        Assert.Equal("：", recipient.Letters[^1].Value);
        Assert.Equal(Subject.Document.Recipient, recipient.Text);
    }

    [Fact]
    public void A_heading_is_never_the_last_line_of_a_page()
    {
        foreach (var page in Pages.Pages.SkipLast(1))
            Assert.DoesNotContain("FandolHei", page.Lines[^1].Letters[0].FontName);
    }

    [Fact]
    public void Level_one_headings_are_Hei_and_indented_two_characters()
    {
        var headings = Pages.Pages.SelectMany(p => p.Lines).Where(l => l.Letters[0].FontName?.Contains("FandolHei") is true).ToList();
        Assert.NotEmpty(headings);
        Assert.All(headings, l => Assert.All(l.Letters.Where(x => !IsLatin(x)), x => Assert.Contains("FandolHei", x.FontName)));
        var openers = headings.Where(l => l.Text.Length > 1 && l.Text[1] == '、').ToList();
        Assert.Equal(Subject.Document.Blocks.Count(b => b.Kind == BlockKind.Heading), openers.Count);
        Assert.All(openers, l => Assert.Equal(Pages.Pages[l.Page - 1].Left + 2 * PdfPages.CharPitch, l.Start, 1.0));
    }

    [Fact]
    public void A_run_in_heading_is_Kai_through_its_first_full_stop_and_body_face_after()
    {
        var runIn = Pages.Pages.SelectMany(p => p.Lines).Where(l => l.Text.StartsWith("（一）", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(runIn);
        foreach (var line in runIn)
        {
            var stop = line.Text.IndexOf('。');
            var kai = stop < 0 ? line.Letters : line.Letters.Take(stop + 1);
            Assert.All(kai, l => Assert.Contains("FandolKai", l.FontName));
            if (stop >= 0) Assert.All(line.Letters.Skip(stop + 1).Where(l => !IsLatin(l) && l.Value.EnumerateRunes().First().Value < 0x20000),
                l => Assert.Contains("FandolFang", l.FontName));
            Assert.Equal(Pages.Pages[line.Page - 1].Left + 2 * PdfPages.CharPitch, line.Start, 1.0);
        }
    }

    [Fact]
    public void Signature_and_date_close_the_report_after_one_blank_line()
    {
        var page = Pages.Pages[^1];
        var date = page.Lines[^1];
        var signature = page.Lines[^2];
        Assert.Equal(Subject.Document.DateText, date.Text);
        Assert.Equal(Subject.Document.Signature, signature.Text);
        Assert.Equal(signature.SlotIndex + 1, date.SlotIndex);
        if (page.Lines.Count > 2) Assert.Equal(page.Lines[^3].SlotIndex + 2, signature.SlotIndex);
        var two = 2 * PdfPages.CharPitch;
        if (signature.Start + two + (date.End - date.Start) <= page.Right + 0.5)
        {
            Assert.Equal(page.Right - two, signature.End, 1.0);
            Assert.Equal(signature.Start + two, date.Start, 1.0);
        }
        else
        {
            Assert.Equal(page.Right - two, date.End, 1.0);
            Assert.Equal((date.Start + date.End) / 2, (signature.Start + signature.End) / 2, 1.0);
        }
    }

    [Fact]
    public void Body_text_is_set_in_the_body_face_at_16_pt()
    {
        var body = Pages.Pages.SelectMany(p => p.Lines).Skip(TitleLines().Count).SelectMany(l => l.Letters).ToList();
        Assert.All(body, l => Assert.Equal(16, l.PointSize, 0.01));
        Assert.Contains(body, l => l.FontName?.Contains("FandolFang") is true);
    }

    [Fact]
    public void Latin_letters_and_digits_are_drawn_in_the_Latin_face_and_page_numbers_in_Song()
    {
        var lines = Pages.Pages.SelectMany(p => p.Lines).ToList();
        var latin = lines.SelectMany(l => l.Letters).Where(IsLatin).ToList();
        Assert.NotEmpty(latin);
        Assert.All(latin, l => Assert.Contains("Liberation Serif", l.FontName));
        Assert.All(lines.SelectMany(l => l.Letters).Where(l => !IsLatin(l)), l => Assert.DoesNotContain("Liberation", l.FontName));
        Assert.All(Pages.Pages, p => Assert.All(p.Folio!.Letters, l => Assert.Contains("FandolSong", l.FontName)));
    }

    private static bool IsLatin(UglyToad.PdfPig.Content.Letter letter) => FontSet.IsLatinText(letter.Value.EnumerateRunes().First().Value);

    private List<PdfLine> TitleLines() => Pages.Pages[0].Lines.TakeWhile(l => Math.Abs(l.Letters[0].PointSize - 22) < 0.01).ToList();

    /// <summary>True when <paramref name="next"/> is on the slot right after <paramref name="line"/> (on the same or the next page).</summary>
    private static bool Follows(PdfLine line, PdfLine next) =>
        next.Page == line.Page ? next.SlotIndex == line.SlotIndex + 1 : next.Page == line.Page + 1 && line.SlotIndex == 21 && next.SlotIndex == 0;
}

public sealed class FixtureGeometryTests : ReportGeometryTests
{
    private protected override (ReportDocument Document, RenderedPdf Pdf, PdfPages Pages) Subject => Rendered.Fixture.Value;
}

public sealed class StressGeometryTests : ReportGeometryTests
{
    private protected override (ReportDocument Document, RenderedPdf Pdf, PdfPages Pages) Subject => Rendered.Stress.Value;

    [Fact]
    public void Characters_the_body_face_lacks_come_from_the_fallbacks()
    {
        var letters = Subject.Pages.Pages.SelectMany(p => p.Lines).SelectMany(l => l.Letters).ToList();
        Assert.All(letters.Where(l => l.Value == "𠮷"), l => Assert.Contains("LXGW", l.FontName));
        Assert.All(letters.Where(l => l.Value == "㐀"), l => Assert.Contains("Droid", l.FontName));
        Assert.Equal(2, letters.Count(l => l.Value == "𠮷"));
    }

    [Fact]
    public void The_URL_is_broken_only_after_a_slash_dot_hyphen_question_mark_or_ampersand()
    {
        var lines = Subject.Pages.Pages.SelectMany(p => p.Lines).Select(l => l.Text).ToList();
        var first = lines.FindIndex(l => l.Contains("https://", StringComparison.Ordinal));
        // The lines the URL runs over: from the one it starts on to the first whose text completes it.
        var last = first;
        while (!string.Concat(lines.Skip(first).Take(last - first + 1)).Contains(StressReport.Url, StringComparison.Ordinal))
            last++;
        Assert.True(last > first, "the URL fits on one line: the stress report no longer tests URL breaking");
        for (var i = first; i < last; i++)
            Assert.Contains(lines[i][^1], "/.-?&");
    }

    [Fact]
    public void Every_forbidden_mark_was_put_at_a_line_boundary_and_moved()
    {
        var starts = Subject.Pages.Pages.SelectMany(p => p.Lines).Select(l => l.Text).ToList();
        foreach (var mark in StressReport.NoStart)
            Assert.Contains(starts, l => l.StartsWith("测" + mark, StringComparison.Ordinal));
        foreach (var mark in StressReport.NoEnd)
            Assert.Contains(starts, l => l.StartsWith(mark + "引文", StringComparison.Ordinal));
    }
}
