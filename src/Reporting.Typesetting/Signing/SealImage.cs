using Reporting.Core.Seals;

namespace Reporting.Typesetting.Signing;

/// <summary>A seal PNG split as a PDF image XObject wants it: the colour samples and, as its soft mask, the alpha.</summary>
internal sealed record SealImage(int Width, int Height, byte[] Rgb, byte[] Alpha)
{
    public static SealImage Decode(byte[] png)
    {
        var image = PngImage.Decode(png);
        var pixels = image.Width * image.Height;
        var rgb = new byte[pixels * 3];
        var alpha = new byte[pixels];
        for (var i = 0; i < pixels; i++)
        {
            rgb[3 * i] = image.Rgba[4 * i];
            rgb[3 * i + 1] = image.Rgba[4 * i + 1];
            rgb[3 * i + 2] = image.Rgba[4 * i + 2];
            alpha[i] = image.Rgba[4 * i + 3];
        }
        return new SealImage(image.Width, image.Height, rgb, alpha);
    }
}
