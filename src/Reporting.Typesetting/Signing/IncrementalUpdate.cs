using System.Globalization;
using System.Text;

namespace Reporting.Typesetting.Signing;

/// <summary>
/// A revision appended to a PDF as it is written: objects (new ones numbered from the previous /Size, or revised ones
/// under their old numbers), their offsets in the whole file, then its cross-reference section and trailer with /Prev.
/// </summary>
internal sealed class IncrementalUpdate(long baseLength, int firstNumber)
{
    private static readonly Encoding Latin1 = Encoding.Latin1;
    private readonly MemoryStream _bytes = new();
    // A Dictionary (sorted once at the end), not a SortedDictionary: the render has the Dictionary's code ready, and a fresh
    // process would compile the sorted tree's just to sign.
    private readonly Dictionary<int, long> _offsets = [];
    private int _next = firstNumber;

    public int Length => (int)_bytes.Length;

    public int Reserve() => _next++;

    public void Raw(string text) => _bytes.Write(Latin1.GetBytes(text));

    /// <summary>Starts object <paramref name="number"/> here; the caller writes its body and “endobj”.</summary>
    public void Begin(int number)
    {
        _offsets[number] = baseLength + _bytes.Length;
        Raw($"{number} 0 obj\n");
    }

    public void Object(int number, string dictionary)
    {
        Begin(number);
        Raw($"{dictionary}\nendobj\n");
    }

    /// <summary>A stream object, written as it is: the update's streams are a few bytes long.</summary>
    public void Stream(int number, string openDictionary, byte[] data)
    {
        Begin(number);
        Raw($"{openDictionary}/Length {data.Length}>>\nstream\n");
        _bytes.Write(data);
        Raw("\nendstream\nendobj\n");
    }

    /// <summary>A classic xref section (one subsection per run of numbers) and the trailer pointing back with /Prev.</summary>
    public void Finish(PdfRevision previous)
    {
        var xref = baseLength + _bytes.Length;
        var table = new StringBuilder("xref\n0 1\n0000000000 65535 f \n");
        var numbers = _offsets.Keys.ToList();
        numbers.Sort();
        for (var i = 0; i < numbers.Count;)
        {
            var run = 1;
            while (i + run < numbers.Count && numbers[i + run] == numbers[i] + run) run++;
            table.Append(CultureInfo.InvariantCulture, $"{numbers[i]} {run}\n");
            for (var j = i; j < i + run; j++) table.Append(CultureInfo.InvariantCulture, $"{_offsets[numbers[j]]:D10} 00000 n \n");
            i += run;
        }
        var info = previous.Info is { } n ? $"/Info {n} 0 R" : "";
        table.Append(CultureInfo.InvariantCulture, $"trailer\n<</Size {_next}/Root {previous.Root} 0 R{info}{previous.Id}/Prev {previous.XrefOffset}>>\n");
        table.Append(CultureInfo.InvariantCulture, $"startxref\n{xref}\n%%EOF\n");
        Raw(table.ToString());
    }

    public byte[] ToArray() => _bytes.ToArray();
}
