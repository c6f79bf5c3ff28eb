using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Reporting.Typesetting.Rendering;

namespace Reporting.Typesetting.Signing;

/// <summary>
/// The last revision of a PDF with a classic cross-reference table (what <c>PdfFinisher</c> and <c>PdfStreamWriter</c>
/// write): its trailer entries and where each object lies, read from a seekable stream without loading the file.
/// </summary>
internal sealed partial class PdfRevision
{
    private static readonly Encoding Latin1 = Encoding.Latin1;
    private readonly Stream _pdf;
    private readonly Dictionary<int, long> _offsets;

    private PdfRevision(Stream pdf, Dictionary<int, long> offsets, long xref, string trailer)
    {
        _pdf = pdf;
        _offsets = offsets;
        XrefOffset = xref;
        Size = Number(SizeEntry(), trailer);
        Root = Number(RootEntry(), trailer);
        Info = InfoEntry().Match(trailer) is { Success: true } info ? int.Parse(info.Groups[1].Value, CultureInfo.InvariantCulture) : null;
        Id = IdEntry().Match(trailer) is { Success: true } id ? id.Value : null;
    }

    public long XrefOffset { get; }
    public int Size { get; }
    public int Root { get; }
    public int? Info { get; }

    /// <summary>The trailer's <c>/ID[&lt;…&gt;&lt;…&gt;]</c> as written, kept by the next revision.</summary>
    public string? Id { get; }

    public static PdfRevision Read(Stream pdf)
    {
        var tail = (int)Math.Min(pdf.Length, CrossReferenceTable.TailLength);
        var xref = CrossReferenceTable.StartXref(ReadAt(pdf, pdf.Length - tail, tail));
        var (offsets, trailer) = CrossReferenceTable.Parse(Latin1.GetString(ReadAt(pdf, xref, (int)(pdf.Length - xref))));
        if (trailer.Contains("/Prev", StringComparison.Ordinal) || trailer.Contains("/Encrypt", StringComparison.Ordinal))
            throw new InvalidDataException("Only a single-revision, unencrypted PDF is signed.");
        return new PdfRevision(pdf, offsets, xref, trailer);
    }

    /// <summary>An object's dictionary (“&lt;&lt; … &gt;&gt;”, without “n 0 obj” and “endobj”); objects with a stream are not read this way.</summary>
    public string Dictionary(int number)
    {
        if (!_offsets.TryGetValue(number, out var at)) throw new InvalidDataException($"Object {number} is not in the PDF.");
        var text = new StringBuilder();
        for (var chunk = 0; ; chunk++)
        {
            var bytes = ReadAt(_pdf, at + chunk * 4096L, (int)Math.Min(4096, _pdf.Length - at - chunk * 4096L));
            if (bytes.Length == 0) throw new InvalidDataException($"Object {number} has no endobj.");
            text.Append(Latin1.GetString(bytes));
            var end = text.ToString().IndexOf("endobj", StringComparison.Ordinal);
            if (end < 0) continue;
            var body = text.ToString(0, end);
            if (body.Contains("stream", StringComparison.Ordinal)) throw new InvalidDataException($"Object {number} is a stream.");
            var open = body.IndexOf("<<", StringComparison.Ordinal);
            var close = body.LastIndexOf(">>", StringComparison.Ordinal);
            if (open < 0 || close < open) throw new InvalidDataException($"Object {number} is not a dictionary.");
            return body[open..(close + 2)];
        }
    }

    /// <summary>The object number of page <paramref name="index"/> (0-based), walking the page tree from the catalog.</summary>
    public int Page(int index)
    {
        var pages = Number(PagesEntry(), Dictionary(Root));
        var remaining = index;
        return FindPage(pages, ref remaining, depth: 0) ?? throw new ArgumentOutOfRangeException(nameof(index), index, "The PDF has fewer pages.");
    }

    private int? FindPage(int node, ref int remaining, int depth)
    {
        if (depth > 32) throw new InvalidDataException("The page tree is too deep.");
        var dictionary = Dictionary(node);
        if (!PagesType().IsMatch(dictionary)) return remaining-- == 0 ? node : null;
        var count = Number(CountEntry(), dictionary);
        if (remaining >= count) { remaining -= count; return null; }
        var kids = KidsEntry().Match(dictionary);
        foreach (Match kid in Reference().Matches(kids.Groups[1].Value))
            if (FindPage(int.Parse(kid.Groups[1].Value, CultureInfo.InvariantCulture), ref remaining, depth + 1) is { } page) return page;
        return null;
    }

    private static int Number(Regex entry, string dictionary) =>
        entry.Match(dictionary) is { Success: true } m ? int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)
        : throw new InvalidDataException($"The PDF lacks the entry {entry}.");

    private static byte[] ReadAt(Stream stream, long offset, int count)
    {
        var buffer = new byte[count];
        stream.Position = offset;
        stream.ReadExactly(buffer);
        return buffer;
    }

    [GeneratedRegex(@"/Size\s+(\d+)")] private static partial Regex SizeEntry();
    [GeneratedRegex(@"/Root\s+(\d+)\s+0\s+R")] private static partial Regex RootEntry();
    [GeneratedRegex(@"/Info\s+(\d+)\s+0\s+R")] private static partial Regex InfoEntry();
    [GeneratedRegex(@"/ID\s*\[[^\]]*\]")] private static partial Regex IdEntry();
    [GeneratedRegex(@"/Pages\s+(\d+)\s+0\s+R")] private static partial Regex PagesEntry();
    [GeneratedRegex(@"/Type\s*/Pages\b")] private static partial Regex PagesType();
    [GeneratedRegex(@"/Count\s+(\d+)")] private static partial Regex CountEntry();
    [GeneratedRegex(@"/Kids\s*\[([^\]]*)\]")] private static partial Regex KidsEntry();
    /// <summary>An indirect reference, n 0 R, its number whole (a scan matches from a number's first digit).</summary>
    [GeneratedRegex(@"(\d+)\s+0\s+R")] internal static partial Regex Reference();
}
