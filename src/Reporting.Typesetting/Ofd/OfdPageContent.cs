using System.IO.Compression;
using System.Runtime.InteropServices;
using Reporting.Typesetting.Fonts;

namespace Reporting.Typesetting.Ofd;

/// <summary>
/// One page's Content.xml: a body layer with a TextObject per run of glyphs of one face, size and baseline. A
/// TextObject's Boundary is the run's box; its TextCode gives the first glyph's origin (X) and baseline (Y) inside
/// that box and the distance to each next glyph (DeltaX), all in millimetres. Spaces at either end of a run are
/// left out (a reader may trim them); inside a run a space keeps its place and its DeltaX. Images (the seal) follow
/// the text in the same layer, so they are drawn over it as in the PDF: an ImageObject whose Boundary is the image's box
/// and whose CTM maps the unit square onto that box.
/// </summary>
internal static class OfdPageContent
{
    public static void Write(OfdPackage package, OfdXmlWriter xml, string path, List<OfdGlyph> glyphs, List<OfdImage> images,
        IReadOnlyDictionary<FontFace, int> fontIds, OfdIds ids)
    {
        xml.StartDocument();
        xml.StartElement("Page");
        var runs = Runs(glyphs);
        if (runs.Count > 0 || images.Count > 0)
        {
            var all = CollectionsMarshal.AsSpan(glyphs);
            xml.StartElement("Content");
            xml.StartElement("Layer");
            xml.Attribute("ID", ids.Next());
            xml.Attribute("Type", "Body");
            foreach (var (start, count) in runs) TextObject(xml, all.Slice(start, count), fontIds, ids);
            foreach (var image in images) ImageObject(xml, image, ids);
            xml.EndElement();
            xml.EndElement();
        }
        xml.EndElement();
        package.WriteBytes(path, xml.Written, CompressionLevel.Fastest);
    }

    private static List<(int Start, int Count)> Runs(List<OfdGlyph> glyphs)
    {
        var runs = new List<(int Start, int Count)>();
        var start = 0;
        for (var i = 1; i <= glyphs.Count; i++)
        {
            if (i < glyphs.Count && SameRun(glyphs[i - 1], glyphs[i])) continue;
            var (first, last) = (start, i - 1);
            while (first <= last && glyphs[first].Glyph.CodePoint == ' ') first++;
            while (last >= first && glyphs[last].Glyph.CodePoint == ' ') last--;
            if (first <= last) runs.Add((first, last - first + 1));
            start = i;
        }
        return runs;
    }

    private static bool SameRun(in OfdGlyph a, in OfdGlyph b) =>
        a.Glyph.Face == b.Glyph.Face && a.Glyph.Size == b.Glyph.Size && a.Glyph.Bold == b.Glyph.Bold && a.Y == b.Y && b.X >= a.X;

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

    private static void TextObject(OfdXmlWriter xml, ReadOnlySpan<OfdGlyph> run, IReadOnlyDictionary<FontFace, int> fontIds, OfdIds ids)
    {
        var first = run[0].Glyph;
        var size = OfdNumber.Micrometres(first.Size);
        var last = run[^1];
        // The box: from a tenth of an em left of the first origin to a tenth right of the last glyph's advance; an em
        // above the baseline and a third of one below it (Latin descenders).
        var left = run[0].X - size / 10;
        var right = last.X + OfdNumber.Micrometres(last.Glyph.Advance1000 * last.Glyph.Size / 1000) + size / 10;
        var top = run[0].Y - size;
        var height = size + size / 3;
        xml.StartElement("TextObject");
        xml.Attribute("ID", ids.Next());
        xml.StartAttribute("Boundary");
        xml.Mm(left);
        xml.Space();
        xml.Mm(top);
        xml.Space();
        xml.Mm(right - left);
        xml.Space();
        xml.Mm(height);
        xml.EndAttribute();
        xml.Attribute("Font", fontIds[first.Face]);
        xml.MmAttribute("Size", size);
        if (first.Bold)
        {
            // As the PDF's synthetic bold: fill and stroke, the stroke 2 % of the size wide.
            xml.MmAttribute("LineWidth", size / 50);
            xml.Attribute("Stroke", "true");
        }
        xml.StartElement("TextCode");
        xml.MmAttribute("X", run[0].X - left);
        xml.MmAttribute("Y", run[0].Y - top);
        if (run.Length > 1)
        {
            xml.StartAttribute("DeltaX");
            for (var i = 1; i < run.Length; i++)
            {
                if (i > 1) xml.Space();
                xml.Mm(run[i].X - run[i - 1].X);
            }
            xml.EndAttribute();
        }
        foreach (var glyph in run) xml.Text(glyph.Glyph.Text);
        xml.EndElement();
        xml.EndElement();
    }
}
