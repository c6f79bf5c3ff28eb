namespace Reporting.Typesetting.Layout;

/// <summary>
/// Chinese line breaking after W3C clreq: break between any two characters except before a no-start mark,
/// after a no-end mark, inside …… / ——, or inside a Latin/number run. When the character that would
/// start the next line may not, the line first tries to take it in by compressing punctuation (推入); failing
/// that the break moves back (推出: the previous character goes down with it) and the caller spreads the
/// shortened line. A run that would leave a line looser than a quarter em between CJK characters is broken
/// at one of its own break points (after / . - ? &amp;, at a space) instead.
/// Input is one entry per Unicode scalar, so 𠮷 counts as one character.
/// </summary>
internal static class LineBreaker
{
    /// <param name="Halved">Full-width marks set half-width on this line (punctuation compression), or null.</param>
    public readonly record struct Line(int Start, int End, bool IsLast, IReadOnlyList<int>? Halved = null);

    private const double Tolerance = 0.01;

    /// <summary>Most characters a line pulls in past the measure by compression (a mark and the one it pairs with).</summary>
    private const int PushInLimit = 2;

    public static List<Line> Break(IReadOnlyList<int> text, IReadOnlyList<double> widths, double firstMeasure, double measure, double em = 1)
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
            var line = end > start && CanBreakBefore(text, runs, end) ? new Line(start, end, false)
                : PushIn(text, widths, runs, start, end, available) ?? PushOut(text, widths, runs, start, end, available, em);
            lines.Add(line);
            start = line.End;
            available = measure;
        }
        if (lines.Count >= 2) AvoidLoneLastCharacter(text, widths, runs, lines, lines.Count == 2 ? firstMeasure : measure, measure, em);
        return lines;
    }

    /// <summary>Most characters the line above gives up so that the last line holds more than one.</summary>
    private const int GiveUpLimit = 3;

    /// <summary>
    /// A paragraph does not end on a line holding one character, alone or with its closing marks (生。): the line
    /// above gives up characters to it (clreq), as few as make a legal break that leaves the line above no looser
    /// than a quarter em between characters and the last line within the measure.
    /// </summary>
    private static void AvoidLoneLastCharacter(
        IReadOnlyList<int> text, IReadOnlyList<double> widths, int[] runs, List<Line> lines, double aboveMeasure, double measure, double em)
    {
        var (above, last) = (lines[^2], lines[^1]);
        if (CharactersBesidesMarks(text, last.Start, last.End) > 1) return;
        for (var end = above.End - 1; end > above.Start && end >= above.End - GiveUpLimit; end--)
        {
            if (!CanBreakBefore(text, runs, end) || CharactersBesidesMarks(text, above.Start, end) < 2) continue;
            if (Width(widths, end, last.End) > measure + Tolerance || Loose(text, widths, above.Start, end, aboveMeasure, em)) continue;
            // Shorter now, the line above fits without the compression it may have needed to take a mark in.
            lines[^2] = new Line(above.Start, end, false);
            lines[^1] = new Line(end, last.End, true);
            return;
        }
    }

    /// <summary>Characters in [from, to) that are not closing marks or spaces.</summary>
    private static int CharactersBesidesMarks(IReadOnlyList<int> text, int from, int to)
    {
        var count = 0;
        for (var i = from; i < to; i++) if (!Clreq.IsNoStart(text[i]) && text[i] != ' ') count++;
        return count;
    }

    /// <summary>The line taken up to the next legal break just past the measure, if compressing its punctuation makes it fit.</summary>
    private static Line? PushIn(IReadOnlyList<int> text, IReadOnlyList<double> widths, int[] runs, int start, int overflow, double measure)
    {
        for (var end = overflow + 1; end <= Math.Min(overflow + PushInLimit, text.Count); end++)
        {
            if (end < text.Count && !CanBreakBefore(text, runs, end)) continue;
            var halved = PunctuationCompression.Fit(text, widths, start, end, Width(widths, start, end) - measure);
            return halved is null ? null : new Line(start, end, end == text.Count, halved);
        }
        return null;
    }

    /// <summary>A break before the measure: the last legal one, unless that leaves the line loose and a run can break instead.</summary>
    private static Line PushOut(IReadOnlyList<int> text, IReadOnlyList<double> widths, int[] runs, int start, int overflow, double measure, double em)
    {
        var legal = overflow;
        while (legal > start && !CanBreakBefore(text, runs, legal)) legal--;
        var splitsRun = overflow > start && runs[overflow] >= 0 && runs[overflow] == runs[overflow - 1];
        if (legal > start && !(splitsRun && Loose(text, widths, start, legal, measure, em))) return new Line(start, legal, false);
        if (splitsRun && InsideRun(text, runs, Math.Max(legal, start) + 1, overflow) is { } inside) return new Line(start, inside, false);
        return new Line(start, legal > start ? legal : Math.Max(overflow, start + 1), false);
    }

    /// <summary>True when spreading [start, end) to the measure would open more than a quarter em between characters.</summary>
    private static bool Loose(IReadOnlyList<int> text, IReadOnlyList<double> widths, int start, int end, double measure, double em)
    {
        var gaps = 0;
        for (var i = start + 1; i < end; i++) if (Clreq.IsStretchable(text[i - 1], text[i])) gaps++;
        return gaps == 0 || (measure - Width(widths, start, end)) / gaps > em * Clreq.MaxStretch;
    }

    /// <summary>The last break after a run's own separator (space, /, -, …) in (from, to].</summary>
    private static int? InsideRun(IReadOnlyList<int> text, int[] runs, int from, int to)
    {
        for (var i = to; i >= from && i > 0; i--)
            if (runs[i] == runs[i - 1] && runs[i] >= 0 && Clreq.IsRunBreakAfter(text, i - 1) && !Clreq.IsNoStart(text[i]) && text[i] != ' ') return i;
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
