using System.Text.RegularExpressions;

namespace Reporting.Typesetting.Tests;

/// <summary>The real report read back with pdftotext: nothing the department wrote is lost, reworded or reordered.</summary>
public partial class FixtureTextTests
{
    [Fact]
    public void The_fixture_renders_every_line_of_its_text_headings_included_in_order()
    {
        var path = Rendered.WriteTemp(Fixtures.Kgj2023Pdf.Value, "kgj-2023-text.pdf");
        var (exit, output, _) = Tools.Run("/usr/bin/pdftotext", "-enc", "UTF-8", path, "-");
        Assert.Equal(0, exit);
        var text = Squash(Folio().Replace(output, ""));

        var lines = File.ReadAllLines(Path.Combine(Fixtures.SharedFixtures, "kgj-2023.txt")).Skip(1).Select(Squash).Where(l => l.Length > 0).ToList();
        Assert.Contains(lines, l => l == "三、推进法治政府建设存在的不足、原因和问题整改情况");
        var at = 0;
        foreach (var line in lines)
        {
            var found = text.IndexOf(line, at, StringComparison.Ordinal);
            Assert.True(found >= at, $"missing or out of order: {line[..Math.Min(30, line.Length)]}");
            at = found + line.Length;
        }
    }

    private static string Squash(string text) => WhiteSpace().Replace(text, "");

    [GeneratedRegex(@"—\s*\d+\s*—")]
    private static partial Regex Folio();

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhiteSpace();
}
