using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace Reporting.Typesetting.Seals;

/// <summary>
/// Writes an 8-bit RGBA PNG with its physical size (pHYs): the development seal. Reading a PNG (its size, its pixels)
/// is Core's <see cref="Reporting.Core.Seals.PngImage"/>, the one decoder of the product.
/// </summary>
internal static class PngEncoder
{
    private static readonly byte[] Signature = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];
    private static readonly uint[] CrcTable = BuildCrcTable();

    /// <param name="rgba">Width × height pixels, 4 bytes each, not premultiplied.</param>
    public static byte[] Encode(int width, int height, ReadOnlySpan<byte> rgba, double pixelsPerMetre)
    {
        if (rgba.Length != width * height * 4) throw new ArgumentException("The pixels do not match the size.", nameof(rgba));
        using var output = new MemoryStream();
        output.Write(Signature);
        Span<byte> header = stackalloc byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header[4..], height);
        header[8] = 8; // bits per channel
        header[9] = 6; // colour type: RGBA
        WriteChunk(output, "IHDR", header);
        Span<byte> physical = stackalloc byte[9];
        var perMetre = (int)Math.Round(pixelsPerMetre);
        BinaryPrimitives.WriteInt32BigEndian(physical, perMetre);
        BinaryPrimitives.WriteInt32BigEndian(physical[4..], perMetre);
        physical[8] = 1; // unit: metre
        WriteChunk(output, "pHYs", physical);
        using (var data = new MemoryStream())
        {
            // Fastest: the PDF does not keep this compression (the typesetter decodes the PNG, the finisher deflates the samples).
            using (var z = new ZLibStream(data, CompressionLevel.Fastest, leaveOpen: true))
                for (var y = 0; y < height; y++)
                {
                    z.WriteByte(0); // filter: none
                    z.Write(rgba.Slice(y * width * 4, width * 4));
                }
            WriteChunk(output, "IDAT", data.GetBuffer().AsSpan(0, (int)data.Length));
        }
        WriteChunk(output, "IEND", []);
        return output.ToArray();
    }

    private static void WriteChunk(Stream output, string type, ReadOnlySpan<byte> data)
    {
        Span<byte> word = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(word, data.Length);
        output.Write(word);
        var typeBytes = Encoding.ASCII.GetBytes(type);
        output.Write(typeBytes);
        output.Write(data);
        var crc = Crc(Crc(0xFFFFFFFFu, typeBytes), data) ^ 0xFFFFFFFFu;
        BinaryPrimitives.WriteUInt32BigEndian(word, crc);
        output.Write(word);
    }

    private static uint Crc(uint crc, ReadOnlySpan<byte> data)
    {
        foreach (var b in data) crc = CrcTable[(crc ^ b) & 0xFF] ^ (crc >> 8);
        return crc;
    }

    private static uint[] BuildCrcTable()
    {
        var table = new uint[256];
        for (uint n = 0; n < 256; n++)
        {
            var c = n;
            for (var k = 0; k < 8; k++) c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            table[n] = c;
        }
        return table;
    }
}
