using System.Collections.Concurrent;
using Reporting.Core.Drafts;
using Reporting.Typesetting.Fonts;

namespace Reporting.Typesetting.Layout;

/// <summary>
/// Turns styled text into set lines: a face per character (the role's chain, then fallbacks), widths on
/// the grid, clreq breaks, and full lines spread to end flush with the measure.
/// </summary>
internal sealed class TextComposer(FontSet fonts)
{
    private static readonly ConcurrentDictionary<int, string> Texts = new();

    /// <summary>Chooses line ends: the clreq greedy breaker unless a block (the title) balances its own.</summary>
    public delegate List<LineBreaker.Line> Breaker(IReadOnlyList<int> text, IReadOnlyList<double> widths, LineStyle style);

    public List<ComposedLine> Compose(StyledText text, LineStyle style, Breaker? breaker = null)
    {
        var count = text.CodePoints.Count;
        var faces = new FontFace[count];
        var widths = new double[count];
        var bold = new bool[count];
        var glyphIds = new int[count];
        var advances = new double[count]; // whole thousandths of an em, as the PDF width array holds them
        List<MissingGlyph>? missing = null;
        string? lastRole = null;
        RoleFaces? role = null;
        for (var i = 0; i < count; i++)
        {
            var c = text.CodePoints[i];
            if (!ReferenceEquals(text.Roles[i], lastRole)) (lastRole, role) = (text.Roles[i], fonts.Role(text.Roles[i]));
            var face = fonts.FaceFor(role!, c, out bold[i]);
            if (face is null)
            {
                (missing ??= []).Add(new MissingGlyph(char.ConvertFromUtf32(c), c, 1, i + 1));
                continue;
            }
            faces[i] = face;
            glyphIds[i] = face.GlyphId(c);
            advances[i] = Math.Round(face.AdvanceEm(c) * 1000);
            widths[i] = Clreq.IsFullWidth(c) ? style.Cell : advances[i] * style.Size / 1000;
        }
        if (missing is not null) throw new MissingGlyphException(missing);

        var lines = new List<ComposedLine>();
        var breaks = breaker is null
            ? LineBreaker.Break(text.CodePoints, widths, style.Measure - style.FirstIndent, style.Measure, style.Cell)
            : breaker(text.CodePoints, widths, style);
        foreach (var line in breaks)
            lines.Add(Place(text.CodePoints, new Glyphs(faces, widths, bold, glyphIds, advances), line, style, lines.Count == 0 ? style.FirstIndent : 0));
        return lines;
    }

    /// <summary>What was looked up for each character of a block, once.</summary>
    private readonly record struct Glyphs(FontFace[] Faces, double[] Widths, bool[] Bold, int[] Ids, double[] Advances);

    private static ComposedLine Place(List<int> cps, Glyphs g, LineBreaker.Line line, LineStyle style, double indent)
    {
        var end = line.End;
        while (end > line.Start + 1 && cps[end - 1] == ' ') end--;
        var widths = new double[end - line.Start];
        var natural = 0.0;
        var gaps = 0;
        for (var i = line.Start; i < end; i++)
        {
            widths[i - line.Start] = line.Halved?.Contains(i) == true ? g.Widths[i] / 2 : g.Widths[i];
            natural += widths[i - line.Start];
            if (i > line.Start && Clreq.IsStretchable(cps[i - 1], cps[i])) gaps++;
        }
        var shortfall = style.Measure - indent - natural;
        var perGap = !line.IsLast && style.Justify && gaps > 0 && shortfall > 0 ? Math.Min(shortfall / gaps, style.Cell * Clreq.MaxStretch) : 0;

        var glyphs = new PlacedGlyph[end - line.Start];
        var x = indent;
        for (var i = line.Start; i < end; i++)
        {
            if (i > line.Start && Clreq.IsStretchable(cps[i - 1], cps[i])) x += perGap;
            var c = cps[i];
            var width = widths[i - line.Start];
            var advance = g.Advances[i] * style.Size / 1000;
            // A full-width glyph is centred in its cell; a halved mark keeps its ink where the full cell had it.
            var origin = g.Widths[i] != advance ? x + (g.Widths[i] - advance) / 2 : x;
            if (width != g.Widths[i]) origin -= PunctuationCompression.Shift(c, g.Widths[i]);
            glyphs[i - line.Start] = new PlacedGlyph(TextOf(c), c, g.Faces[i], style.Size, g.Bold[i], origin, x, width, g.Ids[i], g.Advances[i]);
            x += width;
        }
        return new ComposedLine(glyphs, x);
    }

    private static string TextOf(int c) => Texts.GetOrAdd(c, static v => char.ConvertFromUtf32(v));
}
