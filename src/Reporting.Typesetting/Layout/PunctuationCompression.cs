namespace Reporting.Typesetting.Layout;

/// <summary>
/// Punctuation compression (标点挤压, clreq 3.1.6 and GB/T 15834): a full-width mark is half ink, half blank,
/// so where two marks meet (。” ，“ ）、) one of them may lose its blank half, and so may a closing mark at
/// the end of a line. The line breaker uses it to pull a no-start mark onto a line that is short of it by
/// less than a character (推入) rather than push a character down and spread the line (推出).
/// </summary>
internal static class PunctuationCompression
{
    /// <summary>Marks whose ink is on the left half (the blank half on the right may go).</summary>
    public static bool IsClosing(int c) => c is '、' or '，' or '。' or '；' or '：' or '）' or '」' or '』' or '》' or '”' or '’' or '】' or '〕' or '〉' or '〗';

    /// <summary>Marks whose ink is on the right half (the blank half on the left may go).</summary>
    public static bool IsOpening(int c) => c is '（' or '「' or '『' or '《' or '“' or '‘' or '【' or '〔' or '〈' or '〖';

    /// <summary>
    /// The characters of [<paramref name="start"/>, <paramref name="end"/>) that may be set half-width, the line
    /// ending at <paramref name="end"/>: the line-end mark first, then one mark of each adjacent pair, from the end.
    /// </summary>
    public static IEnumerable<int> Candidates(IReadOnlyList<int> text, int start, int end)
    {
        if (end > start && IsClosing(text[end - 1])) yield return end - 1;
        for (var i = end - 2; i >= start; i--)
        {
            int a = text[i], b = text[i + 1];
            if (IsClosing(a) && (IsClosing(b) || IsOpening(b))) yield return i;
            else if (IsOpening(a) && IsOpening(b)) yield return i + 1;
        }
    }

    /// <summary>
    /// The fewest marks whose halving takes <paramref name="excess"/> off the line, or null when all of them
    /// together cannot.
    /// </summary>
    public static List<int>? Fit(IReadOnlyList<int> text, IReadOnlyList<double> widths, int start, int end, double excess)
    {
        var halved = new List<int>();
        var gained = 0.0;
        foreach (var i in Candidates(text, start, end))
        {
            if (gained >= excess - 0.01) break;
            if (halved.Contains(i) || !Clreq.IsFullWidth(text[i])) continue;
            halved.Add(i);
            gained += widths[i] / 2;
        }
        return gained >= excess - 0.01 ? halved : null;
    }

    /// <summary>How far a halved mark's glyph moves left of where a full cell would put it: its blank left half, if that is what goes.</summary>
    public static double Shift(int c, double cell) => IsOpening(c) ? cell / 2 : 0;
}
