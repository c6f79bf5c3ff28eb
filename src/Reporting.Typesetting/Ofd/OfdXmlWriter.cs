using System.Buffers;
using System.Globalization;
using System.Text;

namespace Reporting.Typesetting.Ofd;

/// <summary>
/// A forward-only UTF-8 writer for the page files, into one buffer reused from page to page. A page is a few hundred
/// objects and thousands of millimetre values: they are formatted straight into bytes, without an XmlWriter, a string
/// per number or a fresh buffer per page (these were most of what the OFD added to a render). Its output is what
/// XmlWriter made of the same calls (the declaration, the ofd prefix declared on the root element, " />" closing an
/// empty element, the same escapes), so the files are byte for byte what they were.
/// </summary>
internal sealed class OfdXmlWriter
{
    private static readonly SearchValues<char> Escaped = SearchValues.Create("<>&\"\t\n\r");
    private static readonly UTF8Encoding Strict = new(false, throwOnInvalidBytes: true);

    private readonly ArrayBufferWriter<byte> _buffer = new(64 * 1024);
    private readonly List<string> _open = [];
    private bool _startTagOpen;
    private bool _inAttribute;

    public ReadOnlySpan<byte> Written => _buffer.WrittenSpan;

    /// <summary>Forgets the previous file and writes the XML declaration of the next one.</summary>
    public void StartDocument()
    {
        if (_open.Count > 0) throw new InvalidOperationException("The previous file has open elements.");
        _buffer.ResetWrittenCount();
        Raw("<?xml version=\"1.0\" encoding=\"utf-8\"?>"u8);
    }

    /// <summary>An element in the OFD namespace; the first of a file declares the prefix.</summary>
    public void StartElement(string name)
    {
        CloseStartTag();
        Raw("<ofd:"u8);
        Ascii(name);
        if (_open.Count == 0)
        {
            Raw(" xmlns:ofd=\""u8);
            Ascii(OfdPackage.Namespace);
            Raw("\""u8);
        }
        _open.Add(name);
        _startTagOpen = true;
    }

    public void EndElement()
    {
        var name = _open[^1];
        _open.RemoveAt(_open.Count - 1);
        if (_startTagOpen)
        {
            Raw(" />"u8);
            _startTagOpen = false;
            return;
        }
        Raw("</ofd:"u8);
        Ascii(name);
        Raw(">"u8);
    }

    /// <summary>Starts an attribute whose value the next calls (<see cref="Mm"/>, <see cref="Integer"/>, <see cref="Space"/>, <see cref="Text"/>)
    /// write.</summary>
    public void StartAttribute(string name)
    {
        if (!_startTagOpen) throw new InvalidOperationException("Attributes belong in a start tag.");
        Raw(" "u8);
        Ascii(name);
        Raw("=\""u8);
        _inAttribute = true;
    }

    public void EndAttribute()
    {
        Raw("\""u8);
        _inAttribute = false;
    }

    public void Attribute(string name, string value)
    {
        StartAttribute(name);
        Text(value);
        EndAttribute();
    }

    public void Attribute(string name, long value)
    {
        StartAttribute(name);
        Integer(value);
        EndAttribute();
    }

    public void MmAttribute(string name, long micrometres)
    {
        StartAttribute(name);
        Mm(micrometres);
        EndAttribute();
    }

    public void Space() => Raw(" "u8);

    /// <summary>DeltaX's "g N " (GB/T 33190-2016, TextCode): the value after it stands for <paramref name="count"/> equal values.</summary>
    public void Repeat(int count)
    {
        Raw("g "u8);
        Integer(count);
        Space();
    }

    public void Integer(long value)
    {
        CloseStartTag();
        var span = _buffer.GetSpan(20);
        value.TryFormat(span, out var written, default, CultureInfo.InvariantCulture);
        _buffer.Advance(written);
    }

    /// <summary>Micrometres as millimetres, as <see cref="OfdNumber.Mm(long)"/> writes them (no trailing zeros, no point for whole ones).</summary>
    public void Mm(long micrometres)
    {
        CloseStartTag();
        var span = _buffer.GetSpan(24);
        var at = 0;
        if (micrometres < 0) span[at++] = (byte)'-';
        var whole = Math.Abs(micrometres);
        (whole / 1000).TryFormat(span[at..], out var written, default, CultureInfo.InvariantCulture);
        at += written;
        var fraction = (int)(whole % 1000);
        if (fraction != 0)
        {
            span[at++] = (byte)'.';
            span[at++] = (byte)('0' + fraction / 100);
            if (fraction % 100 != 0) span[at++] = (byte)('0' + fraction / 10 % 10);
            if (fraction % 10 != 0) span[at++] = (byte)('0' + fraction % 10);
        }
        _buffer.Advance(at);
    }

    /// <summary>Character data or an attribute's text, escaped as XmlWriter escapes it there.</summary>
    public void Text(string text)
    {
        CloseStartTag();
        // Most calls are one glyph's character: a CJK one, three bytes, written here without a trip through an encoder.
        if (text.Length == 1 && text[0] >= '\u0800' && !char.IsSurrogate(text[0]) && text[0] < '\uFFFE')
        {
            var c = text[0];
            var span = _buffer.GetSpan(3);
            span[0] = (byte)(0xE0 | c >> 12);
            span[1] = (byte)(0x80 | (c >> 6 & 0x3F));
            span[2] = (byte)(0x80 | (c & 0x3F));
            _buffer.Advance(3);
            return;
        }
        var rest = text.AsSpan();
        while (!rest.IsEmpty)
        {
            var special = rest.IndexOfAny(Escaped);
            var plain = special < 0 ? rest : rest[..special];
            if (!plain.IsEmpty) Utf8(plain);
            if (special < 0) return;
            Raw(Escape(rest[special]));
            rest = rest[(special + 1)..];
        }
    }

    private ReadOnlySpan<byte> Escape(char c) => c switch
    {
        '<' => "&lt;"u8,
        '>' => "&gt;"u8,
        '&' => "&amp;"u8,
        '"' => _inAttribute ? "&quot;"u8 : "\""u8,
        '\t' => _inAttribute ? "&#x9;"u8 : "\t"u8,
        '\n' => _inAttribute ? "&#xA;"u8 : "\n"u8,
        _ => _inAttribute ? "&#xD;"u8 : "\r"u8,
    };

    /// <summary>Refuses what XML cannot hold (control characters, a lone surrogate) as XmlWriter did, rather than writing a file no reader parses.</summary>
    private void Utf8(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
            if (c < ' ' && c is not ('\t' or '\n' or '\r') || c is '\uFFFE' or '\uFFFF')
                throw new ArgumentException($"'\\u{(int)c:X4}' is not a character XML can hold.", nameof(text));
        var span = _buffer.GetSpan(Encoding.UTF8.GetMaxByteCount(text.Length));
        _buffer.Advance(Strict.GetBytes(text, span));
    }

    private void Ascii(string text)
    {
        var span = _buffer.GetSpan(text.Length);
        _buffer.Advance(Encoding.ASCII.GetBytes(text, span));
    }

    private void CloseStartTag()
    {
        if (!_startTagOpen || _inAttribute) return;
        Raw(">"u8);
        _startTagOpen = false;
    }

    private void Raw(ReadOnlySpan<byte> bytes)
    {
        bytes.CopyTo(_buffer.GetSpan(bytes.Length));
        _buffer.Advance(bytes.Length);
    }
}
