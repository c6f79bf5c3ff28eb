using static Reporting.Typesetting.Fonts.SfntReader;

namespace Reporting.Typesetting.Fonts;

/// <summary>
/// A glyph's outline from a TrueType face's glyf table, as closed polygons in font units (y up), its quadratic
/// curves flattened. Used to draw letters as shapes in an image (the development seal), never as PDF text.
/// </summary>
internal static class GlyphOutline
{
    private const int CurveSteps = 8;

    public static List<List<(double X, double Y)>> Read(FontFace face, int glyphId)
    {
        var data = face.Data;
        var tables = Tables(data, 0);
        var head = Find(tables, "head") ?? throw new InvalidDataException("Font has no head table.");
        var loca = Find(tables, "loca") ?? throw new InvalidDataException("Font has no loca table.");
        var glyf = Find(tables, "glyf") ?? throw new InvalidDataException("Font has no glyf table.");
        var longOffsets = I16(data, head.Offset + 50) == 1;
        var contours = new List<List<(double X, double Y)>>();
        Append(data, glyf.Offset, loca.Offset, longOffsets, glyphId, (1, 0, 0, 1, 0, 0), contours, 0);
        return contours;
    }

    private static void Append(byte[] data, int glyf, int loca, bool longOffsets, int glyphId,
        (double A, double B, double C, double D, double E, double F) m, List<List<(double X, double Y)>> contours, int depth)
    {
        int start = longOffsets ? I32(data, loca + 4 * glyphId) : U16(data, loca + 2 * glyphId) * 2;
        int end = longOffsets ? I32(data, loca + 4 * glyphId + 4) : U16(data, loca + 2 * glyphId + 2) * 2;
        if (end <= start || depth > 8) return;
        var at = glyf + start;
        var count = I16(data, at);
        if (count >= 0) { Simple(data, at, count, m, contours); return; }
        at += 10;
        while (true)
        {
            var flags = U16(data, at);
            var component = U16(data, at + 2);
            at += 4;
            double dx, dy;
            if ((flags & 1) != 0) { dx = I16(data, at); dy = I16(data, at + 2); at += 4; }
            else { dx = (sbyte)data[at]; dy = (sbyte)data[at + 1]; at += 2; }
            double a = 1, b = 0, c = 0, d = 1;
            if ((flags & 0x08) != 0) { a = d = F2Dot14(data, at); at += 2; }
            else if ((flags & 0x40) != 0) { a = F2Dot14(data, at); d = F2Dot14(data, at + 2); at += 4; }
            else if ((flags & 0x80) != 0) { a = F2Dot14(data, at); b = F2Dot14(data, at + 2); c = F2Dot14(data, at + 4); d = F2Dot14(data, at + 6); at += 8; }
            if ((flags & 2) == 0) dx = dy = 0; // point-matched components are rare in CJK faces: placed at the origin
            var inner = (a * m.A + b * m.C, a * m.B + b * m.D, c * m.A + d * m.C, c * m.B + d * m.D, dx * m.A + dy * m.C + m.E, dx * m.B + dy * m.D + m.F);
            Append(data, glyf, loca, longOffsets, component, inner, contours, depth + 1);
            if ((flags & 0x20) == 0) return;
        }
    }

    private static double F2Dot14(byte[] data, int at) => I16(data, at) / 16384.0;

    private static void Simple(byte[] data, int at, int count, (double A, double B, double C, double D, double E, double F) m,
        List<List<(double X, double Y)>> contours)
    {
        var ends = new int[count];
        for (var i = 0; i < count; i++) ends[i] = U16(data, at + 10 + 2 * i);
        var points = count == 0 ? 0 : ends[^1] + 1;
        var p = at + 10 + 2 * count;
        p += 2 + U16(data, p);
        var flags = new byte[points];
        for (var i = 0; i < points;)
        {
            var flag = data[p++];
            flags[i++] = flag;
            if ((flag & 8) == 0) continue;
            for (var repeat = data[p++]; repeat > 0 && i < points; repeat--) flags[i++] = flag;
        }
        var xs = Coordinates(data, ref p, flags, 0x02, 0x10);
        var ys = Coordinates(data, ref p, flags, 0x04, 0x20);
        var first = 0;
        foreach (var last in ends)
        {
            var contour = new List<(double X, double Y)>();
            var n = last - first + 1;
            // Start at an on-curve point (or the midpoint of the first two off-curve ones).
            var s = Enumerable.Range(0, n).FirstOrDefault(i => (flags[first + i] & 1) != 0, -1);
            (double X, double Y) Point(int i) => (xs[first + (i % n)], ys[first + (i % n)]);
            bool On(int i) => (flags[first + (i % n)] & 1) != 0;
            var origin = s >= 0 ? Point(s) : Mid(Point(0), Point(1));
            var offset = s >= 0 ? s : 0;
            contour.Add(origin);
            var current = origin;
            for (var k = 1; k <= n; k++)
            {
                var i = offset + k;
                if (On(i)) { current = Point(i); contour.Add(current); continue; }
                var control = Point(i);
                var next = On(i + 1) ? Point(i + 1) : Mid(control, Point(i + 1));
                for (var step = 1; step <= CurveSteps; step++)
                {
                    var t = step / (double)CurveSteps;
                    var u = 1 - t;
                    contour.Add((u * u * current.X + 2 * u * t * control.X + t * t * next.X, u * u * current.Y + 2 * u * t * control.Y + t * t * next.Y));
                }
                current = next;
                if (On(i + 1)) k++;
            }
            contours.Add([.. contour.Select(q => (q.X * m.A + q.Y * m.C + m.E, q.X * m.B + q.Y * m.D + m.F))]);
            first = last + 1;
        }
    }

    private static (double X, double Y) Mid((double X, double Y) a, (double X, double Y) b) => ((a.X + b.X) / 2, (a.Y + b.Y) / 2);

    private static int[] Coordinates(byte[] data, ref int p, byte[] flags, byte shortFlag, byte sameFlag)
    {
        var values = new int[flags.Length];
        var value = 0;
        for (var i = 0; i < flags.Length; i++)
        {
            var f = flags[i];
            if ((f & shortFlag) != 0) { var delta = data[p++]; value += (f & sameFlag) != 0 ? delta : -delta; }
            else if ((f & sameFlag) == 0) { value += I16(data, p); p += 2; }
            values[i] = value;
        }
        return values;
    }
}
