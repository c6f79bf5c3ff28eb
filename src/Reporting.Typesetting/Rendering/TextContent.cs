using System.Globalization;
using System.Text;

namespace Reporting.Typesetting.Rendering;

/// <summary>
/// Page text as PDF operators in a text object of its own: per run of one face, size and baseline, a text
/// matrix and one TJ array whose numbers move each glyph from where its advance leaves it to its grid position.
/// </summary>
internal sealed class TextContent(StringBuilder content)
{
    /// <summary>PDFsharp's synthetic bold: fill and stroke, the stroke 2 % of the size wide.</summary>
    private const double BoldStroke = 0.02;

    private bool _open;
    private string? _name;
    private double _size;
    private bool? _bold;
    private PageGlyph? _last;
    private double _end;

    public void Add(PageGlyph glyph, string fontName)
    {
        var g = glyph.Glyph;
        var continues = _last is { } last && fontName == _name && g.Size == _size && g.Bold == _bold && Math.Abs(glyph.Y - last.Y) < 0.001;
        if (continues)
        {
            var shift = (glyph.X - _end) * 1000 / g.Size;
            if (Math.Abs(shift) > 0.005) content.Append(Number(-shift));
        }
        else
        {
            if (_last is not null) content.Append("] TJ\n");
            if (!_open) { content.Append("BT\n0 g\n0 G\n0 Tc\n"); _open = true; }
            if (fontName != _name || g.Size != _size) content.Append(fontName).Append(' ').Append(Number(g.Size)).Append(" Tf\n");
            if (g.Bold != _bold) content.Append(g.Bold ? $"2 Tr\n{Number(g.Size * BoldStroke)} w\n" : "0 Tr\n");
            (_name, _size, _bold) = (fontName, g.Size, g.Bold);
            content.Append("1 0 0 1 ").Append(Number(glyph.X)).Append(' ').Append(Number(glyph.Y)).Append(" Tm\n[");
        }
        Hex(g.Face.GlyphId(g.CodePoint));
        _end = glyph.X + Math.Round(g.Face.AdvanceEm(g.CodePoint) * 1000) * g.Size / 1000; // widths are whole thousandths of an em
        _last = glyph;
    }

    /// <summary>Ends the text object, so that PDFsharp may draw, or the page may end.</summary>
    public void Close()
    {
        if (_last is not null) content.Append("] TJ\n");
        if (_open) content.Append("ET\n");
        _open = false;
        _last = null;
        (_name, _size, _bold) = (null, 0, null);
    }

    private void Hex(int glyphId)
    {
        const string digits = "0123456789ABCDEF";
        content.Append('<').Append(digits[(glyphId >> 12) & 15]).Append(digits[(glyphId >> 8) & 15])
            .Append(digits[(glyphId >> 4) & 15]).Append(digits[glyphId & 15]).Append('>');
    }

    private static string Number(double value) => Math.Round(value, 3).ToString("0.###", CultureInfo.InvariantCulture);
}
