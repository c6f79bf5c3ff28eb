namespace Reporting.Typesetting.Seals;

/// <summary>
/// A square anti-aliased mask: filled outlines (non-zero winding) on a grid of 4 × 4 samples per pixel,
/// their union kept, then averaged to 0–255 coverage. Enough to draw a seal: rings, a star and glyph outlines.
/// </summary>
internal sealed class Raster(int size)
{
    private const int Samples = 4;
    private readonly bool[] _samples = new bool[size * Samples * size * Samples];

    public int Size { get; } = size;

    /// <summary>Fills the closed contours (in pixels, y down) by the non-zero winding rule.</summary>
    public void Fill(IReadOnlyList<IReadOnlyList<(double X, double Y)>> contours)
    {
        var edges = new List<(double X0, double Y0, double X1, double Y1, int Winding)>();
        double top = double.MaxValue, bottom = double.MinValue;
        foreach (var contour in contours)
            for (var i = 0; i < contour.Count; i++)
            {
                var (a, b) = (contour[i], contour[(i + 1) % contour.Count]);
                if (a.Y == b.Y) continue;
                edges.Add(a.Y < b.Y ? (a.X * Samples, a.Y * Samples, b.X * Samples, b.Y * Samples, 1)
                    : (b.X * Samples, b.Y * Samples, a.X * Samples, a.Y * Samples, -1));
                top = Math.Min(top, Math.Min(a.Y, b.Y));
                bottom = Math.Max(bottom, Math.Max(a.Y, b.Y));
            }
        if (edges.Count == 0) return;
        var width = Size * Samples;
        var crossings = new List<(double X, int Winding)>();
        var firstRow = Math.Max(0, (int)Math.Floor(top * Samples));
        var lastRow = Math.Min(width - 1, (int)Math.Ceiling(bottom * Samples));
        for (var row = firstRow; row <= lastRow; row++)
        {
            var y = row + 0.5;
            crossings.Clear();
            foreach (var e in edges)
                if (y >= e.Y0 && y < e.Y1) crossings.Add((e.X0 + (y - e.Y0) / (e.Y1 - e.Y0) * (e.X1 - e.X0), e.Winding));
            crossings.Sort((p, q) => p.X.CompareTo(q.X));
            var winding = 0;
            for (var i = 0; i + 1 < crossings.Count; i++)
            {
                winding += crossings[i].Winding;
                if (winding == 0) continue;
                var from = Math.Max(0, (int)Math.Ceiling(crossings[i].X - 0.5));
                var to = Math.Min(width - 1, (int)Math.Floor(crossings[i + 1].X - 0.5));
                for (var x = from; x <= to; x++) _samples[row * width + x] = true;
            }
        }
    }

    /// <summary>Coverage per pixel, 0 (none) to 255 (all samples).</summary>
    public byte[] Coverage()
    {
        var width = Size * Samples;
        var coverage = new byte[Size * Size];
        for (var py = 0; py < Size; py++)
            for (var px = 0; px < Size; px++)
            {
                var count = 0;
                for (var sy = 0; sy < Samples; sy++)
                    for (var sx = 0; sx < Samples; sx++)
                        if (_samples[(py * Samples + sy) * width + px * Samples + sx]) count++;
                coverage[py * Size + px] = (byte)(count * 255 / (Samples * Samples));
            }
        return coverage;
    }
}
