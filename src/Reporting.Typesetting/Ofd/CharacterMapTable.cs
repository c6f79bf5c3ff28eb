using System.Buffers.Binary;

namespace Reporting.Typesetting.Ofd;

/// <summary>
/// A cmap for a subset: (3,1) format 4 over the BMP characters, and (3,10) format 12 over all of them when one lies
/// outside the BMP. Runs of consecutive characters on consecutive glyphs share a segment.
/// </summary>
internal static class CharacterMapTable
{
    public static byte[] Build(IReadOnlyList<(int Code, int Glyph)> map)
    {
        var bmp = map.Where(m => m.Code < 0xFFFF).ToList();
        var format4 = Format4(Runs(bmp));
        var wide = map.Any(m => m.Code > 0xFFFF);
        var format12 = wide ? Format12(Runs(map)) : [];
        var subtables = wide ? 2 : 1;
        var table = new byte[4 + 8 * subtables + format4.Length + format12.Length];
        var span = table.AsSpan();
        BinaryPrimitives.WriteUInt16BigEndian(span[2..], (ushort)subtables);
        BinaryPrimitives.WriteUInt16BigEndian(span[4..], 3);
        BinaryPrimitives.WriteUInt16BigEndian(span[6..], 1);
        BinaryPrimitives.WriteInt32BigEndian(span[8..], 4 + 8 * subtables);
        format4.CopyTo(span[(4 + 8 * subtables)..]);
        if (wide)
        {
            BinaryPrimitives.WriteUInt16BigEndian(span[12..], 3);
            BinaryPrimitives.WriteUInt16BigEndian(span[14..], 10);
            BinaryPrimitives.WriteInt32BigEndian(span[16..], 4 + 8 * subtables + format4.Length);
            format12.CopyTo(span[(4 + 8 * subtables + format4.Length)..]);
        }
        return table;
    }

    private static List<(int Start, int End, int Glyph)> Runs(IEnumerable<(int Code, int Glyph)> map)
    {
        var runs = new List<(int Start, int End, int Glyph)>();
        foreach (var (code, glyph) in map.OrderBy(m => m.Code))
        {
            if (runs.Count > 0 && runs[^1].End + 1 == code && runs[^1].Glyph + (code - runs[^1].Start) == glyph)
                runs[^1] = runs[^1] with { End = code };
            else runs.Add((code, code, glyph));
        }
        return runs;
    }

    /// <summary>Segments with idDelta only (no glyph index array), closed by the 0xFFFF segment the format requires.</summary>
    private static byte[] Format4(List<(int Start, int End, int Glyph)> runs)
    {
        runs.Add((0xFFFF, 0xFFFF, 1));
        var segments = runs.Count;
        var length = 16 + 8 * segments;
        var table = new byte[length];
        var span = table.AsSpan();
        var power = 1;
        var log = 0;
        while (power * 2 <= segments) { power *= 2; log++; }
        BinaryPrimitives.WriteUInt16BigEndian(span, 4);
        BinaryPrimitives.WriteUInt16BigEndian(span[2..], (ushort)length);
        BinaryPrimitives.WriteUInt16BigEndian(span[6..], (ushort)(2 * segments));
        BinaryPrimitives.WriteUInt16BigEndian(span[8..], (ushort)(2 * power));
        BinaryPrimitives.WriteUInt16BigEndian(span[10..], (ushort)log);
        BinaryPrimitives.WriteUInt16BigEndian(span[12..], (ushort)(2 * segments - 2 * power));
        int ends = 14, starts = ends + 2 * segments + 2, deltas = starts + 2 * segments, ranges = deltas + 2 * segments;
        for (var i = 0; i < segments; i++)
        {
            var (start, end, glyph) = runs[i];
            BinaryPrimitives.WriteUInt16BigEndian(span[(ends + 2 * i)..], (ushort)end);
            BinaryPrimitives.WriteUInt16BigEndian(span[(starts + 2 * i)..], (ushort)start);
            BinaryPrimitives.WriteUInt16BigEndian(span[(deltas + 2 * i)..], (ushort)((glyph - start) & 0xFFFF));
            BinaryPrimitives.WriteUInt16BigEndian(span[(ranges + 2 * i)..], 0);
        }
        return table;
    }

    private static byte[] Format12(List<(int Start, int End, int Glyph)> runs)
    {
        var table = new byte[16 + 12 * runs.Count];
        var span = table.AsSpan();
        BinaryPrimitives.WriteUInt16BigEndian(span, 12);
        BinaryPrimitives.WriteInt32BigEndian(span[4..], table.Length);
        BinaryPrimitives.WriteInt32BigEndian(span[12..], runs.Count);
        for (var i = 0; i < runs.Count; i++)
        {
            BinaryPrimitives.WriteInt32BigEndian(span[(16 + 12 * i)..], runs[i].Start);
            BinaryPrimitives.WriteInt32BigEndian(span[(20 + 12 * i)..], runs[i].End);
            BinaryPrimitives.WriteInt32BigEndian(span[(24 + 12 * i)..], runs[i].Glyph);
        }
        return table;
    }
}
