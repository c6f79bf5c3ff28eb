using System.Globalization;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace Reporting.Typesetting.Rendering;

/// <summary>
/// Mends what PDFsharp 6.2 writes wrongly, and makes the bytes reproducible:
/// ToUnicode maps that give characters outside the BMP (𠮷) as 5-digit hex instead of UTF-16 surrogates;
/// flate streams left without their final block (so PDFsharp writes every stream plain and they are
/// compressed here); random subset tags, XMP uuids and file ID, which become digests of the content.
/// The objects are copied in order with a fresh cross-reference table, since mended streams change length.
/// Works on the bytes object by object: a 200-page report is never turned into one big string.
/// </summary>
internal static partial class PdfFinisher
{
    private static readonly Encoding Latin1 = Encoding.Latin1;

    /// <param name="xmp">
    /// The XMP packet that replaces PDFsharp's, given the Info dictionary's /Producer (PDFsharp writes its own name there
    /// when it saves, and PDF/A wants the two to agree); null keeps PDFsharp's.
    /// </param>
    public static byte[] Finish(ReadOnlySpan<byte> pdf, Func<string, string>? xmp = null)
    {
        var xrefStart = LastXref(pdf);
        var (offsets, size, trailer) = ReadXref(pdf, xrefStart);
        byte[]? metadata = null;
        if (xmp is not null)
        {
            var infoAt = offsets[int.Parse(InfoEntry().Match(trailer).Groups[1].Value, CultureInfo.InvariantCulture)];
            var info = Latin1.GetString(pdf.Slice(infoAt, Math.Min(4096, pdf.Length - infoAt)));
            var producer = ProducerEntry().Match(info);
            metadata = Encoding.UTF8.GetBytes(xmp(producer.Success ? producer.Groups[1].Value.Replace("\\(", "(").Replace("\\)", ")") : ""));
        }
        var order = offsets.OrderBy(o => o.Value).ToList();
        var output = new MemoryStream(pdf.Length / 3 + 4096);
        output.Write(pdf[..order[0].Value]);
        var newOffsets = new Dictionary<int, long>(order.Count);
        var tags = new Dictionary<string, string>();
        for (var i = 0; i < order.Count; i++)
        {
            var (number, start) = order[i];
            var end = i + 1 < order.Count ? order[i + 1].Value : xrefStart;
            newOffsets[number] = output.Position;
            WriteObject(pdf.Slice(start, end - start), output, tags, metadata);
        }
        var xref = output.Position;
        var id = Convert.ToHexString(SHA256.HashData(output.GetBuffer().AsSpan(0, (int)output.Length))[..16]);
        var table = new StringBuilder($"xref\n0 {size}\n0000000000 65535 f \n");
        for (var n = 1; n < size; n++)
            table.Append(newOffsets.TryGetValue(n, out var at) ? $"{at:D10} 00000 n \n" : "0000000000 65535 f \n");
        table.Append("trailer\n").Append(FileId().Replace(trailer, $"/ID[<{id}><{id}>]")).Append($"\nstartxref\n{xref}\n%%EOF\n");
        output.Write(Latin1.GetBytes(table.ToString()));
        return output.ToArray();
    }

    /// <summary>Each object of a finished document: its number and where its “n 0 obj … endobj” lies.</summary>
    public static List<(int Number, int Start, int End)> Objects(ReadOnlySpan<byte> pdf)
    {
        var xrefStart = LastXref(pdf);
        var order = ReadXref(pdf, xrefStart).Offsets.OrderBy(o => o.Value).ToList();
        return [.. order.Select((o, i) => (o.Key, o.Value, i + 1 < order.Count ? order[i + 1].Value : xrefStart))];
    }

    /// <summary>The objects an object refers to (“n 0 R” in its dictionary; a stream's data is not read).</summary>
    public static IEnumerable<int> References(ReadOnlySpan<byte> obj)
    {
        var streamAt = obj.IndexOf("stream\n"u8);
        var text = Latin1.GetString(streamAt < 0 ? obj : obj[..streamAt]);
        return [.. Reference().Matches(text).Select(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture))];
    }

    private static void WriteObject(ReadOnlySpan<byte> obj, Stream output, Dictionary<string, string> tags, byte[]? metadata)
    {
        var streamAt = obj.IndexOf("stream\n"u8);
        if (streamAt < 0 || obj[..streamAt].IndexOf("endstream"u8) >= 0)
        {
            output.Write(obj.IndexOf("+"u8) >= 0 ? Latin1.GetBytes(StableTags(Latin1.GetString(obj), tags)) : obj);
            return;
        }
        var dict = StableTags(Latin1.GetString(obj[..streamAt]), tags);
        var lengthMatch = LengthEntry().Match(dict);
        if (!lengthMatch.Success) { output.Write(obj); return; }
        var data = obj.Slice(streamAt + 7, int.Parse(lengthMatch.Groups[1].Value, CultureInfo.InvariantCulture));
        byte[] mended;
        if (dict.Contains("/Filter", StringComparison.Ordinal))
        {
            if (!dict.Contains("/FlateDecode", StringComparison.Ordinal)) { output.Write(obj); return; }
            mended = Deflate(Inflate(data));
        }
        else if (dict.Contains("/Metadata", StringComparison.Ordinal))
            mended = metadata ?? Latin1.GetBytes(StableUuids(Latin1.GetString(data)));
        else
        {
            mended = Deflate(data.IndexOf("begincmap"u8) >= 0 ? MendToUnicode(Latin1.GetString(data)) : data);
            dict = dict.Insert(dict.LastIndexOf(">>", StringComparison.Ordinal), "/Filter/FlateDecode");
            lengthMatch = LengthEntry().Match(dict);
        }
        output.Write(Latin1.GetBytes(dict.Remove(lengthMatch.Index, lengthMatch.Length).Insert(lengthMatch.Index, $"/Length {mended.Length}")));
        output.Write("stream\n"u8);
        output.Write(mended);
        output.Write("\nendstream\nendobj\n"u8);
    }

    private static byte[] Inflate(ReadOnlySpan<byte> data)
    {
        using var inflated = new MemoryStream();
        using (var z = new ZLibStream(new MemoryStream(data.ToArray()), CompressionMode.Decompress)) z.CopyTo(inflated);
        return inflated.ToArray();
    }

    private static byte[] Deflate(ReadOnlySpan<byte> data)
    {
        using var deflated = new MemoryStream(data.Length / 2 + 64);
        using (var z = new ZLibStream(deflated, CompressionLevel.Fastest, leaveOpen: true)) z.Write(data);
        return deflated.ToArray();
    }

    /// <summary>A ToUnicode destination above U+FFFF must be its UTF-16BE surrogate pair.</summary>
    private static byte[] MendToUnicode(string cmap) => Latin1.GetBytes(WideHex().Replace(cmap, m =>
    {
        var utf16 = char.ConvertFromUtf32(int.Parse(m.Groups[1].Value, NumberStyles.HexNumber, CultureInfo.InvariantCulture));
        return "<" + string.Concat(utf16.Select(c => ((int)c).ToString("X4", CultureInfo.InvariantCulture))) + ">";
    }));

    /// <summary>A subset's tag becomes a digest of its font's name and order of appearance: same document, same tags.</summary>
    private static string StableTags(string text, Dictionary<string, string> tags) => SubsetTag().Replace(text, m =>
    {
        var random = m.Value.Substring(m.Groups[1].Length, 6);
        var name = m.Groups[2].Value;
        if (!tags.TryGetValue(random, out var tag)) tags[random] = tag = Tag(name + "#" + tags.Count);
        return m.Groups[1].Value + tag + "+" + name;
    });

    private static string StableUuids(string xmp)
    {
        var ordinal = 0;
        return Uuid().Replace(xmp, _ => "uuid:" + new Guid(SHA256.HashData(Encoding.UTF8.GetBytes("xmp" + ordinal++))[..16]));
    }

    private static string Tag(string seed) => string.Concat(SHA256.HashData(Encoding.UTF8.GetBytes(seed))[..6].Select(b => (char)('A' + b % 26)));

    private static (Dictionary<int, int> Offsets, int Size, string Trailer) ReadXref(ReadOnlySpan<byte> pdf, int at)
    {
        var (offsets, trailer) = CrossReferenceTable.Parse(Latin1.GetString(pdf[at..]));
        var size = int.Parse(SizeEntry().Match(trailer).Groups[1].Value, CultureInfo.InvariantCulture);
        return (offsets.ToDictionary(o => o.Key, o => checked((int)o.Value)), size, trailer);
    }

    private static int LastXref(ReadOnlySpan<byte> pdf) =>
        checked((int)CrossReferenceTable.StartXref(pdf[Math.Max(0, pdf.Length - CrossReferenceTable.TailLength)..]));

    [GeneratedRegex(@"/Length (\d+)")] private static partial Regex LengthEntry();
    [GeneratedRegex(@"(\d+) 0 R\b")] private static partial Regex Reference();
    [GeneratedRegex(@"/Size (\d+)")] private static partial Regex SizeEntry();
    [GeneratedRegex(@"/Info (\d+) 0 R")] private static partial Regex InfoEntry();
    [GeneratedRegex(@"/Producer\s*\(((?:\\.|[^\\)])*)\)")] private static partial Regex ProducerEntry();
    [GeneratedRegex(@"<([0-9A-Fa-f]{5,6})>")] private static partial Regex WideHex();
    [GeneratedRegex(@"(/(?:BaseFont|FontName)\s*/)[A-Z]{6}\+([^/\s\]>]*)")] private static partial Regex SubsetTag();
    [GeneratedRegex(@"uuid:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")] private static partial Regex Uuid();
    [GeneratedRegex(@"/ID\s*\[\s*<[0-9A-Fa-f]{32}>\s*<[0-9A-Fa-f]{32}>\s*\]")] private static partial Regex FileId();
}
