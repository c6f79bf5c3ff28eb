using System.Collections.Concurrent;
using Reporting.Core.Documents;
using Reporting.Typesetting;
using Reporting.Typesetting.Fonts;
using Reporting.Typesetting.Seals;

namespace Reporting.Development.Seals;

/// <summary>
/// The seal drawn for an organisation where no real one is configured (the local host and the Cli, never
/// Azure): a red ring, the organisation's name around its upper arc, a star, and 测试 across the foot of the
/// centre, so no one takes it for a real seal. Drawn as a PNG from the faces' glyph outlines, so it reaches the
/// PDF as an image: the report's extracted text stays exactly its words.
/// </summary>
public static class DevelopmentSeal
{
    /// <summary>Pixels across: 42 mm at about 310 dpi.</summary>
    private const int Pixels = 512;

    private const double DiameterMm = OrganisationSeal.DefaultDiameterMm;
    private static readonly (byte R, byte G, byte B) Red = (0xD4, 0x1C, 0x24);
    private static readonly ConcurrentDictionary<string, byte[]> Drawn = new();
    private static readonly Lazy<FontSet> DefaultFonts = new(() => FontSet.Load(TypesettingOptions.CreateDefault()));

    /// <summary>The seal of <paramref name="organisationName"/>, with 测试 in its centre, as a seal for the document.</summary>
    public static OrganisationSeal For(string organisationName, FontSet? fonts = null) =>
        new(Draw(organisationName, fonts), organisationName + "印章");

    /// <summary>A transparent PNG, 42 mm across (pHYs), of the development seal of <paramref name="organisationName"/>.</summary>
    public static byte[] Draw(string organisationName, FontSet? fonts = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(organisationName);
        return Drawn.GetOrAdd(organisationName, name => Paint(name, fonts ?? DefaultFonts.Value));
    }

    private static byte[] Paint(string name, FontSet fonts)
    {
        var raster = new Raster(Pixels);
        var radius = Pixels / 2.0;
        var centre = (X: radius, Y: radius);
        var outer = radius * 0.97;
        raster.Fill([Circle(centre, outer, clockwise: true), Circle(centre, outer * 0.93, clockwise: false)]);
        raster.Fill([Star(centre.X, centre.Y - radius * 0.06, radius * 0.3)]);

        // The name along the upper arc, each character upright with its foot towards the centre.
        var characters = name.EnumerateRunes().Select(r => r.Value).Where(c => !char.IsWhiteSpace((char)Math.Min(c, 0xFFFF))).ToList();
        var size = radius * (characters.Count > 16 ? 0.2 : 0.24);
        var sweep = Math.Min(220.0, Math.Max(80.0, characters.Count * 17.0)) * Math.PI / 180;
        var textRadius = outer * 0.93 - radius * 0.04 - size / 2;
        for (var i = 0; i < characters.Count; i++)
        {
            var angle = characters.Count == 1 ? 0 : -sweep / 2 + sweep * i / (characters.Count - 1);
            var at = (X: centre.X + textRadius * Math.Sin(angle), Y: centre.Y - textRadius * Math.Cos(angle));
            Glyph(raster, fonts, characters[i], at, size, angle, widthScale: 0.78);
        }
        // 测试 across the centre's foot, larger than the name: no one mistakes this seal for a real one.
        var test = radius * 0.26;
        Glyph(raster, fonts, '测', (centre.X - test * 0.55, centre.Y + radius * 0.45), test, 0, 1);
        Glyph(raster, fonts, '试', (centre.X + test * 0.55, centre.Y + radius * 0.45), test, 0, 1);

        var coverage = raster.Coverage();
        var rgba = new byte[Pixels * Pixels * 4];
        for (var i = 0; i < coverage.Length; i++)
        {
            if (coverage[i] == 0) continue;
            (rgba[4 * i], rgba[4 * i + 1], rgba[4 * i + 2], rgba[4 * i + 3]) = (Red.R, Red.G, Red.B, coverage[i]);
        }
        return PngEncoder.Encode(Pixels, Pixels, rgba, Pixels / (DiameterMm / 1000));
    }

    /// <summary>One character's outline, its em box centred on <paramref name="at"/>, turned by <paramref name="angle"/> (clockwise).</summary>
    private static void Glyph(Raster raster, FontSet fonts, int codePoint, (double X, double Y) at, double size, double angle, double widthScale)
    {
        var face = fonts.FaceFor(FontRoles.XiaoBiaoSong, codePoint) ?? fonts.FaceFor(FontRoles.FangSong, codePoint);
        if (face is null) return;
        var em = (double)face.UnitsPerEm;
        var advance = face.AdvanceEm(codePoint);
        var (cos, sin) = (Math.Cos(angle), Math.Sin(angle));
        var outline = GlyphOutline.Read(face, face.GlyphId(codePoint));
        var contours = new List<IReadOnlyList<(double X, double Y)>>(outline.Count);
        foreach (var contour in outline)
        {
            var points = new (double X, double Y)[contour.Count];
            for (var i = 0; i < points.Length; i++)
            {
                // Em box: advance wide, from 0.12 em below the baseline to 0.88 em above it; centred on the origin.
                var u = (contour[i].X / em - advance / 2) * size * widthScale;
                var v = (contour[i].Y / em - 0.38) * size;
                points[i] = (at.X + u * cos + v * sin, at.Y + u * sin - v * cos);
            }
            contours.Add(points);
        }
        raster.Fill(contours);
    }

    private static (double X, double Y)[] Circle((double X, double Y) centre, double radius, bool clockwise)
    {
        const int steps = 360;
        var points = new (double X, double Y)[steps];
        for (var i = 0; i < steps; i++)
        {
            var a = (clockwise ? 1 : -1) * 2 * Math.PI * i / steps;
            points[i] = (centre.X + radius * Math.Cos(a), centre.Y + radius * Math.Sin(a));
        }
        return points;
    }

    /// <summary>A five-pointed star, one point up.</summary>
    private static (double X, double Y)[] Star(double x, double y, double radius)
    {
        var inner = radius * 0.382;
        var points = new (double X, double Y)[10];
        for (var i = 0; i < points.Length; i++)
        {
            var a = -Math.PI / 2 + i * Math.PI / 5;
            var r = i % 2 == 0 ? radius : inner;
            points[i] = (x + r * Math.Cos(a), y + r * Math.Sin(a));
        }
        return points;
    }
}
