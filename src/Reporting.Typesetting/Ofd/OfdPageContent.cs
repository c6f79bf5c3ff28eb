using System.Runtime.InteropServices;
using Reporting.Typesetting.Fonts;

namespace Reporting.Typesetting.Ofd;

/// <summary>
/// One page's Content.xml: a body layer with a TextObject per stretch of glyphs drawn one after another in one face,
/// size and weight (a paragraph on a page, say), and in it a TextCode per line of that stretch (a run on one baseline).
/// A TextObject's Boundary is the box around its lines; each TextCode gives its first glyph's origin (X) and baseline
/// (Y) inside that box and the distance to each next glyph (DeltaX), all in millimetres. One object per stretch rather
/// than per line roughly halves what a page holds besides the characters. Spaces at either end of a run are
/// left out (a reader may trim them); inside a run a space keeps its place and its DeltaX. Images (the seal) follow
/// the text in the same layer, so they are drawn over it as in the PDF: an ImageObject whose Boundary is the image's box
/// and whose CTM maps the unit square onto that box.
/// </summary>
internal static class OfdPageContent
{
    /// <summary>Steps between glyph origins this close (in points) are one step repeated: evenly set text.</summary>
    private const double SameStep = 1e-6;

    /// <summary>From this many equal steps on, DeltaX says "g N step" rather than repeating the step N times.</summary>
    private const int Repeated = 3;

    public static void Write(OfdPackage package, OfdXmlWriter xml, string path, List<OfdGlyph> glyphs, List<OfdImage> images,
        IReadOnlyDictionary<FontFace, int> fontIds, OfdIds ids)
    {
        xml.StartDocument();
        xml.StartElement("Page");
        var all = CollectionsMarshal.AsSpan(glyphs);
        if (HasText(all) || images.Count > 0)
        {
            xml.StartElement("Content");
            xml.StartElement("Layer");
            xml.Attribute("ID", ids.Next());
            xml.Attribute("Type", "Body");
            for (var start = 0; start < all.Length;)
            {
                var end = start + 1;
                while (end < all.Length && SameStyle(all[end - 1], all[end])) end++;
                if (HasText(all[start..end])) TextObject(xml, all[start..end], fontIds, ids);
                start = end;
            }
            foreach (var image in images) ImageObject(xml, image, ids);
            xml.EndElement();
            xml.EndElement();
        }
        xml.EndElement();
        package.WriteBytes(path, xml.Written, OfdContent.Markup);
    }

    private static bool HasText(ReadOnlySpan<OfdGlyph> glyphs)
    {
        foreach (ref readonly var glyph in glyphs)
            if (glyph.Glyph.CodePoint != ' ') return true;
        return false;
    }

    /// <summary>The run without the spaces at either end.</summary>
    private static ReadOnlySpan<OfdGlyph> Trimmed(ReadOnlySpan<OfdGlyph> run)
    {
        var (first, last) = (0, run.Length - 1);
        while (first <= last && run[first].Glyph.CodePoint == ' ') first++;
        while (last >= first && run[last].Glyph.CodePoint == ' ') last--;
        return run[first..(last + 1)];
    }

    private static bool SameStyle(in OfdGlyph a, in OfdGlyph b) =>
        a.Glyph.Face == b.Glyph.Face && a.Glyph.Size == b.Glyph.Size && a.Glyph.Bold == b.Glyph.Bold;

    /// <summary>
    /// The next run of <paramref name="glyphs"/> from <paramref name="start"/>: on one baseline, left to right, the
    /// spaces at its ends left out (so possibly empty).
    /// </summary>
    private static ReadOnlySpan<OfdGlyph> NextRun(ReadOnlySpan<OfdGlyph> glyphs, ref int start)
    {
        var end = start + 1;
        while (end < glyphs.Length && glyphs[end].Y == glyphs[end - 1].Y && glyphs[end].X >= glyphs[end - 1].X) end++;
        var run = Trimmed(glyphs[start..end]);
        start = end;
        return run;
    }

    private static void ImageObject(OfdXmlWriter xml, OfdImage image, OfdIds ids)
    {
        xml.StartElement("ImageObject");
        xml.Attribute("ID", ids.Next());
        xml.StartAttribute("Boundary");
        xml.Mm(image.X);
        xml.Space();
        xml.Mm(image.Y);
        xml.Space();
        xml.Mm(image.Width);
        xml.Space();
        xml.Mm(image.Height);
        xml.EndAttribute();
        xml.StartAttribute("CTM");
        xml.Mm(image.Width);
        xml.Space();
        xml.Integer(0);
        xml.Space();
        xml.Integer(0);
        xml.Space();
        xml.Mm(image.Height);
        xml.Space();
        xml.Integer(0);
        xml.Space();
        xml.Integer(0);
        xml.EndAttribute();
        xml.Attribute("ResourceID", image.ResourceId);
        xml.EndElement();
    }

    /// <param name="glyphs">Of one face, size and weight, with at least one that is not a space.</param>
    private static void TextObject(OfdXmlWriter xml, ReadOnlySpan<OfdGlyph> glyphs, IReadOnlyDictionary<FontFace, int> fontIds, OfdIds ids)
    {
        ref readonly var first = ref glyphs[0].Glyph;
        var size = OfdNumber.Micrometres(first.Size);
        // The box: from a tenth of an em left of the leftmost origin to a tenth right of the rightmost glyph's advance;
        // an em above the highest baseline and a third of one below the lowest (Latin descenders).
        long left = long.MaxValue, right = long.MinValue, top = long.MaxValue, bottom = long.MinValue;
        for (var at = 0; at < glyphs.Length;)
        {
            var run = NextRun(glyphs, ref at);
            if (run.IsEmpty) continue;
            var last = run[^1];
            left = Math.Min(left, OfdNumber.Micrometres(run[0].X) - size / 10);
            right = Math.Max(right, OfdNumber.Micrometres(last.X) + OfdNumber.Micrometres(last.Glyph.Advance1000 * last.Glyph.Size / 1000) + size / 10);
            top = Math.Min(top, run[0].Y - size);
            bottom = Math.Max(bottom, run[0].Y + size / 3);
        }
        xml.StartElement("TextObject");
        xml.Attribute("ID", ids.Next());
        xml.StartAttribute("Boundary");
        xml.Mm(left);
        xml.Space();
        xml.Mm(top);
        xml.Space();
        xml.Mm(right - left);
        xml.Space();
        xml.Mm(bottom - top);
        xml.EndAttribute();
        xml.Attribute("Font", fontIds[first.Face]);
        xml.MmAttribute("Size", size);
        if (first.Bold)
        {
            // As the PDF's synthetic bold: fill and stroke, the stroke 2 % of the size wide.
            xml.MmAttribute("LineWidth", size / 50);
            xml.Attribute("Stroke", "true");
        }
        for (var at = 0; at < glyphs.Length;)
        {
            var run = NextRun(glyphs, ref at);
            if (run.IsEmpty) continue;
            var origin = OfdNumber.Micrometres(run[0].X);
            xml.StartElement("TextCode");
            xml.MmAttribute("X", origin - left);
            xml.MmAttribute("Y", run[0].Y - top);
            if (run.Length > 1) DeltaX(xml, run, origin);
            foreach (ref readonly var glyph in run) xml.Text(glyph.Glyph.Text);
            xml.EndElement();
        }
        xml.EndElement();
    }

    /// <summary>
    /// The steps from each glyph's origin to the next, in millimetres. A stretch of equal steps (evenly set CJK text,
    /// most of a line) is written as the standard's "g N step": a tenth of the bytes, and fewer numbers to format. Its
    /// step is the stretch's length divided evenly and rounded to the micrometre, so a glyph inside it may sit up to
    /// half a micrometre per glyph off its place (0.02 mm after 40 glyphs); the step after a stretch, and every single
    /// step, goes to the exact rounded position again, so the error never carries on.
    /// </summary>
    private static void DeltaX(OfdXmlWriter xml, ReadOnlySpan<OfdGlyph> run, long origin)
    {
        xml.StartAttribute("DeltaX");
        var pen = origin;
        for (var i = 1; i < run.Length;)
        {
            if (i > 1) xml.Space();
            var step = run[i].X - run[i - 1].X;
            var same = 1;
            while (i + same < run.Length && Math.Abs(run[i + same].X - run[i + same - 1].X - step) < SameStep) same++;
            if (same >= Repeated)
            {
                var end = OfdNumber.Micrometres(run[i + same - 1].X);
                var delta = (long)Math.Round((end - pen) / (double)same, MidpointRounding.AwayFromZero);
                xml.Repeat(same);
                xml.Mm(delta);
                pen += same * delta;
                i += same;
                continue;
            }
            var at = OfdNumber.Micrometres(run[i].X);
            xml.Mm(at - pen);
            pen = at;
            i++;
        }
        xml.EndAttribute();
    }
}
