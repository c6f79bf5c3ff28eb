using System.Globalization;
using System.Text;
using DiffPlex;
using DiffPlex.Chunkers;
using DiffPlex.Model;

namespace Reporting.Functions.Pages;

/// <summary>
/// Two versions of a part side by side. Paragraphs (lines) are matched first, then each changed stretch is compared
/// character by character: Chinese has no spaces, so a word diff would mark a whole sentence for one changed 字.
/// The result is markup this class made itself: every piece of text is HTML-encoded here, changes are
/// <c>&lt;del&gt;</c>/<c>&lt;ins&gt;</c> with a hidden 删除/新增 label for screen readers, and long unchanged stretches fold away.
/// The work is bounded, whatever two texts are given: at most <see cref="CharacterBudget"/> characters in all are compared
/// character by character (changed paragraphs beyond it are shown removed and added whole), at most
/// <see cref="MaxParagraphs"/> differing paragraphs are matched (beyond them the comparison is refused), and a comparison
/// whose markup exceeds <see cref="MaxHtmlBytes"/> keeps only its counts (<see cref="Outcome"/> says which).
/// </summary>
public sealed class VersionDiff
{
    /// <summary>Unchanged paragraphs beyond this many in a row are folded into a <c>&lt;details&gt;</c>.</summary>
    public const int KeepUnchanged = 2;

    /// <summary>
    /// A changed stretch whose differing middle is longer than this (in characters, both sides together) is shown as
    /// removed and added whole: the character diff costs time in proportion to length × differences (a 20,000-character
    /// paragraph rewritten throughout took 2.5 s), and a stretch that different was rewritten anyway.
    /// </summary>
    public const int MaxCharacterDiff = 6_000;

    /// <summary>
    /// Characters (both sides together) compared character by character in one comparison, over all its changed stretches:
    /// two 200,000-character versions with every paragraph just under <see cref="MaxCharacterDiff"/> and every other
    /// character changed took 4.9 s and made 5.9 MB of markup before this bound.
    /// </summary>
    public const int CharacterBudget = 12_000;

    /// <summary>
    /// Paragraphs (both sides together, the common opening and ending paragraphs left out) the paragraph diff may match:
    /// its cost grows with their number × the paragraphs that differ, so this many all different costs tens of millions of steps.
    /// </summary>
    public const int MaxParagraphs = 5_000;

    /// <summary>The markup of the rows (UTF-8) a page may carry; a comparison beyond it keeps its counts and no rows.</summary>
    public const int MaxHtmlBytes = 1_000_000;

    private VersionDiff(IReadOnlyList<DiffRow> rows, int deleted, int inserted, DiffOutcome outcome, int charactersCompared, int paragraphsCompared)
    {
        Rows = rows;
        Deleted = deleted;
        Inserted = inserted;
        Outcome = outcome;
        CharactersCompared = charactersCompared;
        ParagraphsCompared = paragraphsCompared;
    }

    public IReadOnlyList<DiffRow> Rows { get; }

    public DiffOutcome Outcome { get; }

    /// <summary>The work done: characters given to the character diff (at most <see cref="CharacterBudget"/>).</summary>
    public int CharactersCompared { get; }

    /// <summary>The work done: paragraphs given to the paragraph diff (at most <see cref="MaxParagraphs"/>; 0 when refused).</summary>
    public int ParagraphsCompared { get; }

    /// <summary>The size of the rows' markup in UTF-8 bytes, as the page would carry it.</summary>
    public long HtmlBytes => Rows.Sum(RowBytes);

    /// <summary>Characters removed (𠮷 counts once).</summary>
    public int Deleted { get; }

    /// <summary>Characters added (𠮷 counts once).</summary>
    public int Inserted { get; }

    public bool Unchanged => Outcome != DiffOutcome.TooDifferent && Deleted == 0 && Inserted == 0;

    public static VersionDiff Build(string oldText, string newText)
    {
        // DiffPlex's line chunker splits at \r\n, \r and \n: each paragraph is one piece, as the PDF reads it.
        var differing = DifferingParagraphs(LineChunker.Instance.Chunk(oldText), LineChunker.Instance.Chunk(newText));
        if (differing > MaxParagraphs) return new VersionDiff([], 0, 0, DiffOutcome.TooDifferent, 0, 0);
        var lines = Differ.Instance.CreateDiffs(oldText, newText, false, false, LineChunker.Instance);
        var (oldLines, newLines) = (lines.PiecesOld, lines.PiecesNew);
        var rows = new List<DiffRow>();
        var unchanged = new List<string>();
        int a = 0, deleted = 0, inserted = 0;
        var work = new CharacterWork();
        foreach (var block in lines.DiffBlocks)
        {
            unchanged.AddRange(oldLines.Skip(a).Take(block.DeleteStartA - a));
            Fold(unchanged, rows);
            var before = string.Join('\n', oldLines.Skip(block.DeleteStartA).Take(block.DeleteCountA));
            var after = string.Join('\n', newLines.Skip(block.InsertStartB).Take(block.InsertCountB));
            var (left, right, removed, added) = Characters(before, after, work);
            rows.Add(new DiffRow(DiffRowKind.Changed, left, right, 0));
            deleted += removed;
            inserted += added;
            a = block.DeleteStartA + block.DeleteCountA;
        }
        unchanged.AddRange(oldLines.Skip(a));
        Fold(unchanged, rows);
        var outcome = work.WentWithout ? DiffOutcome.ParagraphsOnly : DiffOutcome.Characters;
        if (rows.Sum(RowBytes) > MaxHtmlBytes) (rows, outcome) = ([], DiffOutcome.TooLong);
        return new VersionDiff(rows, deleted, inserted, outcome, CharacterBudget - work.Left, differing);
    }

    /// <summary>What is left of <see cref="CharacterBudget"/> in one comparison, and whether a stretch that wanted some went without.</summary>
    private sealed class CharacterWork
    {
        public int Left { get; set; } = CharacterBudget;
        public bool WentWithout { get; set; }
    }

    /// <summary>How many paragraphs (both sides) lie between the opening and the ending paragraphs the two texts share.</summary>
    private static int DifferingParagraphs(IReadOnlyList<string> old, IReadOnlyList<string> @new)
    {
        var prefix = 0;
        while (prefix < old.Count && prefix < @new.Count && old[prefix] == @new[prefix]) prefix++;
        var suffix = 0;
        while (suffix < old.Count - prefix && suffix < @new.Count - prefix && old[old.Count - 1 - suffix] == @new[@new.Count - 1 - suffix]) suffix++;
        return old.Count + @new.Count - 2 * (prefix + suffix);
    }

    /// <summary>A row as the page prints it: a folded row once, the others both sides.</summary>
    private static long RowBytes(DiffRow row) =>
        Encoding.UTF8.GetByteCount(row.Old) + (row.Kind == DiffRowKind.Folded ? 0 : Encoding.UTF8.GetByteCount(row.New));

    /// <summary>A run of unchanged paragraphs: the first and last <see cref="KeepUnchanged"/> shown, the middle folded.</summary>
    private static void Fold(List<string> unchanged, List<DiffRow> rows)
    {
        if (unchanged.Count <= KeepUnchanged * 2 + 1)
            rows.AddRange(unchanged.Select(Same));
        else
        {
            rows.AddRange(unchanged.Take(KeepUnchanged).Select(Same));
            var middle = unchanged.Skip(KeepUnchanged).Take(unchanged.Count - KeepUnchanged * 2).ToList();
            var html = string.Join("", middle.Select(l => "<p>" + Encode(l) + "</p>"));
            rows.Add(new DiffRow(DiffRowKind.Folded, html, html, middle.Count));
            rows.AddRange(unchanged.Skip(unchanged.Count - KeepUnchanged).Select(Same));
        }
        unchanged.Clear();
    }

    private static DiffRow Same(string line)
    {
        var html = Encode(line);
        return new DiffRow(DiffRowKind.Same, html, html, 0);
    }

    /// <summary>One changed stretch: compared character by character while the budget lasts, else removed and added whole.</summary>
    private static (string Left, string Right, int Deleted, int Inserted) Characters(string before, string after, CharacterWork work)
    {
        var old = TextElementChunker.Instance.Chunk(before);
        var @new = TextElementChunker.Instance.Chunk(after);
        // What both sides begin and end with is unchanged: only the middle goes to the diff, which costs its length × its differences.
        var prefix = 0;
        while (prefix < old.Count && prefix < @new.Count && old[prefix] == @new[prefix]) prefix++;
        var suffix = 0;
        while (suffix < old.Count - prefix && suffix < @new.Count - prefix && old[old.Count - 1 - suffix] == @new[@new.Count - 1 - suffix]) suffix++;
        var (oldMiddle, newMiddle) = (old.Count - prefix - suffix, @new.Count - prefix - suffix);
        // A stretch past MaxCharacterDiff was rewritten anyway; one within it that the budget cannot pay for is the cheaper diff's.
        var wanted = oldMiddle != 0 && newMiddle != 0 && oldMiddle + newMiddle <= MaxCharacterDiff;
        var compared = wanted && oldMiddle + newMiddle <= work.Left;
        if (compared) work.Left -= oldMiddle + newMiddle;
        else if (wanted) work.WentWithout = true;
        IReadOnlyList<DiffBlock> blocks = !compared
            ? [new DiffBlock(prefix, oldMiddle, prefix, newMiddle)]
            : Differ.Instance.CreateDiffs(string.Concat(old.Skip(prefix).Take(oldMiddle)), string.Concat(@new.Skip(prefix).Take(newMiddle)), false, false,
                TextElementChunker.Instance)
                .DiffBlocks.Select(b => new DiffBlock(b.DeleteStartA + prefix, b.DeleteCountA, b.InsertStartB + prefix, b.InsertCountB)).ToList();
        return (Mark(old, blocks, "del", "删除"), Mark(@new, blocks, "ins", "新增"), blocks.Sum(b => b.DeleteCountA), blocks.Sum(b => b.InsertCountB));
    }

    /// <summary>One side: its pieces, the changed runs wrapped in &lt;del&gt; (old side) or &lt;ins&gt; (new side).</summary>
    private static string Mark(IReadOnlyList<string> pieces, IEnumerable<DiffBlock> blocks, string tag, string label)
    {
        var changed = new bool[pieces.Count];
        foreach (var block in blocks)
        {
            var (start, count) = tag == "del" ? (block.DeleteStartA, block.DeleteCountA) : (block.InsertStartB, block.InsertCountB);
            Array.Fill(changed, true, start, count);
        }
        var html = new StringBuilder();
        for (var i = 0; i < pieces.Count;)
        {
            var j = i;
            while (j < pieces.Count && changed[j] == changed[i]) j++;
            var text = Encode(string.Concat(pieces.Skip(i).Take(j - i)));
            html.Append(changed[i] ? $"<span class=\"vh\">〔{label}〕</span><{tag}>{text}</{tag}>" : text);
            i = j;
        }
        return html.ToString();
    }

    /// <summary>The five characters that matter in HTML text and attributes; everything else (Chinese, 𠮷) stays as it is.</summary>
    public static string Encode(string text)
    {
        var html = new StringBuilder(text.Length + 16);
        foreach (var c in text)
            html.Append(c switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                '\'' => "&#39;",
                _ => c,
            });
        return html.ToString();
    }

    /// <summary>
    /// Characters as a reader counts them: DiffPlex's own <see cref="CharacterChunker"/> splits UTF-16 code units, which
    /// would cut 𠮷 (a surrogate pair) in half and print a broken character; this keeps every text element whole.
    /// </summary>
    private sealed class TextElementChunker : IChunker
    {
        public static readonly TextElementChunker Instance = new();

        public IReadOnlyList<string> Chunk(string text)
        {
            var pieces = new List<string>(text.Length);
            var elements = StringInfo.GetTextElementEnumerator(text);
            while (elements.MoveNext()) pieces.Add(elements.GetTextElement());
            return pieces;
        }
    }
}
