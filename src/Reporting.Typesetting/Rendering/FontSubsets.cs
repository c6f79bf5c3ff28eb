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
    /// <returns>
    /// The object number of each face's font dictionary in <paramref name="writer"/>'s document, and of each seal's image
    /// XObject (images go the same way as faces: drawn once in the one-page document, then copied).
    /// </returns>
    public static (Dictionary<FontFace, int> Fonts, Dictionary<Core.Documents.OrganisationSeal, int> Images) Embed(
        PdfStreamWriter writer, IReadOnlyDictionary<FontFace, HashSet<int>> used, IReadOnlyCollection<SealImage> seals, DocumentInfo info)
    {
        byte[] pdf;
        var numbers = new Dictionary<FontFace, int>();
        var images = new Dictionary<Core.Documents.OrganisationSeal, int>(ReferenceEqualityComparer.Instance);
        using (var surface = new PdfSurface(tagged: false))
        {
            surface.BeginPage(1);
            foreach (var (face, codePoints) in used)
            {
                var glyphs = codePoints.Order().Select(c => new PlacedGlyph(char.ConvertFromUtf32(c), c, face, PageGeometry.BodySize, false, 0, 0,
                    PageGeometry.BodySize, face.GlyphId(c), Math.Round(face.AdvanceEm(c) * 1000))).ToList();
                surface.DrawLine(new ComposedLine(glyphs, 0), 0);
            }
            foreach (var seal in seals) surface.DrawImage(seal, 0, 0);
            surface.EndPage();
            surface.Finish(info);
            pdf = surface.Save();
            foreach (var face in used.Keys) numbers[face] = surface.FontObject(face);
            foreach (var seal in seals) images[seal.Seal] = surface.ImageObject(seal.Seal);
        }

        var objects = PdfFinisher.Objects(pdf).ToDictionary(o => o.Number, o => (o.Start, o.End));
        var wanted = new SortedSet<int>();
        var pending = new Stack<int>(numbers.Values.Concat(images.Values));
        while (pending.Count > 0)
        {
            var number = pending.Pop();
            if (!wanted.Add(number)) continue;
            var (start, end) = objects[number];
            foreach (var reference in PdfFinisher.References(pdf.AsSpan(start, end - start))) pending.Push(reference);
        }
        writer.Reserve(objects.Keys.Max());
        foreach (var number in wanted) writer.WriteRaw(number, pdf.AsSpan(objects[number].Start, objects[number].End - objects[number].Start));
        return (numbers, images);
    }
}
