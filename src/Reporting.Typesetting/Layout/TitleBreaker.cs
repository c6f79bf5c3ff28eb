namespace Reporting.Typesetting.Layout;

/// <summary>
/// Breaks a title over as few lines as the measure allows, balanced and centred [7.3.1]: among the breaks
/// clreq permits, it picks those that make the lines most even, preferring sense boundaries (after the
/// department's name, after 关于, after the year, after 的) over breaks inside a phrase.
/// </summary>
internal static class TitleBreaker
{
    public static List<LineBreaker.Line> Break(IReadOnlyList<int> text, IReadOnlyList<double> widths, double measure, IReadOnlyDictionary<int,
        double> senseBonus)
    {
        var n = text.Count;
        var total = widths.Sum();
        if (total <= measure + 0.01 || n < 2) return [new LineBreaker.Line(0, n, true)];
        var runs = LineBreaker.RunIds(text);
        var candidates = Enumerable.Range(1, n - 1).Where(i => LineBreaker.CanBreakBefore(text, runs, i)).Append(n).ToArray();
        var prefix = new double[n + 1];
        for (var i = 0; i < n; i++) prefix[i + 1] = prefix[i] + widths[i];

        for (var lines = (int)Math.Ceiling(total / measure); lines <= n; lines++)
            if (Solve(candidates, prefix, measure, total / lines, lines, senseBonus) is { } ends)
            {
                var result = new List<LineBreaker.Line>();
                var start = 0;
                foreach (var end in ends) { result.Add(new LineBreaker.Line(start, end, end == n)); start = end; }
                return result;
            }
        return LineBreaker.Break(text, widths, measure, measure);
    }

    /// <summary>Least-cost line ends for exactly <paramref name="lines"/> lines (dynamic programming over break points).</summary>
    private static int[]? Solve(int[] candidates, double[] prefix, double measure, double target, int lines, IReadOnlyDictionary<int, double> bonus)
    {
        var n = prefix.Length - 1;
        var points = new[] { 0 }.Concat(candidates).ToArray();
        var cost = new double[lines + 1, points.Length];
        var from = new int[lines + 1, points.Length];
        for (var k = 0; k <= lines; k++) for (var j = 0; j < points.Length; j++) cost[k, j] = double.PositiveInfinity;
        cost[0, 0] = 0;
        for (var k = 1; k <= lines; k++)
            for (var j = 1; j < points.Length; j++)
                for (var i = 0; i < j; i++)
                {
                    if (double.IsPositiveInfinity(cost[k - 1, i])) continue;
                    var width = prefix[points[j]] - prefix[points[i]];
                    if (width > measure + 0.01) continue;
                    var c = cost[k - 1, i] + (width - target) * (width - target) - (points[j] < n ? bonus.GetValueOrDefault(points[j]) : 0);
                    if (c < cost[k, j]) { cost[k, j] = c; from[k, j] = i; }
                }
        var last = points.Length - 1;
        if (double.IsPositiveInfinity(cost[lines, last])) return null;
        var ends = new int[lines];
        for (int k = lines, j = last; k > 0; j = from[k, j], k--) ends[k - 1] = points[j];
        return ends;
    }
}
