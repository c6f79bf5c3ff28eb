using PdfSharp.Pdf;
using Reporting.Core.Documents;
using Reporting.Core.Seals;

namespace Reporting.Typesetting.Rendering;

/// <summary>
/// A seal's PNG as a PDF image XObject: its colours as DeviceRGB samples and, when the PNG has transparency, its alpha as
/// a soft mask (/SMask, allowed by PDF/A-2, 6.4); never /Interpolate (PDF/A-2, 6.2.8). The samples are written raw: the
/// finisher deflates every unfiltered stream once.
/// </summary>
/// <remarks>
/// Decoded by Core's <see cref="PngImage"/> rather than PDFsharp's <c>XImage.FromStream</c>: PDFsharp's PNG import, cold in a
/// fresh process, was most of what placing a seal added to a first render, and it compressed samples the finisher then
/// inflated again.
/// </remarks>
internal static class SealXObject
{
    /// <summary>Adds the seal's image (and its soft mask) to <paramref name="document"/>; returns the image dictionary.</summary>
    public static PdfDictionary Add(PdfDocument document, OrganisationSeal seal)
    {
        var png = PngImage.Decode(seal.Png);
        var pixels = png.Width * png.Height;
        var rgba = png.Rgba;
        var rgb = new byte[pixels * 3];
        var alpha = png.HasAlpha ? new byte[pixels] : null;
        for (int i = 0, o = 0; i < pixels; i++, o += 3)
        {
            rgb[o] = rgba[4 * i];
            rgb[o + 1] = rgba[4 * i + 1];
            rgb[o + 2] = rgba[4 * i + 2];
            if (alpha is not null) alpha[i] = rgba[4 * i + 3];
        }
        var image = Image(document, png.Width, png.Height, "/DeviceRGB", rgb);
        if (alpha is not null) image.Elements[PdfImageKeys.SMask] = Image(document, png.Width, png.Height, "/DeviceGray", alpha).Reference;
        return image;
    }

    private static PdfDictionary Image(PdfDocument document, int width, int height, string colourSpace, byte[] samples)
    {
        var image = new PdfDictionary(document);
        document.Internals.AddObject(image);
        image.Elements.SetName(PdfImageKeys.Type, "/XObject");
        image.Elements.SetName(PdfImageKeys.Subtype, "/Image");
        image.Elements.SetInteger(PdfImageKeys.Width, width);
        image.Elements.SetInteger(PdfImageKeys.Height, height);
        image.Elements.SetName(PdfImageKeys.ColorSpace, colourSpace);
        image.Elements.SetInteger(PdfImageKeys.BitsPerComponent, 8);
        image.CreateStream(samples);
        return image;
    }

    private static class PdfImageKeys
    {
        public const string Type = "/Type";
        public const string Subtype = "/Subtype";
        public const string Width = "/Width";
        public const string Height = "/Height";
        public const string ColorSpace = "/ColorSpace";
        public const string BitsPerComponent = "/BitsPerComponent";
        public const string SMask = "/SMask";
    }
}
