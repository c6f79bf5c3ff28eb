using System.Xml;
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
    private const string Ns = OfdPackage.Namespace;

    public static void Write(OfdPackage package, string path, List<OfdGlyph> glyphs, List<OfdImage> images,
        IReadOnlyDictionary<FontFace, int> fontIds, OfdIds ids) =>
        package.WriteXml(path, xml =>
        {
            xml.WriteStartElement("ofd", "Page", Ns);
            var runs = Runs(glyphs);
            if (runs.Count > 0 || images.Count > 0)
            {
                xml.WriteStartElement("ofd", "Content", Ns);
                xml.WriteStartElement("ofd", "Layer", Ns);
                xml.WriteAttributeString("ID", ids.Next().ToString(System.Globalization.CultureInfo.InvariantCulture));
                xml.WriteAttributeString("Type", "Body");
                foreach (var run in runs) TextObject(xml, glyphs.GetRange(run.Start, run.Count), fontIds, ids);
                foreach (var image in images) ImageObject(xml, image, ids);
                xml.WriteEndElement();
                xml.WriteEndElement();
            }
            xml.WriteEndElement();
        });

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

    private static void ImageObject(XmlWriter xml, OfdImage image, OfdIds ids)
    {
        var (width, height) = (OfdNumber.Mm(image.Width), OfdNumber.Mm(image.Height));
        xml.WriteStartElement("ofd", "ImageObject", Ns);
        xml.WriteAttributeString("ID", ids.Next().ToString(System.Globalization.CultureInfo.InvariantCulture));
        xml.WriteAttributeString("Boundary", $"{OfdNumber.Mm(image.X)} {OfdNumber.Mm(image.Y)} {width} {height}");
        xml.WriteAttributeString("CTM", $"{width} 0 0 {height} 0 0");
        xml.WriteAttributeString("ResourceID", image.ResourceId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        xml.WriteEndElement();
    }

    private static void TextObject(XmlWriter xml, List<OfdGlyph> run, IReadOnlyDictionary<FontFace, int> fontIds, OfdIds ids)
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
        xml.WriteStartElement("ofd", "TextObject", Ns);
        xml.WriteAttributeString("ID", ids.Next().ToString(System.Globalization.CultureInfo.InvariantCulture));
        xml.WriteAttributeString("Boundary", $"{OfdNumber.Mm(left)} {OfdNumber.Mm(top)} {OfdNumber.Mm(right - left)} {OfdNumber.Mm(height)}");
        xml.WriteAttributeString("Font", fontIds[first.Face].ToString(System.Globalization.CultureInfo.InvariantCulture));
        xml.WriteAttributeString("Size", OfdNumber.Mm(size));
        if (first.Bold)
        {
            // As the PDF's synthetic bold: fill and stroke, the stroke 2 % of the size wide.
            xml.WriteAttributeString("LineWidth", OfdNumber.Mm(size / 50));
            xml.WriteAttributeString("Stroke", "true");
        }
        xml.WriteStartElement("ofd", "TextCode", Ns);
        xml.WriteAttributeString("X", OfdNumber.Mm(run[0].X - left));
        xml.WriteAttributeString("Y", OfdNumber.Mm(run[0].Y - top));
        if (run.Count > 1)
        {
            var deltas = new System.Text.StringBuilder(run.Count * 6);
            for (var i = 1; i < run.Count; i++)
            {
                if (i > 1) deltas.Append(' ');
                deltas.Append(OfdNumber.Mm(run[i].X - run[i - 1].X));
            }
            xml.WriteAttributeString("DeltaX", deltas.ToString());
        }
        xml.WriteString(string.Concat(run.Select(g => g.Glyph.Text)));
        xml.WriteEndElement();
        xml.WriteEndElement();
    }
}
