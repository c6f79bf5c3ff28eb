using static Reporting.Typesetting.Fonts.SfntReader;

namespace Reporting.Typesetting.Fonts;

/// <summary>
/// One loaded face: its standalone font bytes (what PDFsharp embeds), its character map and advance
/// widths. Immutable once built, so the one instance per file and index is shared by all renders.
/// </summary>
internal sealed class FontFace
{
    private readonly CharacterMap _cmap;
    private readonly ushort[] _advances;

    private FontFace(string key, string path, byte[] data, CharacterMap cmap, ushort[] advances, int unitsPerEm)
    {
        Key = key;
        Path = path;
        Data = data;
        _cmap = cmap;
        _advances = advances;
        UnitsPerEm = unitsPerEm;
    }

    /// <summary>The name PDFsharp's font resolver knows this face by.</summary>
    public string Key { get; }
    public string Path { get; }
    public byte[] Data { get; }
    public int UnitsPerEm { get; }

    public bool Covers(int codePoint) => _cmap.GlyphId(codePoint) != 0;

    public int GlyphId(int codePoint) => _cmap.GlyphId(codePoint);

    /// <summary>Advance width of the character in em (1.0 = the font size).</summary>
    public double AdvanceEm(int codePoint)
    {
        var glyph = _cmap.GlyphId(codePoint);
        var metric = Math.Min(glyph, _advances.Length - 1);
        return _advances[metric] / (double)UnitsPerEm;
    }

    public static FontFace Load(string path, int index)
    {
        var data = TrueTypeCollection.ReadFace(path, index);
        var tables = Tables(data, 0);
        var head = Find(tables, "head") ?? throw new InvalidDataException("Font has no head table.");
        var hhea = Find(tables, "hhea") ?? throw new InvalidDataException("Font has no hhea table.");
        var hmtx = Find(tables, "hmtx") ?? throw new InvalidDataException("Font has no hmtx table.");
        var cmap = Find(tables, "cmap") ?? throw new InvalidDataException("Font has no cmap table.");
        if (Find(tables, "glyf") is null)
            throw new InvalidDataException("Font has no TrueType outlines (glyf); CFF-outline fonts cannot be embedded by PDFsharp.");

        var metrics = U16(data, hhea.Offset + 34);
        var advances = new ushort[Math.Max(1, (int)metrics)];
        for (var g = 0; g < metrics; g++) advances[g] = U16(data, hmtx.Offset + 4 * g);
        var key = $"gbt:{System.IO.Path.GetFileName(path)}#{index}:{StableHash(path)}";
        return new FontFace(key, path, data, CharacterMap.Read(data, cmap), advances, U16(data, head.Offset + 18));
    }

    private static string StableHash(string text)
    {
        var hash = 2166136261u;
        foreach (var c in text) hash = (hash ^ c) * 16777619u;
        return hash.ToString("x8");
    }
}
