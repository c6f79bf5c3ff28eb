namespace Reporting.Typesetting.Seals;

/// <summary>
/// A square anti-aliased mask: filled outlines (non-zero winding) on a grid of 3 × 3 samples per pixel,
/// their union kept, then averaged to 0–255 coverage. Enough to draw a seal: rings, a star and glyph outlines.
/// </summary>
/// <remarks>
/// Plain arrays and an active-edge scan rather than lists of tuples, sorted with a comparer, for every sample row: the
/// development seal is drawn in a fresh `reporting render --sign`, where generic code over tuples runs unoptimised
/// (ReadyToRun cannot precompile it) and drawing cost a third of a second. Three by three samples, not four by four:
/// ten levels of coverage smooth a 512-pixel seal's edges as well to the eye, for 56 % of the samples to fill and average.
/// </remarks>
internal sealed class Raster(int size)
{
    private const int Samples = 3;
    private readonly byte[] _samples = new byte[size * Samples * size * Samples];

    public int Size { get; } = size;

    /// <summary>Fills the closed contours (in pixels, y down) by the non-zero winding rule.</summary>
    public void Fill(IReadOnlyList<IReadOnlyList<(double X, double Y)>> contours)
    {
        var edges = Edges(contours);
        if (edges.Length == 0) return;
        var width = Size * Samples;
        // A sample row r is crossed by an edge when its centre r + 0.5 lies in [Y0, Y1): rows First to Last.
        var byFirstRow = new int[edges.Length];
        for (var i = 0; i < edges.Length; i++) byFirstRow[i] = i;
        var firstRows = new int[edges.Length];
        for (var i = 0; i < edges.Length; i++) firstRows[i] = edges[i].FirstRow;
        Array.Sort(firstRows, byFirstRow);
        var active = new int[edges.Length];
        var activeCount = 0;
        var crossingX = new double[edges.Length];
        var crossingWinding = new int[edges.Length];
        var next = 0;
        var firstRow = Math.Max(0, edges[byFirstRow[0]].FirstRow);
        for (var row = firstRow; row < width; row++)
        {
            while (next < byFirstRow.Length && edges[byFirstRow[next]].FirstRow <= row) active[activeCount++] = byFirstRow[next++];
            var count = 0;
            for (var a = 0; a < activeCount;)
            {
                ref readonly var e = ref edges[active[a]];
                if (e.LastRow < row) { active[a] = active[--activeCount]; continue; }
                // Insertion by x: a row has a handful of crossings.
                var x = e.X0 + (row + 0.5 - e.Y0) * e.Slope;
                var at = count++;
                while (at > 0 && crossingX[at - 1] > x)
                {
                    crossingX[at] = crossingX[at - 1];
                    crossingWinding[at] = crossingWinding[at - 1];
                    at--;
                }
                crossingX[at] = x;
                crossingWinding[at] = e.Winding;
                a++;
            }
            if (activeCount == 0 && next == byFirstRow.Length) break;
            var winding = 0;
            var rowSamples = _samples.AsSpan(row * width, width);
            for (var i = 0; i + 1 < count; i++)
            {
                winding += crossingWinding[i];
                if (winding == 0) continue;
                var from = Math.Max(0, (int)Math.Ceiling(crossingX[i] - 0.5));
                var to = Math.Min(width - 1, (int)Math.Floor(crossingX[i + 1] - 0.5));
                if (from <= to) rowSamples[from..(to + 1)].Fill(1);
            }
        }
    }

    /// <summary>Coverage per pixel, 0 (none) to 255 (all samples).</summary>
    public byte[] Coverage()
    {
        var width = Size * Samples;
        var counts = new int[Size];
        var coverage = new byte[Size * Size];
        for (var py = 0; py < Size; py++)
        {
            Array.Clear(counts);
            for (var sy = 0; sy < Samples; sy++)
            {
                var row = _samples.AsSpan((py * Samples + sy) * width, width);
                for (var sx = 0; sx < width; sx++) counts[sx / Samples] += row[sx];
            }
            for (var px = 0; px < Size; px++) coverage[py * Size + px] = (byte)(counts[px] * 255 / (Samples * Samples));
        }
        return coverage;
    }

    private static Edge[] Edges(IReadOnlyList<IReadOnlyList<(double X, double Y)>> contours)
    {
        var total = 0;
        foreach (var contour in contours) total += contour.Count;
        var edges = new Edge[total];
        var n = 0;
        foreach (var contour in contours)
            for (var i = 0; i < contour.Count; i++)
            {
                var (a, b) = (contour[i], contour[(i + 1) % contour.Count]);
                if (a.Y == b.Y) continue;
                var (upper, lower, winding) = a.Y < b.Y ? (a, b, 1) : (b, a, -1);
                var (x0, y0, x1, y1) = (upper.X * Samples, upper.Y * Samples, lower.X * Samples, lower.Y * Samples);
                var firstRow = (int)Math.Ceiling(y0 - 0.5);
                var lastRow = (int)Math.Ceiling(y1 - 0.5) - 1;
                if (lastRow < firstRow) continue;
                edges[n++] = new Edge(x0, y0, (x1 - x0) / (y1 - y0), firstRow, lastRow, winding);
            }
        return edges[..n];
    }

    /// <summary>An edge in sample units, from its upper end down; rows First to Last have their centres on it.</summary>
    private readonly record struct Edge(double X0, double Y0, double Slope, int FirstRow, int LastRow, int Winding);
}
