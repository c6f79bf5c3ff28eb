using System.Globalization;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace Reporting.Typesetting.Rendering;

/// <summary>
/// Mends what PDFsharp 6.2 writes wrongly, and makes the bytes reproducible:
/// ToUnicode maps that give characters outside the BMP (𠮷) as 5-digit hex instead of UTF-16 surrogates;
/// flate streams left without their final block (so PDFsharp writes all streams plain and they are compressed
/// here); random subset tags, XMP uuids and file ID.
/// The file is re-laid with a fresh cross-reference table, since mended streams change length.
/// </summary>
internal static partial class PdfFinisher
{
    private static readonly Encoding Latin1 = Encoding.Latin1;

    public static byte[] Finish(byte[] pdf)
    {
        var text = Latin1.GetString(pdf);
        var (offsets, size, trailer) = ReadXref(text);
        var order = offsets.OrderBy(o => o.Value).ToList();
        var output = new MemoryStream(pdf.Length + 4096);
        output.Write(pdf, 0, order[0].Value);
        var newOffsets = new Dictionary<int, long>();
        var xrefStart = LastXref(text);
        for (var i = 0; i < order.Count; i++)
        {
            var (number, start) = order[i];
            var end = i + 1 < order.Count ? order[i + 1].Value : xrefStart;
            newOffsets[number] = output.Position;
            WriteObject(pdf, text, start, end, output);
        }
        var xref = output.Position;
        var table = new StringBuilder($"xref\n0 {size}\n0000000000 65535 f \n");
        for (var n = 1; n < size; n++)
            table.Append(newOffsets.TryGetValue(n, out var at) ? $"{at:D10} 00000 n \n" : "0000000000 65535 f \n");
        table.Append("trailer\n").Append(trailer).Append($"\nstartxref\n{xref}\n%%EOF\n");
        output.Write(Latin1.GetBytes(table.ToString()));
        return Reproducible(output.ToArray());
    }

    private static void WriteObject(byte[] pdf, string text, int start, int end, Stream output)
    {
        var streamAt = text.IndexOf("stream\n", start, end - start, StringComparison.Ordinal);
        if (streamAt < 0 || text.IndexOf("endstream", start, streamAt - start, StringComparison.Ordinal) >= 0) { output.Write(pdf, start, end - start); return; }
        var dict = text[start..streamAt];
        var lengthMatch = LengthEntry().Match(dict);
        if (!lengthMatch.Success) { output.Write(pdf, start, end - start); return; }
        var length = int.Parse(lengthMatch.Groups[1].Value, CultureInfo.InvariantCulture);
        var data = pdf.AsSpan(streamAt + 7, length).ToArray();
        byte[] mended;
        if (dict.Contains("/Filter", StringComparison.Ordinal))
        {
            if (!dict.Contains("/FlateDecode", StringComparison.Ordinal)) { output.Write(pdf, start, end - start); return; }
            mended = Recompress(data);
        }
        else if (dict.Contains("/Metadata", StringComparison.Ordinal)) { output.Write(pdf, start, end - start); return; }
        else
        {
            // PDFsharp writes every stream plain (NoCompression): its flate streams lack their final block.
            mended = Deflate(MendToUnicode(data) ?? data);
            var close = dict.LastIndexOf(">>", StringComparison.Ordinal);
            dict = dict.Insert(close, "/Filter/FlateDecode");
            lengthMatch = LengthEntry().Match(dict);
        }
        output.Write(Latin1.GetBytes(dict.Remove(lengthMatch.Index, lengthMatch.Length).Insert(lengthMatch.Index, $"/Length {mended.Length}")));
        output.Write("stream\n"u8);
        output.Write(mended);
        output.Write("\nendstream\nendobj\n"u8);
    }

    private static byte[] Recompress(byte[] data)
    {
        using var inflated = new MemoryStream();
        using (var z = new ZLibStream(new MemoryStream(data), CompressionMode.Decompress)) z.CopyTo(inflated);
        return Deflate(inflated.ToArray());
    }

    private static byte[] Deflate(byte[] data)
    {
        using var deflated = new MemoryStream(data.Length / 2 + 64);
        using (var z = new ZLibStream(deflated, CompressionLevel.Fastest, leaveOpen: true)) z.Write(data);
        return deflated.ToArray();
    }

    /// <summary>A ToUnicode destination above U+FFFF must be its UTF-16BE surrogate pair.</summary>
    private static byte[]? MendToUnicode(byte[] data)
    {
        var cmap = Latin1.GetString(data);
        if (!cmap.Contains("begincmap", StringComparison.Ordinal) || !WideHex().IsMatch(cmap)) return null;
        return Latin1.GetBytes(WideHex().Replace(cmap, m =>
        {
            var utf16 = char.ConvertFromUtf32(int.Parse(m.Groups[1].Value, NumberStyles.HexNumber, CultureInfo.InvariantCulture));
            return "<" + string.Concat(utf16.Select(c => ((int)c).ToString("X4", CultureInfo.InvariantCulture))) + ">";
        }));
    }

    private static (Dictionary<int, int> Offsets, int Size, string Trailer) ReadXref(string text)
    {
        var at = LastXref(text);
        var trailerAt = text.IndexOf("trailer", at, StringComparison.Ordinal);
        var offsets = new Dictionary<int, int>();
        var lines = text[(at + 4)..trailerAt].Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        int number = 0;
        foreach (var line in lines)
        {
            var parts = line.Split(' ');
            if (parts.Length == 2) { number = int.Parse(parts[0], CultureInfo.InvariantCulture); continue; }
            if (parts.Length >= 3 && parts[2] == "n") offsets[number] = int.Parse(parts[0], CultureInfo.InvariantCulture);
            number++;
        }
        var trailerEnd = text.IndexOf("startxref", trailerAt, StringComparison.Ordinal);
        var trailer = text[(trailerAt + 7)..trailerEnd].Trim();
        var comment = trailer.LastIndexOf(">>", StringComparison.Ordinal);
        trailer = trailer[..(comment + 2)];
        var size = int.Parse(SizeEntry().Match(trailer).Groups[1].Value, CultureInfo.InvariantCulture);
        return (offsets, size, trailer);
    }

    private static int LastXref(string text)
    {
        var startxref = text.LastIndexOf("startxref", StringComparison.Ordinal);
        return int.Parse(StartXref().Match(text, startxref).Groups[1].Value, CultureInfo.InvariantCulture);
    }

    /// <summary>Replaces the random parts with values derived from the content, in place (same lengths).</summary>
    private static byte[] Reproducible(byte[] pdf)
    {
        var text = Latin1.GetString(pdf);
        var tags = new Dictionary<string, string>();
        text = SubsetTag().Replace(text, m =>
        {
            var key = m.Groups[1].Value + m.Groups[2].Value;
            if (!tags.TryGetValue(key, out var tag))
                tags[key] = tag = Tag(m.Groups[2].Value + "#" + tags.Count);
            return m.Groups[1].Value + tag + "+" + m.Groups[2].Value;
        });
        var ordinal = 0;
        text = Uuid().Replace(text, _ => "uuid:" + new Guid(Hash("uuid" + ordinal++ + text.Length)[..16]).ToString());
        text = FileId().Replace(text, "/ID[<00000000000000000000000000000000><00000000000000000000000000000000>]");
        var id = Convert.ToHexString(SHA256.HashData(Latin1.GetBytes(text))[..16]);
        text = FileId().Replace(text, $"/ID[<{id}><{id}>]");
        return Latin1.GetBytes(text);
    }

    private static string Tag(string seed) => string.Concat(Hash(seed)[..6].Select(b => (char)('A' + b % 26)));

    private static byte[] Hash(string seed) => SHA256.HashData(Encoding.UTF8.GetBytes(seed));

    [GeneratedRegex(@"/Length (\d+)")] private static partial Regex LengthEntry();
    [GeneratedRegex(@"/Size (\d+)")] private static partial Regex SizeEntry();
    [GeneratedRegex(@"startxref\s+(\d+)")] private static partial Regex StartXref();
    [GeneratedRegex(@"<([0-9A-Fa-f]{5,6})>")] private static partial Regex WideHex();
    [GeneratedRegex(@"(/(?:BaseFont|FontName)\s*/)[A-Z]{6}\+([^/\s\]>]*)")] private static partial Regex SubsetTag();
    [GeneratedRegex(@"uuid:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")] private static partial Regex Uuid();
    [GeneratedRegex(@"/ID\s*\[\s*<[0-9A-Fa-f]{32}>\s*<[0-9A-Fa-f]{32}>\s*\]")] private static partial Regex FileId();
}
