using System.Buffers.Binary;
using System.IO.Compression;

namespace Reporting.Core.Seals;

/// <summary>
/// A decoded PNG: its header and its pixels as 8-bit RGBA, row by row. Reads what a seal image is made with
/// (non-interlaced; grey, RGB, palette, grey + alpha, RGBA; 8 bits a channel, or 16 taken to 8) and refuses the
/// rest with <see cref="PngFormatException"/>: written here because seal uploads are checked by their pixels
/// (“mostly red”), and .NET has no PNG decoder outside Windows. The typesetter reads a seal's size through
/// <see cref="ReadHeader"/>, and its pixels through <see cref="Decode"/> when it embeds them.
/// </summary>
public sealed class PngImage
{
    public const int ColorTypeGrey = 0;
    public const int ColorTypeRgb = 2;
    public const int ColorTypePalette = 3;
    public const int ColorTypeGreyAlpha = 4;
    public const int ColorTypeRgba = 6;

    /// <summary>The largest side decoded: a bound on memory for an upload whose 1 MB could inflate without end.</summary>
    public const int MaxSide = 4096;

    private static ReadOnlySpan<byte> Signature => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    private PngImage(int width, int height, int bitDepth, int colorType, bool hasTransparency, byte[] rgba)
    {
        Width = width;
        Height = height;
        BitDepth = bitDepth;
        ColorType = colorType;
        HasAlpha = hasTransparency;
        Rgba = rgba;
    }

    public int Width { get; }
    public int Height { get; }
    public int BitDepth { get; }
    public int ColorType { get; }

    /// <summary>An alpha channel (grey + alpha, RGBA) or a palette with transparency (tRNS).</summary>
    public bool HasAlpha { get; }

    /// <summary>Width × height pixels, 4 bytes each (R, G, B, A), top row first.</summary>
    public byte[] Rgba { get; }

    public static bool HasSignature(ReadOnlySpan<byte> data) => data.StartsWith(Signature);

    /// <summary>
    /// The size in pixels and, when the file states it (pHYs in metres), in pixels per metre: read from the chunks before
    /// the image data, the pixels left undecoded (what placing a seal on a page needs).
    /// </summary>
    /// <exception cref="PngFormatException">not a PNG, cut short, or a kind this decoder does not read.</exception>
    public static PngHeader ReadHeader(ReadOnlySpan<byte> data) => Walk(data, compressed: null).Header;

    /// <exception cref="PngFormatException">not a PNG, cut short, or a kind this decoder does not read.</exception>
    public static PngImage Decode(ReadOnlySpan<byte> data)
    {
        using var compressed = new MemoryStream();
        var (header, bitDepth, colorType, palette, transparency) = Walk(data, compressed);
        var (width, height) = (header.Width, header.Height);
        if (colorType == ColorTypePalette && palette is null) throw new PngFormatException(PngProblem.BadData, "A palette image without PLTE.");
        var channels = colorType switch { ColorTypeGrey or ColorTypePalette => 1, ColorTypeGreyAlpha => 2, ColorTypeRgb => 3, _ => 4 };
        var bytesPerPixel = channels * bitDepth / 8;
        var raw = Inflate(compressed, height * (1L + (long)width * bytesPerPixel));
        Unfilter(raw, width * bytesPerPixel, height, bytesPerPixel);
        var rgba = ToRgba(raw, width, height, bitDepth, colorType, bytesPerPixel, palette, transparency);
        var hasAlpha = colorType is ColorTypeGreyAlpha or ColorTypeRgba || colorType == ColorTypePalette && transparency is not null;
        return new PngImage(width, height, bitDepth, colorType, hasAlpha, rgba);
    }

    /// <summary>
    /// Walks the chunks, checking the header, up to IEND, collecting the image data into <paramref name="compressed"/>;
    /// with <paramref name="compressed"/> null it stops at the first image data (pHYs, PLTE and tRNS come before it).
    /// </summary>
    private static (PngHeader Header, int BitDepth, int ColorType, byte[]? Palette, byte[]? Transparency) Walk(
        ReadOnlySpan<byte> data, MemoryStream? compressed)
    {
        if (!HasSignature(data)) throw new PngFormatException(PngProblem.NotPng, "No PNG signature.");
        int width = 0, height = 0, bitDepth = 0, colorType = -1;
        double? perMetreX = null, perMetreY = null;
        byte[]? palette = null, transparency = null;
        var at = Signature.Length;
        var seenEnd = false;
        while (!seenEnd)
        {
            if (at + 12 > data.Length) throw new PngFormatException(PngProblem.Truncated, "The file ends inside a chunk.");
            var length = BinaryPrimitives.ReadUInt32BigEndian(data[at..]);
            if (length > int.MaxValue || at + 12 + (long)length > data.Length) throw new PngFormatException(PngProblem.Truncated, "A chunk runs past the end.");
            var type = System.Text.Encoding.ASCII.GetString(data.Slice(at + 4, 4));
            var body = data.Slice(at + 8, (int)length);
            if (colorType < 0 && type != "IHDR") throw new PngFormatException(PngProblem.BadHeader, "The first chunk is not IHDR.");
            switch (type)
            {
                case "IHDR":
                    if (length != 13) throw new PngFormatException(PngProblem.BadHeader, "IHDR is not 13 bytes.");
                    width = BinaryPrimitives.ReadInt32BigEndian(body);
                    height = BinaryPrimitives.ReadInt32BigEndian(body[4..]);
                    bitDepth = body[8];
                    colorType = body[9];
                    if (width <= 0 || height <= 0 || body[10] != 0 || body[11] != 0)
                        throw new PngFormatException(PngProblem.BadHeader, "IHDR has an impossible size or method.");
                    if (body[12] != 0) throw new PngFormatException(PngProblem.Unsupported, "Interlaced PNGs are not read.");
                    if (!Supported(colorType, bitDepth)) throw new PngFormatException(PngProblem.Unsupported,
                        $"Colour type {colorType} at {bitDepth} bits is not read.");
                    if (width > MaxSide || height > MaxSide) throw new PngFormatException(PngProblem.TooLarge,
                        $"{width} × {height} exceeds {MaxSide} pixels a side.");
                    break;
                case "pHYs" when length == 9 && body[8] == 1: // unit 1: the metre
                    (perMetreX, perMetreY) = (BinaryPrimitives.ReadUInt32BigEndian(body), BinaryPrimitives.ReadUInt32BigEndian(body[4..]));
                    if (perMetreX <= 0 || perMetreY <= 0) (perMetreX, perMetreY) = (null, null);
                    break;
                case "PLTE": palette = body.ToArray(); break;
                case "tRNS": transparency = body.ToArray(); break;
                case "IDAT" when compressed is null: seenEnd = true; break;
                case "IDAT": compressed.Write(body); break;
                case "IEND": seenEnd = true; break;
            }
            at += 12 + (int)length;
        }
        return (new PngHeader(width, height, perMetreX, perMetreY), bitDepth, colorType, palette, transparency);
    }

    private static bool Supported(int colorType, int bitDepth) => colorType switch
    {
        ColorTypePalette => bitDepth == 8,
        ColorTypeGrey or ColorTypeRgb or ColorTypeGreyAlpha or ColorTypeRgba => bitDepth is 8 or 16,
        _ => false,
    };

    private static byte[] Inflate(MemoryStream compressed, long expected)
    {
        compressed.Position = 0;
        var raw = new byte[expected];
        try
        {
            using var z = new ZLibStream(compressed, CompressionMode.Decompress);
            z.ReadExactly(raw);
        }
        catch (Exception e) when (e is InvalidDataException or EndOfStreamException)
        {
            throw new PngFormatException(PngProblem.BadData, "The image data does not inflate to its size: " + e.Message);
        }
        return raw;
    }

    /// <summary>PNG filter types 0–4 (none, sub, up, average, Paeth), undone in place row by row.</summary>
    private static void Unfilter(byte[] raw, int rowBytes, int height, int bpp)
    {
        for (var y = 0; y < height; y++)
        {
            var rowStart = y * (rowBytes + 1);
            var filter = raw[rowStart];
            var row = raw.AsSpan(rowStart + 1, rowBytes);
            var previous = y == 0 ? Span<byte>.Empty : raw.AsSpan(rowStart - rowBytes, rowBytes);
            for (var x = 0; x < rowBytes; x++)
            {
                int a = x >= bpp ? row[x - bpp] : 0, b = y > 0 ? previous[x] : 0, c = x >= bpp && y > 0 ? previous[x - bpp] : 0;
                row[x] = filter switch
                {
                    0 => row[x],
                    1 => (byte)(row[x] + a),
                    2 => (byte)(row[x] + b),
                    3 => (byte)(row[x] + (a + b) / 2),
                    4 => (byte)(row[x] + Paeth(a, b, c)),
                    _ => throw new PngFormatException(PngProblem.BadData, $"Unknown filter type {filter} in row {y}."),
                };
            }
        }
    }

    private static int Paeth(int a, int b, int c)
    {
        int p = a + b - c, pa = Math.Abs(p - a), pb = Math.Abs(p - b), pc = Math.Abs(p - c);
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }

    private static byte[] ToRgba(byte[] raw, int width, int height, int bitDepth, int colorType, int bpp, byte[]? palette, byte[]? transparency)
    {
        var rgba = new byte[width * height * 4];
        var step = bitDepth / 8; // 16-bit samples keep their high byte
        for (var y = 0; y < height; y++)
        {
            var row = y * (width * bpp + 1) + 1;
            for (var x = 0; x < width; x++)
            {
                var p = row + x * bpp;
                var o = (y * width + x) * 4;
                byte r, g, b, a = 255;
                switch (colorType)
                {
                    case ColorTypePalette:
                        var index = raw[p];
                        if (3 * index + 2 >= palette!.Length) throw new PngFormatException(PngProblem.BadData, $"Palette index {index} out of range.");
                        (r, g, b) = (palette[3 * index], palette[3 * index + 1], palette[3 * index + 2]);
                        if (transparency is not null && index < transparency.Length) a = transparency[index];
                        break;
                    case ColorTypeGrey: r = g = b = raw[p]; break;
                    case ColorTypeGreyAlpha: r = g = b = raw[p]; a = raw[p + step]; break;
                    case ColorTypeRgb: (r, g, b) = (raw[p], raw[p + step], raw[p + 2 * step]); break;
                    default: (r, g, b, a) = (raw[p], raw[p + step], raw[p + 2 * step], raw[p + 3 * step]); break;
                }
                (rgba[o], rgba[o + 1], rgba[o + 2], rgba[o + 3]) = (r, g, b, a);
            }
        }
        return rgba;
    }
}
