using Reporting.Core.Documents;
using Reporting.Typesetting.Fonts;
using Reporting.Typesetting.Layout;

namespace Reporting.Typesetting.Rendering;

/// <summary>
/// The embedded faces of a streamed document. PDFsharp subsets a face (widths, ToUnicode) only as part of a
/// whole document: a one-page document is drawn with every glyph the streamed one uses, saved and mended, and
/// its font objects (with all they refer to) are copied into the stream under the numbers they had there.
/// </summary>
internal static class FontSubsets
{
    /// <returns>The object number of each face's font dictionary in <paramref name="writer"/>'s document.</returns>
    public static Dictionary<FontFace, int> Embed(PdfStreamWriter writer, IReadOnlyDictionary<FontFace, HashSet<int>> used, DocumentInfo info)
    {
        byte[] pdf;
        var numbers = new Dictionary<FontFace, int>();
        using (var surface = new PdfSurface())
        {
            surface.BeginPage(1);
            foreach (var (face, codePoints) in used)
            {
                var glyphs = codePoints.Order().Select(c => new PlacedGlyph(char.ConvertFromUtf32(c), c, face, PageGeometry.BodySize, false, 0, 0,
                    PageGeometry.BodySize, face.GlyphId(c), Math.Round(face.AdvanceEm(c) * 1000))).ToList();
                surface.DrawLine(new ComposedLine(glyphs, 0), 0);
            }
            surface.EndPage();
            surface.Finish(info);
            pdf = surface.Save();
            foreach (var face in used.Keys) numbers[face] = surface.FontObject(face);
        }

        var objects = PdfFinisher.Objects(pdf).ToDictionary(o => o.Number, o => (o.Start, o.End));
        var wanted = new SortedSet<int>();
        var pending = new Stack<int>(numbers.Values);
        while (pending.Count > 0)
        {
            var number = pending.Pop();
            if (!wanted.Add(number)) continue;
            var (start, end) = objects[number];
            foreach (var reference in PdfFinisher.References(pdf.AsSpan(start, end - start))) pending.Push(reference);
        }
        writer.Reserve(objects.Keys.Max());
        foreach (var number in wanted) writer.WriteRaw(number, pdf.AsSpan(objects[number].Start, objects[number].End - objects[number].Start));
        return numbers;
    }
}
