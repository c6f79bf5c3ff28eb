using Reporting.Core.Documents;

namespace Reporting.Typesetting.Tests;

/// <summary>clreq justification on constructed paragraphs, read back from the PDF: compression, and numbers on spread lines.</summary>
public class JustificationTests
{
    private static readonly Lazy<PdfPages> Pages = new(() =>
    {
        var blocks = new List<DocumentBlock>
        {
            // First line: 26 cells after the indent. 法×24 说 。 fill it; ” may not start a line: 。 and ” are set half-width instead.
            new(BlockKind.Paragraph, new string('法', 24) + "说。”他们继续讨论下去，直到会议结束。"),
        };
        // Numbers and Latin words at every offset, so some land on lines that are pushed short and spread.
        for (var k = 0; k < 28; k++)
            blocks.Add(new(BlockKind.Paragraph, new string('测', k) + "全年办理128件，涉及356.7万元，通过ISO 9001认证，执行GB/T 9704-2012标准。"));
        var document = new ReportDocument("排版测试", "区法治政府建设领导小组办公室：", blocks, "测试局", new DateOnly(2024, 1, 5), DocumentWords.Date(new DateOnly(2024, 1, 5)),
            new DocumentInfo("排版测试", "测试局", "测试", new DateTimeOffset(2024, 1, 5, 10, 0, 0, TimeSpan.FromHours(8))));
        return PdfPages.Read(Fixtures.Typesetter.Value.Render(document).Content);
    });

    [Fact]
    public void A_line_short_of_a_closing_mark_takes_it_in_by_setting_the_pair_and_the_line_end_half_width()
    {
        var line = Pages.Value.Pages[0].Lines.First(l => l.Text.StartsWith("法法", StringComparison.Ordinal));

        Assert.Equal(new string('法', 24) + "说。”", line.Text);
        var stop = line.Letters[^2];
        Assert.Equal(PdfPages.CharPitch / 2, line.Letters[^1].StartBaseLine.X - stop.StartBaseLine.X, 0.5);
        Assert.Equal(PdfPages.CharPitch, stop.StartBaseLine.X - line.Letters[^3].StartBaseLine.X, 0.1); // not spread: compressed
    }

    [Fact]
    public void Numbers_and_Latin_words_on_spread_lines_keep_their_letters_together()
    {
        var spreadWithRuns = 0;
        foreach (var line in Pages.Value.Pages.SelectMany(p => p.Lines).Where(l => l.Text.Any(char.IsAsciiDigit)))
        {
            var cjk = line.Letters.Zip(line.Letters.Skip(1)).Where(p => Justification.IsCjk(p.First) && Justification.IsCjk(p.Second)).ToList();
            if (!cjk.Any(p => p.Second.StartBaseLine.X - p.First.StartBaseLine.X > PdfPages.CharPitch + 0.2)) continue;
            spreadWithRuns++;
            foreach (var (a, b) in line.WithSpaces.Zip(line.WithSpaces.Skip(1)).Where(p => Justification.IsLatin(p.First) && Justification.IsLatin(p.Second)))
                Assert.True(b.StartBaseLine.X - a.EndBaseLine.X <= 1, $"{a.Value}{b.Value} pulled apart in {line.Text}");
        }
        Assert.True(spreadWithRuns >= 3, $"only {spreadWithRuns} spread lines hold numbers");
    }
}
