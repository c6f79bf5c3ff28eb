using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace Reporting.TestSupport;

/// <summary>
/// Writes PNGs for tests (seal uploads, the signature's appearance): RGBA or RGB at 8 bits, each row with one of the
/// five filter types in turn so a decoder meets them all, and a correct CRC on every chunk.
/// </summary>
public static class TestPng
{
    public delegate (byte R, byte G, byte B, byte A) Pixel(int x, int y);

    /// <summary>A red ring on transparency, about what a scanned seal looks like.</summary>
    public static byte[] RedSeal(int size = 120) => Write(size, size, (x, y) =>
    {
        var r = Math.Sqrt(Math.Pow(x - size / 2.0, 2) + Math.Pow(y - size / 2.0, 2));
        return r < size * 0.48 && r > size * 0.36 || r < size * 0.12 ? ((byte)220, (byte)20, (byte)30, (byte)255) : ((byte)0, (byte)0, (byte)0, (byte)0);
    });

    public static byte[] Write(int width, int height, Pixel pixel, bool alpha = true)
    {
        var bpp = alpha ? 4 : 3;
        var raw = new byte[height * (width * bpp + 1)];
        var previous = new byte[width * bpp];
        for (var y = 0; y < height; y++)
        {
            var row = new byte[width * bpp];
            for (var x = 0; x < width; x++)
            {
                var (r, g, b, a) = pixel(x, y);
                row[x * bpp] = r;
                row[x * bpp + 1] = g;
                row[x * bpp + 2] = b;
                if (alpha) row[x * bpp + 3] = a;
            }
            var filter = (byte)(y % 5);
            var at = y * (width * bpp + 1);
            raw[at] = filter;
            for (var i = 0; i < row.Length; i++)
            {
                int left = i >= bpp ? row[i - bpp] : 0, up = y > 0 ? previous[i] : 0, corner = i >= bpp && y > 0 ? previous[i - bpp] : 0;
                var predictor = filter switch { 1 => left, 2 => up, 3 => (left + up) / 2, 4 => Paeth(left, up, corner), _ => 0 };
                raw[at + 1 + i] = (byte)(row[i] - predictor);
            }
            previous = row;
        }
        using var png = new MemoryStream();
        png.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = 8;
        header[9] = (byte)(alpha ? 6 : 2);
        Chunk(png, "IHDR", header);
        using (var deflated = new MemoryStream())
        {
            using (var z = new ZLibStream(deflated, CompressionLevel.Optimal, leaveOpen: true)) z.Write(raw);
            Chunk(png, "IDAT", deflated.ToArray());
        }
        Chunk(png, "IEND", []);
        return png.ToArray();
    }

    private static int Paeth(int a, int b, int c)
    {
        int p = a + b - c, pa = Math.Abs(p - a), pb = Math.Abs(p - b), pc = Math.Abs(p - c);
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }

    private static void Chunk(Stream png, string type, byte[] data)
    {
        Span<byte> number = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(number, data.Length);
        png.Write(number);
        var typed = Encoding.ASCII.GetBytes(type).Concat(data).ToArray();
        png.Write(typed);
        BinaryPrimitives.WriteUInt32BigEndian(number, Crc32(typed));
        png.Write(number);
    }

    private static uint Crc32(byte[] data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in data)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++) crc = (crc & 1) != 0 ? 0xEDB88320u ^ (crc >> 1) : crc >> 1;
        }
        return ~crc;
    }
}
