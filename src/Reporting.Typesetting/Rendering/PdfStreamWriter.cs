using System.Globalization;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;

namespace Reporting.Typesetting.Rendering;

/// <summary>
/// Writes a PDF object by object straight to its output, so a document of any length is never held in memory:
/// only each object's offset is kept for the cross-reference table. Objects may be written in any order once
/// their numbers are allocated. The file ID is a digest of everything written (same document, same bytes).
/// </summary>
internal sealed class PdfStreamWriter(Stream output)
{
    private static readonly Encoding Latin1 = Encoding.Latin1;
    private readonly List<long> _offsets = [0];
    private readonly IncrementalHash _digest = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private long _position;

    public void WriteHeader() => Write("%PDF-1.7\n%\u00E2\u00E3\u00CF\u00D3\n");

    public int Allocate()
    {
        _offsets.Add(-1);
        return _offsets.Count - 1;
    }

    /// <summary>Makes numbers 1..<paramref name="last"/> allocated: objects copied with the numbers they had.</summary>
    public void Reserve(int last)
    {
        while (_offsets.Count <= last) _offsets.Add(-1);
    }

    public void WriteObject(int number, string body) => Write($"{number} 0 obj\n{body}\nendobj\n", number);

    /// <summary>A flate-compressed stream (or, <paramref name="compress"/> false, a plain one, as the XMP is kept); <paramref name="dictionary"/> is the
    /// entries without /Length and /Filter.</summary>
    public void WriteStream(int number, string dictionary, ReadOnlySpan<byte> data, bool compress = true)
    {
        if (!compress)
        {
            Write($"{number} 0 obj\n<<{dictionary}/Length {data.Length}>>\nstream\n", number);
            Write(data);
            Write("\nendstream\nendobj\n");
            return;
        }
        using var deflated = new MemoryStream(data.Length / 3 + 64);
        using (var z = new ZLibStream(deflated, CompressionLevel.Fastest, leaveOpen: true)) z.Write(data);
        Write($"{number} 0 obj\n<<{dictionary}/Filter/FlateDecode/Length {deflated.Length}>>\nstream\n", number);
        Write(deflated.GetBuffer().AsSpan(0, (int)deflated.Length));
        Write("\nendstream\nendobj\n");
    }

    /// <summary>An object already written out whole (“n 0 obj … endobj”) by another writer.</summary>
    public void WriteRaw(int number, ReadOnlySpan<byte> obj)
    {
        _offsets[number] = _position;
        Write(obj);
    }

    public void Finish(int catalog, int info)
    {
        var xref = _position;
        var table = new StringBuilder($"xref\n0 {_offsets.Count}\n0000000000 65535 f \n");
        for (var n = 1; n < _offsets.Count; n++)
            table.Append(_offsets[n] >= 0 ? $"{_offsets[n]:D10} 00000 n \n" : "0000000000 65535 f \n");
        Write(table.ToString());
        var id = Convert.ToHexString(_digest.GetHashAndReset()[..16]);
        Write(string.Create(CultureInfo.InvariantCulture,
            $"trailer\n<</Size {_offsets.Count}/Root {catalog} 0 R/Info {info} 0 R/ID[<{id}><{id}>]>>\nstartxref\n{xref}\n%%EOF\n"));
    }

    /// <summary>A text string as UTF-16BE hex with its byte order mark, as PDF wants any non-ASCII text.</summary>
    public static string Text(string value) => "<FEFF" + Convert.ToHexString(Encoding.BigEndianUnicode.GetBytes(value)) + ">";

    public static string Number(double value) => Math.Round(value, 2).ToString("0.##", CultureInfo.InvariantCulture);

    private void Write(string text, int number)
    {
        _offsets[number] = _position;
        Write(text);
    }

    private void Write(string text) => Write(Latin1.GetBytes(text));

    private void Write(ReadOnlySpan<byte> bytes)
    {
        output.Write(bytes);
        _digest.AppendData(bytes);
        _position += bytes.Length;
    }
}
