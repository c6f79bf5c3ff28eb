using static Reporting.Typesetting.Fonts.SfntReader;

namespace Reporting.Typesetting.Fonts;

/// <summary>Unicode → glyph id from a font's cmap (format 4 for the BMP, format 12 for the rest).</summary>
internal sealed class CharacterMap
{
    private readonly ushort[] _bmp = new ushort[0x10000];
    private readonly Dictionary<int, ushort> _supplementary = [];

    public int GlyphId(int codePoint) =>
        codePoint < 0x10000 ? _bmp[codePoint] : _supplementary.GetValueOrDefault(codePoint);

    public static CharacterMap Read(byte[] font, TableRecord cmap)
    {
        var map = new CharacterMap();
        var at = cmap.Offset;
        var count = U16(font, at + 2);
        int format4 = -1, format12 = -1;
        for (var i = 0; i < count; i++)
        {
            var r = at + 4 + 8 * i;
            int platform = U16(font, r), encoding = U16(font, r + 2);
            var sub = at + I32(font, r + 4);
            var format = U16(font, sub);
            var unicode = platform == 0 || (platform == 3 && (encoding == 1 || encoding == 10));
            if (!unicode) continue;
            if (format == 4 && format4 < 0) format4 = sub;
            if (format == 12 && format12 < 0) format12 = sub;
        }
        if (format4 >= 0) map.ReadFormat4(font, format4);
        if (format12 >= 0) map.ReadFormat12(font, format12);
        return map;
    }

    private void ReadFormat4(byte[] b, int at)
    {
        var segX2 = U16(b, at + 6);
        var ends = at + 14;
        var starts = ends + segX2 + 2;
        var deltas = starts + segX2;
        var ranges = deltas + segX2;
        for (var s = 0; s < segX2; s += 2)
        {
            int end = U16(b, ends + s), start = U16(b, starts + s), delta = I16(b, deltas + s), range = U16(b, ranges + s);
            for (var c = start; c <= end && c != 0xFFFF; c++)
            {
                int glyph;
                if (range == 0) glyph = (c + delta) & 0xFFFF;
                else
                {
                    var address = ranges + s + range + 2 * (c - start);
                    if (address + 1 >= b.Length) continue;
                    glyph = U16(b, address);
                    if (glyph != 0) glyph = (glyph + delta) & 0xFFFF;
                }
                _bmp[c] = (ushort)glyph;
            }
        }
    }

    private void ReadFormat12(byte[] b, int at)
    {
        var groups = (int)U32(b, at + 12);
        for (var g = 0; g < groups; g++)
        {
            var r = at + 16 + 12 * g;
            int start = I32(b, r), end = I32(b, r + 4), glyph = I32(b, r + 8);
            for (var c = start; c <= end && c <= 0x10FFFF; c++, glyph++)
            {
                if (c < 0x10000) _bmp[c] = (ushort)glyph;
                else _supplementary[c] = (ushort)glyph;
            }
        }
    }
}
