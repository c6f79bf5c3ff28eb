using System.Text.RegularExpressions;
using Reporting.Functions.Pages;
using Reporting.TestSupport;
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

        Assert.Equal([DiffRowKind.Same, DiffRowKind.Same, DiffRowKind.Folded, DiffRowKind.Same, DiffRowKind.Same, DiffRowKind.Changed],
            diff.Rows.Select(r => r.Kind));
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

    [Fact]
    public void The_costliest_pair_within_the_size_limit_stays_within_the_character_budget_and_the_page_cap()
    {
        // Paragraphs just under the per-stretch cap with every other character changed, each followed by one unchanged
        // paragraph so that each is a stretch of its own, up to the body limit: before the budget every paragraph went to
        // the character diff and every changed character became its own marked run.
        const int length = VersionDiff.MaxCharacterDiff / 2 - 10;
        var (old, @new, paragraphs) = CostlyVersions.EveryOtherCharacter(length);

        var diff = VersionDiff.Build(old, @new);

        Assert.True(diff.CharactersCompared <= VersionDiff.CharacterBudget, $"{diff.CharactersCompared} characters compared one by one");
        Assert.True(diff.CharactersCompared > 0, "the budget is spent on the first stretches, not refused outright");
        Assert.True(diff.HtmlBytes <= VersionDiff.MaxHtmlBytes, $"{diff.HtmlBytes} bytes of markup");
        Assert.Contains(diff.Outcome, new[] { DiffOutcome.ParagraphsOnly, DiffOutcome.TooLong });
        // Every other character of every paragraph changed: the counts say so whether or not the rows fit on the page.
        Assert.True(diff.Inserted >= paragraphs * (length / 2), $"{diff.Inserted} inserted");
    }

    [Fact]
    public void Past_its_budget_a_changed_paragraph_is_shown_removed_and_added_whole()
    {
        // Three paragraphs changed in their first and last character: each differing middle is a third of the budget and a little more.
        var size = VersionDiff.CharacterBudget / 6 + 10;
        var old = Enumerable.Range(0, 3).Select(i => $"{i}" + new string('法', size)).ToList();
        var @new = old.Select(p => p[..1] + "治" + p[2..^1] + "治").ToList();

        var diff = VersionDiff.Build(string.Join("\n\n", old), string.Join("\n\n", @new));

        Assert.Equal(DiffOutcome.ParagraphsOnly, diff.Outcome);
        Assert.True(diff.CharactersCompared <= VersionDiff.CharacterBudget);
        var changed = diff.Rows.Where(r => r.Kind == DiffRowKind.Changed).ToList();
        Assert.Equal(3, changed.Count);
        Assert.All(changed.Take(2), r => Assert.Equal(("法法", "治治"), (Deleted(r.Old), Inserted(r.New))));
        // The last paragraph went without: its differing middle is marked as one removed and one added run.
        Assert.Single(Regex.Matches(changed[2].Old, "<del>"));
        Assert.Single(Regex.Matches(changed[2].New, "<ins>"));
    }

    [Fact]
    public void Versions_whose_paragraphs_all_differ_beyond_the_paragraph_cap_are_refused_without_being_compared()
    {
        var (old, @new) = CostlyVersions.ShortParagraphsNoneAlike(VersionDiff.MaxParagraphs / 2 + 1);

        var diff = VersionDiff.Build(old, @new);

        Assert.Equal(DiffOutcome.TooDifferent, diff.Outcome);
        Assert.Empty(diff.Rows);
        Assert.Equal((0, 0), (diff.CharactersCompared, diff.ParagraphsCompared));
        Assert.False(diff.Unchanged);
        // Shared paragraphs at the start and the end do not count against the cap.
        var shared = string.Join("\n", Enumerable.Repeat("相同的段落。", VersionDiff.MaxParagraphs));
        Assert.Equal(DiffOutcome.Characters, VersionDiff.Build(shared + "\n甲", shared + "\n乙").Outcome);
    }
}
