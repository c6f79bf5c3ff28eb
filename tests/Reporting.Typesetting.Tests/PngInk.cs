using System.Buffers.Binary;
using System.IO.Compression;

namespace Reporting.Typesetting.Tests;

/// <summary>
/// An 8-bit, non-interlaced PNG (what Chromium's screenshots and pdftoppm write) read into ink: a pixel is ink when
/// its luminance is below half. Enough to tell a blank page and to compare two renderings of one page.
/// </summary>
internal sealed class PngInk
{
    public required int Width { get; init; }
    public required int Height { get; init; }
    public required bool[] Ink { get; init; }

    /// <summary>Pixels of a seal's red (red well above green and blue), to tell a drawn seal from the black text under it.</summary>
    public required bool[] Red { get; init; }

    public int InkCount => Ink.Count(i => i);

    public static PngInk Read(byte[] png)
    {
        int width = 0, height = 0, colourType = 0;
        var data = new MemoryStream();
        for (var at = 8; at < png.Length;)
        {
            var length = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(at));
            var type = System.Text.Encoding.ASCII.GetString(png, at + 4, 4);
            if (type == "IHDR")
            {
                width = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(at + 8));
                height = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(at + 12));
                if (png[at + 16] != 8 || png[at + 20] != 0) throw new InvalidDataException("Only 8-bit non-interlaced PNGs are read here.");
                colourType = png[at + 17];
            }
            if (type == "IDAT") data.Write(png, at + 8, length);
            at += 12 + length;
        }
        var channels = colourType switch
        {
            0 => 1,
            2 => 3,
            4 => 2,
            6 => 4,
            _ => throw new InvalidDataException($"PNG colour type {colourType} is not read here.")
        };
        data.Position = 0;
        using var inflate = new ZLibStream(data, CompressionMode.Decompress);
        var raw = new MemoryStream();
        inflate.CopyTo(raw);
        var bytes = raw.ToArray();
        var stride = width * channels;
        var previous = new byte[stride];
        var row = new byte[stride];
        var ink = new bool[width * height];
        var red = new bool[width * height];
        for (var y = 0; y < height; y++)
        {
            var filter = bytes[y * (stride + 1)];
            Array.Copy(bytes, y * (stride + 1) + 1, row, 0, stride);
            for (var i = 0; i < stride; i++)
            {
                int a = i >= channels ? row[i - channels] : 0, b = previous[i], c = i >= channels ? previous[i - channels] : 0;
                row[i] = (byte)(row[i] + filter switch
                {
                    1 => a,
                    2 => b,
                    3 => (a + b) / 2,
                    4 => Paeth(a, b, c),
                    _ => 0,
                });
            }
            for (var x = 0; x < width; x++)
            {
                var p = x * channels;
                var luminance = channels >= 3 ? (299 * row[p] + 587 * row[p + 1] + 114 * row[p + 2]) / 1000 : row[p];
                var opaque = channels is 2 or 4 ? row[p + channels - 1] > 127 : true;
                ink[y * width + x] = opaque && luminance < 128;
                red[y * width + x] = opaque && channels >= 3 && row[p] >= 150 && row[p + 1] < 110 && row[p + 2] < 110;
            }
            (previous, row) = (row, previous);
        }
        return new PngInk { Width = width, Height = height, Ink = ink, Red = red };
    }

    /// <summary>How many red pixels lie in a box (pixels from the top left).</summary>
    public int RedIn(int left, int top, int width, int height)
    {
        var count = 0;
        for (var y = Math.Max(0, top); y < Math.Min(Height, top + height); y++)
            for (var x = Math.Max(0, left); x < Math.Min(Width, left + width); x++)
                if (Red[y * Width + x]) count++;
        return count;
    }

    /// <summary>The ink that is not seal-red: the text of a sealed page, to compare apart from the seal.</summary>
    public PngInk WithoutRed() => new() { Width = Width, Height = Height, Ink = [.. Ink.Select((ink, i) => ink && !Red[i])], Red = Red };

    /// <summary>This ink resampled (nearest pixel) to another size: a reader that draws a page a little narrower is compared at the same scale.</summary>
    public PngInk ScaledTo(int width, int height)
    {
        var ink = new bool[width * height];
        var red = new bool[width * height];
        for (var y = 0; y < height; y++)
            for (var x = 0; x < width; x++)
            {
                var from = Math.Min(Height - 1, y * Height / height) * Width + Math.Min(Width - 1, x * Width / width);
                ink[y * width + x] = Ink[from];
                red[y * width + x] = Red[from];
            }
        return new PngInk { Width = width, Height = height, Ink = ink, Red = red };
    }

    /// <summary>
    /// The share of this image's ink pixels with no ink of <paramref name="other"/> within <paramref name="radius"/>
    /// pixels at the same place (the images aligned at their top left). Different faces drawing the same characters
    /// at the same places cover each other within a pixel or two; text that moved does not.
    /// </summary>
    public double UncoveredBy(PngInk other, int radius)
    {
        var total = 0;
        var uncovered = 0;
        for (var y = 0; y < Height; y++)
            for (var x = 0; x < Width; x++)
            {
                if (!Ink[y * Width + x]) continue;
                total++;
                var covered = false;
                for (var dy = -radius; dy <= radius && !covered; dy++)
                    for (var dx = -radius; dx <= radius && !covered; dx++)
                    {
                        int ox = x + dx, oy = y + dy;
                        covered = ox >= 0 && oy >= 0 && ox < other.Width && oy < other.Height && other.Ink[oy * other.Width + ox];
                    }
                if (!covered) uncovered++;
            }
        return total == 0 ? 1 : (double)uncovered / total;
    }

    private static int Paeth(int a, int b, int c)
    {
        var p = a + b - c;
        int pa = Math.Abs(p - a), pb = Math.Abs(p - b), pc = Math.Abs(p - c);
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }
}
