namespace Reporting.Typesetting.Layout;

/// <summary>
/// Chinese line breaking after W3C clreq: break between any two characters except before a no-start mark,
/// after a no-end mark, inside …… / ——, or inside a Latin/number run. When the character that would
/// start the next line may not, the break moves back (推出: the previous character goes down with it);
/// the caller then spreads the shortened line so it still fills the measure.
/// Input is one entry per Unicode scalar, so 𠮷 counts as one character.
/// </summary>
internal static class LineBreaker
{
    public readonly record struct Line(int Start, int End, bool IsLast);

    private const double Tolerance = 0.01;

    public static List<Line> Break(IReadOnlyList<int> text, IReadOnlyList<double> widths, double firstMeasure, double measure)
    {
        var lines = new List<Line>();
        var runs = RunIds(text);
        var start = 0;
        var available = firstMeasure;
        while (start < text.Count)
        {
            var width = 0.0;
            var end = start;
            while (end < text.Count && width + widths[end] <= available + Tolerance) width += widths[end++];
            if (end == text.Count) { lines.Add(new Line(start, end, true)); break; }
            var cut = Math.Max(ChooseBreak(text, widths, runs, start, end, available), start + 1);
            lines.Add(new Line(start, cut, false));
            start = cut;
            available = measure;
        }
        return lines;
    }

    /// <summary>Index of the first character of the next line, given that text[overflow] does not fit.</summary>
    private static int ChooseBreak(IReadOnlyList<int> text, IReadOnlyList<double> widths, int[] runs, int start, int overflow, double measure)
    {
        var legal = overflow;
        while (legal > start && !CanBreakBefore(text, runs, legal)) legal--;
        var splitsRun = overflow > start && runs[overflow] >= 0 && runs[overflow] == runs[overflow - 1];
        if (legal > start && !(splitsRun && Width(widths, start, legal) < measure * 0.75)) return legal;
        if (splitsRun && InsideRun(text, runs, Math.Max(legal, start) + 1, overflow) is { } inside) return inside;
        return legal > start ? legal : overflow;
    }

    /// <summary>The last break after a run's own separator (space, /, -, …) in (from, to].</summary>
    private static int? InsideRun(IReadOnlyList<int> text, int[] runs, int from, int to)
    {
        for (var i = to; i >= from && i > 0; i--)
            if (runs[i] == runs[i - 1] && runs[i] >= 0 && Clreq.IsRunBreakAfter(text[i - 1]) && !Clreq.IsNoStart(text[i])) return i;
        return null;
    }

    public static bool CanBreakBefore(IReadOnlyList<int> text, int[] runs, int i)
    {
        int before = text[i - 1], after = text[i];
        if (Clreq.IsNoStart(after) || Clreq.IsNoEnd(before) || after == ' ') return false;
        if (before == after && Clreq.IsPairedMark(before)) return false;
        if (char.IsAsciiDigit((char)Math.Min(before, 0xFFFF)) && Clreq.IsDateUnit(after)) return false;
        return runs[i] < 0 || runs[i] != runs[i - 1];
    }

    /// <summary>Run number of each character, −1 outside runs; a space joins a run only between two run characters.</summary>
    public static int[] RunIds(IReadOnlyList<int> text)
    {
        var ids = new int[text.Count];
        var id = -1;
        var inRun = false;
        for (var i = 0; i < text.Count; i++)
        {
            var c = text[i];
            var joins = Clreq.IsRunCharacter(c)
                || (c == ' ' && inRun && i + 1 < text.Count && Clreq.IsRunCharacter(text[i + 1]));
            if (joins && !inRun) id++;
            inRun = joins;
            ids[i] = joins ? id : -1;
        }
        return ids;
    }

    private static double Width(IReadOnlyList<double> widths, int from, int to)
    {
        var sum = 0.0;
        for (var i = from; i < to; i++) sum += widths[i];
        return sum;
    }
}
