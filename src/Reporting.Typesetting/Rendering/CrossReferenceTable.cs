using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Reporting.Typesetting.Rendering;

/// <summary>
/// Reads a classic cross-reference section (“xref”, subsections of “offset generation n|f” lines, “trailer &lt;&lt;…&gt;&gt;”),
/// the kind PDFsharp, <see cref="PdfStreamWriter"/> and <see cref="PdfFinisher"/> write: what the finisher reads to
/// copy the objects and the signer reads to append a revision. Cross-reference streams are not read.
/// </summary>
internal static partial class CrossReferenceTable
{
    /// <summary>How many bytes at the file's end hold “startxref n %%EOF”.</summary>
    public const int TailLength = 64;

    /// <summary>Where the last cross-reference section starts, read from the file's last <see cref="TailLength"/> bytes.</summary>
    public static long StartXref(ReadOnlySpan<byte> tail) =>
        StartXrefEntry().Match(Encoding.Latin1.GetString(tail)) is { Success: true } m
            ? long.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)
            : throw new InvalidDataException("The PDF has no startxref.");

    /// <summary>The offset of each object in use, and the trailer's dictionary, from <paramref name="section"/> (the text from “xref” on).</summary>
    public static (Dictionary<int, long> Offsets, string Trailer) Parse(string section)
    {
        if (!section.StartsWith("xref", StringComparison.Ordinal)) throw new InvalidDataException("Only a classic cross-reference table is read.");
        var trailerAt = section.IndexOf("trailer", StringComparison.Ordinal);
        var end = trailerAt < 0 ? -1 : section.IndexOf("startxref", trailerAt, StringComparison.Ordinal);
        if (end < 0) throw new InvalidDataException("The PDF has no trailer.");
        var offsets = new Dictionary<int, long>();
        var number = 0;
        foreach (var line in section[4..trailerAt].Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var parts = line.Split(' ');
            if (parts.Length == 2) { number = int.Parse(parts[0], CultureInfo.InvariantCulture); continue; }
            if (parts.Length >= 3 && parts[2] == "n") offsets[number] = long.Parse(parts[0], CultureInfo.InvariantCulture);
            number++;
        }
        var trailer = section[(trailerAt + 7)..end].Trim();
        return (offsets, trailer[..(trailer.LastIndexOf(">>", StringComparison.Ordinal) + 2)]);
    }

    [GeneratedRegex(@"startxref\s+(\d+)")] private static partial Regex StartXrefEntry();
}
