using System.Buffers.Binary;
using Reporting.Core.Seals;
using Reporting.TestSupport;
using Xunit;

namespace Reporting.Core.Tests;

/// <summary>Which seal uploads are taken and why the others are refused, read from the pixels of real PNG files.</summary>
public sealed class SealImageRulesTests
{
    private static readonly TestPng.Pixel Red = (_, _) => (210, 25, 35, 255);

    [Fact]
    public void A_red_ring_on_transparency_is_accepted()
    {
        Assert.Null(SealImageRules.Check(TestPng.RedSeal()));
        Assert.Null(SealImageRules.Check(TestPng.Write(100, 108, (x, y) => x < 50 ? ((byte)200, (byte)0, (byte)0, (byte)255)
            : ((byte)0, (byte)0, (byte)0, (byte)0))));
    }

    [Fact]
    public void The_decoder_gives_back_every_pixel_through_all_five_filter_types()
    {
        TestPng.Pixel pattern = (x, y) => ((byte)(x * 7 + y), (byte)(x ^ y), (byte)(255 - x), (byte)(y * 3));
        var image = PngImage.Decode(TestPng.Write(37, 23, pattern));
        Assert.Equal((37, 23, PngImage.ColorTypeRgba, true), (image.Width, image.Height, image.ColorType, image.HasAlpha));
        for (var y = 0; y < 23; y++)
            for (var x = 0; x < 37; x++)
            {
                var (r, g, b, a) = pattern(x, y);
                Assert.Equal([r, g, b, a], image.Rgba[((y * 37 + x) * 4)..((y * 37 + x) * 4 + 4)]);
            }
    }

    [Fact]
    public void An_empty_file_is_refused() => Assert.Equal(SealImageProblem.Empty, SealImageRules.Check([]));

    [Fact]
    public void A_file_over_one_megabyte_is_refused_before_it_is_decoded()
    {
        var big = new byte[SealImageRules.MaxBytes + 1];
        TestPng.RedSeal().CopyTo(big, 0);
        Assert.Equal(SealImageProblem.TooLarge, SealImageRules.Check(big));
    }

    [Fact]
    public void A_file_that_is_not_a_PNG_is_refused()
    {
        Assert.Equal(SealImageProblem.NotPng, SealImageRules.Check("%PDF-1.7\n"u8));
        Assert.Equal(SealImageProblem.NotPng, SealImageRules.Check([0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10, 0x4A, 0x46])); // JPEG
    }

    [Fact]
    public void A_PNG_cut_short_or_with_a_broken_header_or_data_is_refused_as_unreadable()
    {
        var png = TestPng.RedSeal();
        Assert.Equal(SealImageProblem.Unreadable, SealImageRules.Check(png[..(png.Length / 2)]));
        var badHeader = (byte[])png.Clone();
        BinaryPrimitives.WriteInt32BigEndian(badHeader.AsSpan(16), 0); // width 0
        Assert.Equal(SealImageProblem.Unreadable, SealImageRules.Check(badHeader));
        var badData = (byte[])png.Clone();
        badData.AsSpan(41, 20).Fill(0xAB); // inside the IDAT's zlib stream
        Assert.Equal(SealImageProblem.Unreadable, SealImageRules.Check(badData));
    }

    [Fact]
    public void An_interlaced_PNG_is_refused_as_unsupported()
    {
        var png = TestPng.RedSeal();
        png[28] = 1; // IHDR interlace method: Adam7
        Assert.Equal(SealImageProblem.UnsupportedPng, SealImageRules.Check(png));
    }

    [Fact]
    public void A_PNG_of_more_than_4096_pixels_a_side_is_refused()
    {
        var png = TestPng.Write(8, 8, Red);
        BinaryPrimitives.WriteInt32BigEndian(png.AsSpan(16), 5000);
        BinaryPrimitives.WriteInt32BigEndian(png.AsSpan(20), 5000);
        Assert.Equal(SealImageProblem.TooManyPixels, SealImageRules.Check(png));
    }

    [Fact]
    public void An_image_far_from_square_is_refused() =>
        Assert.Equal(SealImageProblem.NotSquare, SealImageRules.Check(TestPng.Write(120, 80, Red)));

    [Fact]
    public void An_image_without_transparency_is_refused() =>
        Assert.Equal(SealImageProblem.NoTransparency, SealImageRules.Check(TestPng.Write(60, 60, Red, alpha: false)));

    [Fact]
    public void A_wholly_transparent_image_is_refused_as_blank() =>
        Assert.Equal(SealImageProblem.Blank, SealImageRules.Check(TestPng.Write(60, 60, (_, _) => (200, 0, 0, 0))));

    [Fact]
    public void An_image_mostly_not_red_among_its_opaque_pixels_is_refused()
    {
        Assert.Equal(SealImageProblem.NotRed, SealImageRules.Check(TestPng.Write(60, 60, (_, _) => (20, 40, 200, 255))));  // blue
        Assert.Equal(SealImageProblem.NotRed,
            SealImageRules.Check(TestPng.Write(60, 60, (x, _) => x < 30 ? ((byte)210, (byte)25, (byte)35, (byte)255)
                : ((byte)20, (byte)20, (byte)20, (byte)255))));
    }
}
