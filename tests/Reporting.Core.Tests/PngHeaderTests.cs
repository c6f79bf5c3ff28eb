using System.Buffers.Binary;
using Reporting.Core.Seals;
using Reporting.TestSupport;
using Xunit;

namespace Reporting.Core.Tests;

/// <summary>A seal's size as the typesetter reads it: the PNG's pixels and its pHYs, without decoding the image.</summary>
public sealed class PngHeaderTests
{
    [Fact]
    public void The_header_gives_the_pixel_size_and_the_pixels_per_metre_of_pHYs()
    {
        var png = WithPhysicalSize(TestPng.RedSeal(120), 2857, 2860, unit: 1);
        Assert.Equal(new PngHeader(120, 120, 2857, 2860), PngImage.ReadHeader(png));
    }

    [Fact]
    public void Without_pHYs_in_metres_the_header_has_no_physical_size()
    {
        Assert.Equal(new PngHeader(37, 23, null, null), PngImage.ReadHeader(TestPng.Write(37, 23, (_, _) => (200, 0, 0, 255))));
        Assert.Equal(new PngHeader(120, 120, null, null), PngImage.ReadHeader(WithPhysicalSize(TestPng.RedSeal(120), 72, 72, unit: 0)));
    }

    [Fact]
    public void The_header_is_read_without_inflating_the_image_data_and_a_non_png_is_refused()
    {
        var png = WithPhysicalSize(TestPng.RedSeal(120), 2857, 2857, unit: 1);
        var idat = png.AsSpan().IndexOf("IDAT"u8);
        png.AsSpan(idat + 4, 8).Fill(0xFF); // the image data no longer inflates: only Decode notices
        Assert.Equal(120, PngImage.ReadHeader(png).Width);
        Assert.Equal(PngProblem.BadData, Assert.Throws<PngFormatException>(() => PngImage.Decode(png)).Problem);
        Assert.Equal(PngProblem.NotPng, Assert.Throws<PngFormatException>(() => PngImage.ReadHeader("GIF89a-not-a-png"u8)).Problem);
    }

    /// <summary>The PNG with a pHYs chunk after IHDR (the decoder does not check CRCs: zero is written).</summary>
    private static byte[] WithPhysicalSize(byte[] png, uint x, uint y, byte unit)
    {
        var chunk = new byte[21];
        BinaryPrimitives.WriteInt32BigEndian(chunk, 9);
        "pHYs"u8.CopyTo(chunk.AsSpan(4));
        BinaryPrimitives.WriteUInt32BigEndian(chunk.AsSpan(8), x);
        BinaryPrimitives.WriteUInt32BigEndian(chunk.AsSpan(12), y);
        chunk[16] = unit;
        const int afterHeader = 8 + 12 + 13;
        return [.. png[..afterHeader], .. chunk, .. png[afterHeader..]];
    }
}
