using System.Buffers.Binary;
using Microsoft.Win32.SafeHandles;
using static Reporting.Typesetting.Fonts.SfntReader;

namespace Reporting.Typesetting.Fonts;

/// <summary>
/// PDFsharp reads single-face fonts only, so a face of a .ttc collection is copied out into a standalone
/// font: its tables (shared ones too) laid out anew, 4-byte aligned, with a fresh directory and checksums.
/// Tables are read straight from the file into the new font, so a 20 MB collection is read once, not held twice.
/// </summary>
internal static class TrueTypeCollection
{
    public static byte[] ReadFace(string path, int index)
    {
        using var file = File.OpenHandle(path);
        var length = RandomAccess.GetLength(file);
        var head = Read(file, 0, 12);
        if (U32(head, 0) != TtcTag)
        {
            if (index != 0) throw new InvalidDataException($"Face {index} requested from a single-face font.");
            return File.ReadAllBytes(path);
        }
        var faces = (int)U32(head, 8);
        if (index < 0 || index >= faces) throw new InvalidDataException($"Face {index} requested; the collection holds {faces}.");
        var at = (long)U32(Read(file, 12 + 4L * index, 4), 0);
        var count = U16(Read(file, at + 4, 2), 0);
        var directory = Read(file, at, 12 + 16 * count);
        var tables = Tables(directory, 0).OrderBy(t => t.Tag).ToArray();
        if (tables.Any(t => t.Offset < 0 || (long)t.Offset + t.Length > length))
            throw new InvalidDataException("A table lies outside the font file.");

        var headerLength = 12 + 16 * tables.Length;
        var output = new byte[headerLength + tables.Sum(t => (long)Align4(t.Length))];
        var span = output.AsSpan();
        BinaryPrimitives.WriteUInt32BigEndian(span, U32(directory, 0));
        var n = tables.Length;
        var log2 = (int)Math.Floor(Math.Log2(n));
        BinaryPrimitives.WriteUInt16BigEndian(span[4..], (ushort)n);
        BinaryPrimitives.WriteUInt16BigEndian(span[6..], (ushort)((1 << log2) * 16));
        BinaryPrimitives.WriteUInt16BigEndian(span[8..], (ushort)log2);
        BinaryPrimitives.WriteUInt16BigEndian(span[10..], (ushort)(n * 16 - (1 << log2) * 16));

        var offset = headerLength;
        var headOffset = -1;
        uint total = 0;
        for (var i = 0; i < n; i++)
        {
            var t = tables[i];
            if (RandomAccess.Read(file, span.Slice(offset, t.Length), t.Offset) != t.Length) throw new InvalidDataException("Font file ends inside a table.");
            // A table's checksum does not depend on where it lies, so the collection's own checksums carry over;
            // only head changes, because its checkSumAdjustment is zeroed and computed last.
            var checksum = t.Checksum;
            if (t.Tag == Tag("head"))
            {
                headOffset = offset;
                BinaryPrimitives.WriteUInt32BigEndian(span[(offset + 8)..], 0);
                checksum = Checksum(span.Slice(offset, Align4(t.Length)));
            }
            var record = span[(12 + 16 * i)..];
            BinaryPrimitives.WriteUInt32BigEndian(record, t.Tag);
            BinaryPrimitives.WriteUInt32BigEndian(record[4..], checksum);
            BinaryPrimitives.WriteUInt32BigEndian(record[8..], (uint)offset);
            BinaryPrimitives.WriteUInt32BigEndian(record[12..], (uint)t.Length);
            total += checksum;
            offset += Align4(t.Length);
        }
        total += Checksum(span[..headerLength]);
        if (headOffset >= 0) BinaryPrimitives.WriteUInt32BigEndian(span[(headOffset + 8)..], 0xB1B0AFBA - total);
        return output;
    }

    /// <summary>The sfnt version of the face (0x00010000 or 'true' for TrueType outlines, 'OTTO' for CFF), from its first bytes only.</summary>
    public static uint SfntVersion(string path, int index)
    {
        using var file = File.OpenHandle(path);
        var version = U32(Read(file, 0, 4), 0);
        if (version != TtcTag) return version;
        var faces = U32(Read(file, 8, 4), 0);
        if (index < 0 || index >= faces) throw new InvalidDataException($"Face {index} requested; the collection holds {faces}.");
        return U32(Read(file, U32(Read(file, 12 + 4L * index, 4), 0), 4), 0);
    }

    private static byte[] Read(SafeFileHandle file, long offset, int count)
    {
        var buffer = new byte[count];
        if (RandomAccess.Read(file, buffer, offset) != count) throw new InvalidDataException("Font file is truncated.");
        return buffer;
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
