using System.Buffers.Binary;
using static Reporting.Typesetting.Fonts.SfntReader;

namespace Reporting.Typesetting.Fonts;

/// <summary>
/// PDFsharp reads single-face fonts only, so a face of a .ttc collection is copied out into a standalone
/// font: its tables (shared ones too) laid out anew, 4-byte aligned, with fresh checksums.
/// </summary>
internal static class TrueTypeCollection
{
    public static byte[] ExtractFace(byte[] file, int index)
    {
        if (file.Length < 12) throw new InvalidDataException("Not a font file.");
        if (U32(file, 0) != TtcTag)
        {
            if (index != 0) throw new InvalidDataException($"Face {index} requested from a single-face font.");
            return file;
        }
        var faces = (int)U32(file, 8);
        if (index < 0 || index >= faces) throw new InvalidDataException($"Face {index} requested; the collection holds {faces}.");
        var at = I32(file, 12 + 4 * index);
        var tables = Tables(file, at).OrderBy(t => t.Tag).ToArray();

        var headerLength = 12 + 16 * tables.Length;
        var total = headerLength + tables.Sum(t => Align4(t.Length));
        var output = new byte[total];
        var span = output.AsSpan();
        BinaryPrimitives.WriteUInt32BigEndian(span, U32(file, at));
        var n = tables.Length;
        var log2 = (int)Math.Floor(Math.Log2(n));
        BinaryPrimitives.WriteUInt16BigEndian(span[4..], (ushort)n);
        BinaryPrimitives.WriteUInt16BigEndian(span[6..], (ushort)((1 << log2) * 16));
        BinaryPrimitives.WriteUInt16BigEndian(span[8..], (ushort)log2);
        BinaryPrimitives.WriteUInt16BigEndian(span[10..], (ushort)(n * 16 - (1 << log2) * 16));

        var offset = headerLength;
        var headOffset = -1;
        for (var i = 0; i < n; i++)
        {
            var t = tables[i];
            file.AsSpan(t.Offset, t.Length).CopyTo(span[offset..]);
            if (t.Tag == Tag("head"))
            {
                headOffset = offset;
                BinaryPrimitives.WriteUInt32BigEndian(span[(offset + 8)..], 0); // checkSumAdjustment is computed last
            }
            var record = span[(12 + 16 * i)..];
            BinaryPrimitives.WriteUInt32BigEndian(record, t.Tag);
            BinaryPrimitives.WriteUInt32BigEndian(record[4..], Checksum(span.Slice(offset, Align4(t.Length))));
            BinaryPrimitives.WriteUInt32BigEndian(record[8..], (uint)offset);
            BinaryPrimitives.WriteUInt32BigEndian(record[12..], (uint)t.Length);
            offset += Align4(t.Length);
        }
        if (headOffset >= 0)
            BinaryPrimitives.WriteUInt32BigEndian(span[(headOffset + 8)..], 0xB1B0AFBA - Checksum(span));
        return output;
    }

    private static int Align4(int length) => (length + 3) & ~3;

    internal static uint Checksum(ReadOnlySpan<byte> data)
    {
        uint sum = 0;
        var i = 0;
        for (; i + 4 <= data.Length; i += 4) sum += BinaryPrimitives.ReadUInt32BigEndian(data[i..]);
        if (i < data.Length)
        {
            Span<byte> last = stackalloc byte[4];
            data[i..].CopyTo(last);
            sum += BinaryPrimitives.ReadUInt32BigEndian(last);
        }
        return sum;
    }
}
