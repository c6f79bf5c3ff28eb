using Reporting.Development.Seals;
using Reporting.Typesetting.Seals;

namespace Reporting.Typesetting.Tests;

/// <summary>The development seal is a transparent red PNG, 42 mm across, that says 测试 in its centre.</summary>
public class DevelopmentSealTests
{
    private static readonly Lazy<byte[]> Png = new(() => DevelopmentSeal.Draw("魏都区科学技术和工业信息化局"));

    [Fact]
    public void The_development_seal_is_a_png_42_mm_across()
    {
        var header = Reporting.Core.Seals.PngImage.ReadHeader(Png.Value);
        Assert.Equal(header.Width, header.Height);
        Assert.Equal(42, header.Width / header.PixelsPerMetreX!.Value * 1000, 1);
        Assert.Equal(42, header.Height / header.PixelsPerMetreY!.Value * 1000, 1);
    }

    [Fact]
    public void The_development_seal_is_red_ink_on_a_transparent_ground_with_a_ring_and_a_marked_centre()
    {
        var (size, pixels) = Decode(Png.Value);
        byte Alpha(double x, double y) => pixels[((int)(y * size) * size + (int)(x * size)) * 4 + 3];
        Assert.Equal(0, Alpha(0.02, 0.02)); // corners outside the ring: transparent
        Assert.Equal(0, Alpha(0.98, 0.98));
        Assert.Equal(255, Alpha(0.5, 0.5 - 0.475)); // the ring, top
        Assert.Equal(255, Alpha(0.5 + 0.475, 0.5)); // the ring, right
        Assert.Equal(0, Alpha(0.5, 0.5 - 0.435)); // inside the ring, above the name: clear
        var inked = Enumerable.Range(0, size * size).Where(i => pixels[4 * i + 3] > 0).ToList();
        Assert.All(inked, i => Assert.True(pixels[4 * i] > 150 && pixels[4 * i + 1] < 60 && pixels[4 * i + 2] < 60, "every inked pixel is red"));
        // The lower centre (测试) carries ink, and the name's arc (left and right of the top) does.
        var box = Enumerable.Range(33, 34).SelectMany(x => Enumerable.Range(65, 15).Select(y => (x / 100.0, y / 100.0))).ToList();
        var centre = box.Count(p => Alpha(p.Item1, p.Item2) > 128);
        Assert.True(centre > 0.15 * box.Count, $"the centre's foot carries 测试 ({centre} of {box.Count} samples inked)");
        var arc = Enumerable.Range(0, size / 2).Sum(x => Alpha(x / (double)size, 0.3) > 128 ? 1 : 0);
        Assert.True(arc > 5, "the organisation's name runs around the ring");
    }

    /// <summary>RGBA pixels of the seal, read by the product's one PNG decoder (Core's, which also checks uploaded seals).</summary>
    internal static (int Size, byte[] Pixels) Decode(byte[] png)
    {
        var image = Reporting.Core.Seals.PngImage.Decode(png);
        Assert.Equal(image.Width, image.Height);
        return (image.Width, image.Rgba);
    }
}
