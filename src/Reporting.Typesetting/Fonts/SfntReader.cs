using System.Buffers.Binary;

namespace Reporting.Typesetting.Fonts;

/// <summary>Big-endian reads and the table directory of an sfnt (TrueType/OpenType) font.</summary>
internal static class SfntReader
{
    public static ushort U16(byte[] b, int at) => BinaryPrimitives.ReadUInt16BigEndian(b.AsSpan(at));
    public static short I16(byte[] b, int at) => BinaryPrimitives.ReadInt16BigEndian(b.AsSpan(at));
    public static uint U32(byte[] b, int at) => BinaryPrimitives.ReadUInt32BigEndian(b.AsSpan(at));
    public static int I32(byte[] b, int at) => (int)U32(b, at);

    public const uint TtcTag = 0x74746366; // 'ttcf'
    public const uint CffTag = 0x4F54544F; // 'OTTO': OpenType with CFF outlines

    public readonly record struct TableRecord(uint Tag, uint Checksum, int Offset, int Length);

    /// <summary>Tables of the font whose offset table starts at <paramref name="at"/>.</summary>
    public static TableRecord[] Tables(byte[] b, int at)
    {
        var count = U16(b, at + 4);
        var tables = new TableRecord[count];
        for (var i = 0; i < count; i++)
        {
            var r = at + 12 + 16 * i;
            tables[i] = new TableRecord(U32(b, r), U32(b, r + 4), I32(b, r + 8), I32(b, r + 12));
        }
        return tables;
    }

    public static uint Tag(string tag) => (uint)(tag[0] << 24 | tag[1] << 16 | tag[2] << 8 | tag[3]);

    public static TableRecord? Find(TableRecord[] tables, string tag)
    {
        var t = Tag(tag);
        foreach (var table in tables) if (table.Tag == t) return table;
        return null;
    }
}
