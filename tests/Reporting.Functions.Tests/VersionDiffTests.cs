using System.Text.RegularExpressions;
using Reporting.Functions.Pages;
using Xunit;

namespace Reporting.Functions.Tests;

/// <summary>The 草稿 page's comparison of two versions: by character, whole characters, encoded, long sameness folded.</summary>
public sealed class VersionDiffTests
{
    private static string Deleted(string html) => string.Concat(Regex.Matches(html, "<del>(.*?)</del>").Select(m => m.Groups[1].Value));

    private static string Inserted(string html) => string.Concat(Regex.Matches(html, "<ins>(.*?)</ins>").Select(m => m.Groups[1].Value));

    [Fact]
    public void One_changed_character_in_a_chinese_sentence_is_marked_alone()
    {
        var diff = VersionDiff.Build("我局持续推进法治政府建设。", "我局全面推进法治政府建设。");

        var row = Assert.Single(diff.Rows);
        Assert.Equal(DiffRowKind.Changed, row.Kind);
        Assert.Equal("持续", Deleted(row.Old));
        Assert.Equal("全面", Inserted(row.New));
        Assert.Equal("我局〔删除〕持续推进法治政府建设。", Regex.Replace(row.Old, "<[^>]+>", ""));
        Assert.Equal((2, 2), (diff.Deleted, diff.Inserted));
    }

    [Fact]
    public void A_surrogate_pair_is_one_character_never_split()
    {
        // 𠮷 is U+20BB7 (D842 DFB7) and 𠀀 U+20000 (D840 DC00): a code-unit diff would keep or swap half of each.
        var diff = VersionDiff.Build("吉𠮷野家", "吉𠀀野家");

        var row = Assert.Single(diff.Rows);
        Assert.Equal("𠮷", Deleted(row.Old));
        Assert.Equal("𠀀", Inserted(row.New));
        Assert.Equal((1, 1), (diff.Deleted, diff.Inserted));
        Assert.All(new[] { row.Old, row.New }, html => Assert.DoesNotMatch(@"[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]", html));
    }

    [Fact]
    public void Every_piece_of_text_is_html_encoded_changed_or_not()
    {
        var diff = VersionDiff.Build("<b>同意</b> & \"好\"\n<script>alert(1)</script>", "<b>同意</b> & \"好\"\n<script>alert(2)</script>");

        var html = string.Concat(diff.Rows.Select(r => r.Old + r.New));
        Assert.DoesNotContain("<script>", html);
        Assert.DoesNotContain("<b>", html);
        Assert.Contains("&lt;b&gt;同意&lt;/b&gt; &amp; &quot;好&quot;", html);
        Assert.Equal("1", Deleted(diff.Rows[1].Old));
        Assert.Equal("2", Inserted(diff.Rows[1].New));
    }

    [Fact]
    public void Unchanged_paragraphs_stay_whole_and_a_long_unchanged_stretch_is_folded()
    {
        var paragraphs = Enumerable.Range(1, 10).Select(i => $"第{i}段内容。").ToList();
        var changed = paragraphs.ToList();
        changed[9] = "第10段内容（已修改）。";

        var diff = VersionDiff.Build(string.Join("\n", paragraphs), string.Join("\r\n", changed));

        Assert.Equal([DiffRowKind.Same, DiffRowKind.Same, DiffRowKind.Folded, DiffRowKind.Same, DiffRowKind.Same, DiffRowKind.Changed], diff.Rows.Select(r => r.Kind));
        Assert.Equal(5, diff.Rows[2].FoldedCount);
        Assert.Contains("第5段内容。", diff.Rows[2].Old);
        Assert.Equal("（已修改）", Inserted(diff.Rows[5].New));
        Assert.Equal(0, diff.Deleted);
    }

    [Fact]
    public void Added_and_removed_paragraphs_show_on_their_own_side_only()
    {
        var diff = VersionDiff.Build("甲。\n乙。", "甲。\n乙。\n丙。");

        var added = Assert.Single(diff.Rows, r => r.Kind == DiffRowKind.Changed);
        Assert.Equal("", added.Old);
        Assert.Equal("丙。", Inserted(added.New));
        Assert.True(VersionDiff.Build("同一段。", "同一段。").Unchanged);
    }

    [Fact]
    public void A_long_paragraph_with_one_change_is_still_compared_by_character_and_one_rewritten_past_the_cap_is_shown_whole()
    {
        var paragraph = new string('法', 50_000);
        var edited = VersionDiff.Build(paragraph, paragraph[..25_000] + "治" + paragraph[25_001..]);
        Assert.Equal(("法", "治"), (Deleted(edited.Rows[0].Old), Inserted(edited.Rows[0].New)));

        var random = new Random(9);
        string Scramble(int n) => string.Concat(Enumerable.Range(0, n).Select(_ => (char)random.Next(0x4E00, 0x4E00 + 200)));
        var (before, after) = ("同" + Scramble(VersionDiff.MaxCharacterDiff), "同" + Scramble(VersionDiff.MaxCharacterDiff));
        var clock = System.Diagnostics.Stopwatch.StartNew();

        var rewritten = VersionDiff.Build(before, after);

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(2), $"took {clock.Elapsed.TotalMilliseconds:F0} ms");
        Assert.Equal((before[1..], after[1..]), (Deleted(rewritten.Rows[0].Old), Inserted(rewritten.Rows[0].New)));
    }

    [Fact]
    public void Two_long_versions_rewritten_throughout_compare_quickly()
    {
        // 200,000 characters a side (the body limit) with every tenth paragraph changed.
        var old = string.Join("\n", Enumerable.Range(0, 2000).Select(i => $"第{i}段：" + new string('法', 95)));
        var @new = string.Join("\n", Enumerable.Range(0, 2000).Select(i => $"第{i}段：" + new string(i % 10 == 0 ? '治' : '法', 95)));
        var clock = System.Diagnostics.Stopwatch.StartNew();

        var diff = VersionDiff.Build(old, @new);

        Assert.Equal(200 * 95, diff.Inserted);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"took {clock.Elapsed.TotalMilliseconds:F0} ms");
    }
}
