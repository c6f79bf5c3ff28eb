using System.Globalization;
using System.IO.Compression;
using System.Xml.Linq;

namespace Reporting.Typesetting.Tests;

/// <summary>An OFD container read back with System.IO.Compression and System.Xml.Linq: its XML files, and per page the glyphs placed.</summary>
internal sealed class OfdReader
{
    public static readonly XNamespace Ofd = "http://www.ofdspec.org/2016";

    public required IReadOnlyDictionary<string, byte[]> Files { get; init; }
    public required IReadOnlyList<string> Order { get; init; }

    public static OfdReader Read(byte[] ofd)
    {
        using var zip = new ZipArchive(new MemoryStream(ofd), ZipArchiveMode.Read);
        var files = new Dictionary<string, byte[]>();
        foreach (var entry in zip.Entries)
        {
            using var stream = entry.Open();
            var copy = new MemoryStream();
            stream.CopyTo(copy);
            files[entry.FullName] = copy.ToArray();
        }
        return new OfdReader { Files = files, Order = [.. zip.Entries.Select(e => e.FullName)] };
    }

    public XDocument Xml(string path) => XDocument.Load(new MemoryStream(Files[path]));

    public XDocument Document => Xml(DocumentPath);

    public string DocumentPath => Xml("OFD.xml").Root!.Element(Ofd + "DocBody")!.Element(Ofd + "DocRoot")!.Value;

    public string DocumentFolder => DocumentPath[..DocumentPath.LastIndexOf('/')];

    public IReadOnlyList<(int Id, string Path)> PageFiles => [.. Document.Root!.Element(Ofd + "Pages")!.Elements(Ofd + "Page")
        .Select(p => (int.Parse(p.Attribute("ID")!.Value, CultureInfo.InvariantCulture), $"{DocumentFolder}/{p.Attribute("BaseLoc")!.Value}"))];

    /// <summary>The glyphs of page <paramref name="index"/> (0-based), in the order written: page position in mm (x of the origin, y of the baseline from the
    /// top).</summary>
    public IReadOnlyList<OfdGlyphRead> Glyphs(int index)
    {
        var glyphs = new List<OfdGlyphRead>();
        foreach (var text in Xml(PageFiles[index].Path).Descendants(Ofd + "TextObject"))
        {
            var box = Numbers(text.Attribute("Boundary")!.Value);
            var font = int.Parse(text.Attribute("Font")!.Value, CultureInfo.InvariantCulture);
            var size = double.Parse(text.Attribute("Size")!.Value, CultureInfo.InvariantCulture);
            foreach (var code in text.Elements(Ofd + "TextCode"))
            {
                var x = box[0] + double.Parse(code.Attribute("X")!.Value, CultureInfo.InvariantCulture);
                var y = box[1] + double.Parse(code.Attribute("Y")!.Value, CultureInfo.InvariantCulture);
                var deltas = code.Attribute("DeltaX") is { } d ? Steps(d.Value) : [];
                var characters = code.Value.EnumerateRunes().Select(r => r.ToString()).ToList();
                if (deltas.Length != characters.Count - 1)
                    throw new InvalidDataException($"TextCode '{code.Value}' has {characters.Count} characters and {deltas.Length} DeltaX values.");
                for (var i = 0; i < characters.Count; i++)
                {
                    glyphs.Add(new OfdGlyphRead(characters[i], x, y, font, size));
                    if (i < deltas.Length) x += deltas[i];
                }
            }
        }
        return glyphs;
    }

    public string PageText(int index) => string.Concat(Glyphs(index).Select(g => g.Text));

    /// <summary>A DeltaX or DeltaY value: numbers, where "g N v" stands for N times v.</summary>
    private static double[] Steps(string value)
    {
        var steps = new List<double>();
        var tokens = value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; i < tokens.Length; i++)
        {
            if (tokens[i] != "g")
            {
                steps.Add(double.Parse(tokens[i], CultureInfo.InvariantCulture));
                continue;
            }
            var count = int.Parse(tokens[i + 1], CultureInfo.InvariantCulture);
            steps.AddRange(Enumerable.Repeat(double.Parse(tokens[i + 2], CultureInfo.InvariantCulture), count));
            i += 2;
        }
        return [.. steps];
    }

    private static double[] Numbers(string value) =>
        [.. value.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(v => double.Parse(v, CultureInfo.InvariantCulture))];
}

internal sealed record OfdGlyphRead(string Text, double X, double Y, int Font, double Size);
