using Reporting.Core.Documents;
using Reporting.Core.Seals;

namespace Reporting.Typesetting.Layout;

/// <summary>A seal with its printed size in points: the PNG's physical size (pHYs), else 42 mm across.</summary>
internal sealed record SealImage(OrganisationSeal Seal, double Width, double Height)
{
    public static SealImage Of(OrganisationSeal seal)
    {
        ArgumentNullException.ThrowIfNull(seal);
        var header = PngImage.ReadHeader(seal.Png);
        if (header.PixelsPerMetreX is { } x && header.PixelsPerMetreY is { } y)
            return new SealImage(seal, header.Width / x * 1000 * PageGeometry.Mm, header.Height / y * 1000 * PageGeometry.Mm);
        // No physical size: the image's longer side is the default diameter, its shape kept.
        var scale = OrganisationSeal.DefaultDiameterMm * PageGeometry.Mm / Math.Max(header.Width, header.Height);
        return new SealImage(seal, header.Width * scale, header.Height * scale);
    }
}
