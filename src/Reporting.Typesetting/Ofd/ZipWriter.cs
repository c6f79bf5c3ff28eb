using System.Buffers.Binary;
using System.IO.Compression;
using System.IO.Hashing;
using System.Text;

namespace Reporting.Typesetting.Ofd;

/// <summary>
/// A zip written front to back, for the OFD container. Each entry is deflated into a buffer kept from entry to entry,
/// then written whole: local header with its CRC-32 and sizes (so no data descriptor and no seeking: the output may be
/// any stream), the data, and at the end the central directory. Per entry that is one deflater and three writes, where
/// ZipArchive also made an entry object, a stream per layer, and read the clock. Only what the OFD needs: stored or
/// deflated entries, ASCII names, one fixed time (1980-01-01 00:00, the earliest a zip can say) so the same files give
/// the same bytes, and no zip64: more than 65,535 entries or 4 GiB is refused.
/// </summary>
internal sealed class ZipWriter(Stream output) : IDisposable
{
    private const ushort Stored = 0;
    private const ushort Deflated = 8;
    private const ushort DosDate1980January1 = (1 << 5) | 1;

    private readonly List<Entry> _entries = [];
    private readonly MemoryStream _deflated = new();
    private readonly byte[] _header = new byte[46];
    private long _offset;
    private bool _closed;

    /// <param name="deflate">How to deflate the entry; null: store it as it is.</param>
    public void Add(string name, ReadOnlySpan<byte> content, ZLibCompressionOptions? deflate)
    {
        ObjectDisposedException.ThrowIf(_closed, this);
        if (!Ascii.IsValid(name)) throw new ArgumentException($"Zip entry name '{name}' is not ASCII.", nameof(name));
        var nameBytes = Encoding.ASCII.GetBytes(name);
        ReadOnlySpan<byte> data = content;
        var method = Stored;
        if (deflate is not null)
        {
            _deflated.SetLength(0);
            using (var deflater = new DeflateStream(_deflated, deflate, leaveOpen: true)) deflater.Write(content);
            data = _deflated.GetBuffer().AsSpan(0, (int)_deflated.Length);
            method = Deflated;
        }
        if (_entries.Count == ushort.MaxValue || _offset + 30 + nameBytes.Length + data.Length > uint.MaxValue)
            throw new InvalidOperationException("The OFD would need zip64 (more than 65,535 files or 4 GiB), which this writer does not write.");
        var entry = new Entry(nameBytes, method, Crc32.HashToUInt32(content), (uint)data.Length, (uint)content.Length, (uint)_offset);
        var header = _header.AsSpan(0, 30);
        BinaryPrimitives.WriteUInt32LittleEndian(header, 0x04034B50);
        Common(header[4..], entry);
        BinaryPrimitives.WriteUInt16LittleEndian(header[28..], 0); // extra field length
        output.Write(header);
        output.Write(nameBytes);
        output.Write(data);
        _entries.Add(entry);
        _offset += header.Length + nameBytes.Length + data.Length;
    }

    /// <summary>Writes the central directory and the end record; the zip is complete.</summary>
    public void Dispose()
    {
        if (_closed) return;
        _closed = true;
        _deflated.Dispose();
        var start = _offset;
        var header = _header.AsSpan(0, 46);
        foreach (var entry in _entries)
        {
            header.Clear();
            BinaryPrimitives.WriteUInt32LittleEndian(header, 0x02014B50);
            BinaryPrimitives.WriteUInt16LittleEndian(header[4..], 20); // made by: MS-DOS attributes, zip 2.0
            Common(header[6..], entry);
            // extra, comment, disk number, internal and external attributes stay 0
            BinaryPrimitives.WriteUInt32LittleEndian(header[42..], entry.Offset);
            output.Write(header);
            output.Write(entry.Name);
            _offset += header.Length + entry.Name.Length;
        }
        if (_offset > uint.MaxValue) throw new InvalidOperationException("The OFD would need zip64 (over 4 GiB), which this writer does not write.");
        var end = _header.AsSpan(0, 22);
        end.Clear();
        BinaryPrimitives.WriteUInt32LittleEndian(end, 0x06054B50);
        BinaryPrimitives.WriteUInt16LittleEndian(end[8..], (ushort)_entries.Count);
        BinaryPrimitives.WriteUInt16LittleEndian(end[10..], (ushort)_entries.Count);
        BinaryPrimitives.WriteUInt32LittleEndian(end[12..], (uint)(_offset - start));
        BinaryPrimitives.WriteUInt32LittleEndian(end[16..], (uint)start);
        output.Write(end);
    }

    /// <summary>The fields local and central headers share, from "version needed" to the name's length (24 bytes).</summary>
    private static void Common(Span<byte> at, Entry entry)
    {
        BinaryPrimitives.WriteUInt16LittleEndian(at, (ushort)(entry.Method == Deflated ? 20 : 10));
        BinaryPrimitives.WriteUInt16LittleEndian(at[2..], 0); // flags
        BinaryPrimitives.WriteUInt16LittleEndian(at[4..], entry.Method);
        BinaryPrimitives.WriteUInt16LittleEndian(at[6..], 0); // 00:00:00
        BinaryPrimitives.WriteUInt16LittleEndian(at[8..], DosDate1980January1);
        BinaryPrimitives.WriteUInt32LittleEndian(at[10..], entry.Crc);
        BinaryPrimitives.WriteUInt32LittleEndian(at[14..], entry.CompressedSize);
        BinaryPrimitives.WriteUInt32LittleEndian(at[18..], entry.Size);
        BinaryPrimitives.WriteUInt16LittleEndian(at[22..], (ushort)entry.Name.Length);
    }

    private readonly record struct Entry(byte[] Name, ushort Method, uint Crc, uint CompressedSize, uint Size, uint Offset);
}
