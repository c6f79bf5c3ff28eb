using Reporting.Typesetting.Fonts;

namespace Reporting.Typesetting.Layout;

/// <summary>
/// A glyph placed on its line: X is the glyph origin from the line's left; the cell is the grid cell it fills.
/// GlyphId and Advance1000 (the advance in whole thousandths of an em, as the PDF width array holds it) are
/// looked up once, when the line is set.
/// </summary>
internal readonly record struct PlacedGlyph(
    string Text, int CodePoint, FontFace Face, double Size, bool Bold, double X, double CellX, double CellWidth, int GlyphId, double Advance1000);

/// <summary>One set line: its glyphs, where its ink ends (Width), and how far it is shifted from the block's left edge.</summary>
internal sealed record ComposedLine(IReadOnlyList<PlacedGlyph> Glyphs, double Width, double Offset = 0)
{
    public double Start => Glyphs.Count == 0 ? Offset : Offset + Glyphs[0].CellX;
    public double End => Offset + Width;

    public string Text => string.Concat(Glyphs.Select(g => g.Text));

    /// <summary>Several set pieces as one line, each kept where its own offset put it.</summary>
    public static ComposedLine Join(params ComposedLine[] parts) => new(
        [.. parts.SelectMany(p => p.Glyphs.Select(g => g with { X = g.X + p.Offset, CellX = g.CellX + p.Offset }))],
        parts.Max(p => p.End));
}
