using System.Buffers.Binary;
using Reporting.Typesetting.Fonts;
using static Reporting.Typesetting.Fonts.SfntReader;

namespace Reporting.Typesetting.Ofd;

/// <summary>
/// A TrueType subset of one face for the OFD: the glyphs of the characters drawn (and the components of composite
/// glyphs among them), renumbered from 1 in their old order, with a new cmap (format 4 for the BMP, format 12 beside it
/// when a character lies outside it, such as 𠮷), so a reader maps each TextCode character through the subset's own
/// cmap. Tables kept: head, hhea, maxp, OS/2, name, cvt, fpgm, prep, gasp (copied), hmtx, loca, glyf, cmap, post
/// (rewritten; post as version 3, without glyph names). Everything keyed to the old glyph numbering (GSUB, GPOS,
/// vmtx, hdmx, kern …) is left out: the layout places every glyph itself.
/// </summary>
internal static class TrueTypeSubset
{
    private static readonly string[] Copied = ["OS/2", "cvt ", "fpgm", "gasp", "name", "prep"];

    /// <summary>What a simple glyph refers to (shared, never changed).</summary>
    private static readonly List<(int Glyph, int At)> NoComponents = [];

    /// <param name="codePoints">Ascending, each once.</param>
    public static byte[] Build(FontFace face, IReadOnlyList<int> codePoints)
    {
        var font = face.Data;
        var tables = Tables(font, 0);
        TableRecord Need(string tag) => Find(tables, tag) ?? throw new InvalidDataException($"Font {face.Path} has no {tag} table.");
        var head = Need("head");
        var hhea = Need("hhea");
        var maxp = Need("maxp");
        var hmtx = Need("hmtx");
        var loca = Need("loca");
        var glyf = Need("glyf");
        var longLoca = I16(font, head.Offset + 50) == 1;
        var oldCount = U16(font, maxp.Offset + 4);
        int GlyphStart(int g) => longLoca ? I32(font, loca.Offset + 4 * g) : 2 * U16(font, loca.Offset + 2 * g);

        var characters = new List<(int Code, int Old)>(codePoints.Count);
        foreach (var code in codePoints)
            if (face.GlyphId(code) is var old && old != 0 && old < oldCount) characters.Add((code, old));
        // A flag per glyph of the face rather than a set: a subset keeps a few hundred of tens of thousands.
        var keep = new bool[oldCount];
        var kept = 0;
        var pending = new Stack<int>(characters.Count + 1);
        pending.Push(0);
        foreach (var (_, old) in characters) pending.Push(old);
        while (pending.TryPop(out var g))
        {
            if (keep[g]) continue;
            keep[g] = true;
            kept++;
            foreach (var (component, _) in Components(font, glyf.Offset + GlyphStart(g), GlyphStart(g + 1) - GlyphStart(g)))
                if (component < oldCount && !keep[component]) pending.Push(component);
        }
        var order = new int[kept];
        for (int g = 0, i = 0; g < oldCount; g++)
            if (keep[g]) order[i++] = g;
        int New(int old) => Array.BinarySearch(order, old);

        var offsets = new int[order.Length + 1];
        for (var i = 0; i < order.Length; i++)
            offsets[i + 1] = offsets[i] + ((Math.Max(0, GlyphStart(order[i] + 1) - GlyphStart(order[i])) + 3) & ~3);
        var glyphs = new byte[offsets[^1]];
        for (var i = 0; i < order.Length; i++)
        {
            var start = GlyphStart(order[i]);
            var length = Math.Max(0, GlyphStart(order[i] + 1) - start);
            var bytes = glyphs.AsSpan(offsets[i], length);
            font.AsSpan(glyf.Offset + start, length).CopyTo(bytes);
            foreach (var (component, at) in Components(font, glyf.Offset + start, length))
                BinaryPrimitives.WriteUInt16BigEndian(bytes[(at - glyf.Offset - start)..], (ushort)New(component));
        }
        var locaTable = new byte[4 * offsets.Length];
        for (var i = 0; i < offsets.Length; i++) BinaryPrimitives.WriteInt32BigEndian(locaTable.AsSpan(4 * i), offsets[i]);

        int metrics = U16(font, hhea.Offset + 34);
        var hmtxTable = new byte[4 * order.Length];
        for (var i = 0; i < order.Length; i++)
        {
            var g = order[i];
            var advance = U16(font, hmtx.Offset + 4 * Math.Min(g, metrics - 1));
            var bearing = g < metrics ? I16(font, hmtx.Offset + 4 * g + 2) : I16(font, hmtx.Offset + 4 * metrics + 2 * (g - metrics));
            BinaryPrimitives.WriteUInt16BigEndian(hmtxTable.AsSpan(4 * i), advance);
            BinaryPrimitives.WriteInt16BigEndian(hmtxTable.AsSpan(4 * i + 2), bearing);
        }

        var headTable = Copy(font, head);
        BinaryPrimitives.WriteUInt32BigEndian(headTable.AsSpan(8), 0);
        BinaryPrimitives.WriteInt16BigEndian(headTable.AsSpan(50), 1);
        var hheaTable = Copy(font, hhea);
        BinaryPrimitives.WriteUInt16BigEndian(hheaTable.AsSpan(34), (ushort)order.Length);
        var maxpTable = Copy(font, maxp);
        BinaryPrimitives.WriteUInt16BigEndian(maxpTable.AsSpan(4), (ushort)order.Length);
        var post = new byte[32];
        if (Find(tables, "post") is { } oldPost) font.AsSpan(oldPost.Offset, Math.Min(32, oldPost.Length)).CopyTo(post);
        BinaryPrimitives.WriteUInt32BigEndian(post, 0x00030000);

        var output = new SortedDictionary<string, byte[]>(StringComparer.Ordinal)
        {
            ["head"] = headTable, ["hhea"] = hheaTable, ["maxp"] = maxpTable, ["hmtx"] = hmtxTable, ["loca"] = locaTable,
            ["glyf"] = glyphs, ["post"] = post,
            ["cmap"] = CharacterMapTable.Build([.. characters.Select(c => (c.Code, New(c.Old)))]),
        };
        foreach (var tag in Copied)
            if (Find(tables, tag) is { } table) output[tag] = Copy(font, table);
        return Assemble(output);
    }

    /// <summary>The glyph ids a composite glyph refers to, and where each id is stored (absolute offset in the font).</summary>
    private static List<(int Glyph, int At)> Components(byte[] font, int at, int length)
    {
        if (length < 10 || I16(font, at) >= 0) return NoComponents;
        var found = new List<(int, int)>();
        var p = at + 10;
        const int Words = 0x0001, Scale = 0x0008, More = 0x0020, XYScale = 0x0040, TwoByTwo = 0x0080;
        while (true)
        {
            var flags = U16(font, p);
            found.Add((U16(font, p + 2), p + 2));
            p += 4 + ((flags & Words) != 0 ? 4 : 2);
            p += (flags & Scale) != 0 ? 2 : (flags & XYScale) != 0 ? 4 : (flags & TwoByTwo) != 0 ? 8 : 0;
            if ((flags & More) == 0) return found;
        }
    }

    private static byte[] Copy(byte[] font, TableRecord table) => font.AsSpan(table.Offset, table.Length).ToArray();

    /// <summary>The sfnt: offset table, directory sorted by tag, each table 4-byte aligned, checksums and head's adjustment.</summary>
    private static byte[] Assemble(SortedDictionary<string, byte[]> tables)
    {
        var count = tables.Count;
        var power = 1;
        var log = 0;
        while (power * 2 <= count) { power *= 2; log++; }
        var headerLength = 12 + 16 * count;
        var total = headerLength + tables.Values.Sum(t => (t.Length + 3) & ~3);
        var font = new byte[total];
        var span = font.AsSpan();
        BinaryPrimitives.WriteUInt32BigEndian(span, 0x00010000);
        BinaryPrimitives.WriteUInt16BigEndian(span[4..], (ushort)count);
        BinaryPrimitives.WriteUInt16BigEndian(span[6..], (ushort)(power * 16));
        BinaryPrimitives.WriteUInt16BigEndian(span[8..], (ushort)log);
        BinaryPrimitives.WriteUInt16BigEndian(span[10..], (ushort)(count * 16 - power * 16));
        var offset = headerLength;
        var index = 0;
        var headAt = 0;
        foreach (var (tag, data) in tables)
        {
            data.CopyTo(span[offset..]);
            var record = span[(12 + 16 * index)..];
            BinaryPrimitives.WriteUInt32BigEndian(record, Tag(tag));
            BinaryPrimitives.WriteUInt32BigEndian(record[4..], TrueTypeCollection.Checksum(span.Slice(offset, (data.Length + 3) & ~3)));
            BinaryPrimitives.WriteInt32BigEndian(record[8..], offset);
            BinaryPrimitives.WriteInt32BigEndian(record[12..], data.Length);
            if (tag == "head") headAt = offset;
            offset += (data.Length + 3) & ~3;
            index++;
        }
        BinaryPrimitives.WriteUInt32BigEndian(span[(headAt + 8)..], unchecked(0xB1B0AFBA - TrueTypeCollection.Checksum(span)));
        return font;
    }
}
