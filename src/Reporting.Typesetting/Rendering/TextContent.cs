using System.Globalization;
using System.Text;

namespace Reporting.Typesetting.Rendering;

/// <summary>
/// Page text as PDF operators in a text object of its own: per run of one face, size and baseline, a text
/// matrix and one TJ array whose numbers move each glyph from where its advance leaves it to its grid position.
/// </summary>
/// <remarks>
/// Tagged (<paramref name="mark"/> given): each stretch of glyphs of one structure node is a marked-content sequence,
/// opened by what <paramref name="mark"/> returns for the node (a BDC with its MCID, or an /Artifact BDC for none) and
/// closed by EMC inside the same text object.
/// </remarks>
internal sealed class TextContent(StringBuilder content, Func<Layout.StructureNode?, string>? mark = null)
{
    /// <summary>PDFsharp's synthetic bold: fill and stroke, the stroke 2 % of the size wide.</summary>
    private const double BoldStroke = 0.02;

    private bool _open;
    private string? _name;
    private double _size;
    private bool? _bold;
    private bool _inRun;
    private double _y;
    private double _end;
    private double _lastShift = double.NaN;
    private bool _marking;
    private Layout.StructureNode? _node;
    private readonly char[] _shiftText = new char[32];
    private int _shiftLength;

    public void Add(in PageGlyph glyph, string fontName)
    {
        var g = glyph.Glyph;
        var remark = mark is not null && (!_marking || !ReferenceEquals(glyph.Node, _node));
        var continues = !remark && _inRun && ReferenceEquals(fontName, _name) && g.Size == _size && g.Bold == _bold && Math.Abs(glyph.Y - _y) < 0.001;
        if (continues)
        {
            var shift = (glyph.X - _end) * 1000 / g.Size;
            if (Math.Abs(shift) > 0.005) AppendNumber(-shift);
        }
        else
        {
            if (_inRun) content.Append("] TJ\n");
            if (!_open) { content.Append("BT\n0 g\n0 G\n0 Tc\n"); _open = true; }
            if (remark)
            {
                if (_marking) content.Append("EMC\n");
                content.Append(mark!(glyph.Node));
                (_marking, _node) = (true, glyph.Node);
            }
            if (fontName != _name || g.Size != _size) content.Append(fontName).Append(' ').Append(Number(g.Size)).Append(" Tf\n");
            if (g.Bold != _bold) content.Append(g.Bold ? $"2 Tr\n{Number(g.Size * BoldStroke)} w\n" : "0 Tr\n");
            (_name, _size, _bold) = (fontName, g.Size, g.Bold);
            content.Append("1 0 0 1 ").Append(Number(glyph.X)).Append(' ').Append(Number(glyph.Y)).Append(" Tm\n[");
        }
        Hex(g.GlyphId);
        _end = glyph.X + g.Advance1000 * g.Size / 1000;
        _inRun = true;
        _y = glyph.Y;
    }

    /// <summary>Ends the text object, so that PDFsharp may draw, or the page may end.</summary>
    public void Close()
    {
        if (_inRun) content.Append("] TJ\n");
        if (_marking) content.Append("EMC\n");
        if (_open) content.Append("ET\n");
        (_marking, _node) = (false, null);
        _open = false;
        _inRun = false;
        (_name, _size, _bold) = (null, 0, null);
    }

    private void Hex(int glyphId)
    {
        const string digits = "0123456789ABCDEF";
        Span<char> hex = ['<', digits[(glyphId >> 12) & 15], digits[(glyphId >> 8) & 15], digits[(glyphId >> 4) & 15], digits[glyphId & 15], '>'];
        content.Append(hex);
    }

    private static string Number(double value) => Math.Round(value, 3).ToString("0.###", CultureInfo.InvariantCulture);

    /// <summary>Spread lines repeat the same shift glyph after glyph: it is formatted once per value.</summary>
    private void AppendNumber(double value)
    {
        value = Math.Round(value, 3);
        if (value != _lastShift)
        {
            value.TryFormat(_shiftText, out _shiftLength, "0.###", CultureInfo.InvariantCulture);
            _lastShift = value;
        }
        content.Append(_shiftText, 0, _shiftLength);
    }
}
