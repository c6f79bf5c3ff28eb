using System.IO.Compression;
using System.Text;
using System.Xml;

namespace Reporting.Typesetting.Ofd;

/// <summary>
/// The OFD container: a zip whose entries are written one after another straight into the output, in the order the
/// writer makes them, each stamped with one fixed time, so the same document gives the same bytes and a page's
/// XML leaves memory as soon as it is written.
/// </summary>
internal sealed class OfdPackage(Stream output) : IDisposable
{
    private static readonly XmlWriterSettings Settings = new()
    {
        Encoding = new UTF8Encoding(false),
        Indent = false,
        CloseOutput = false,
        NewLineHandling = NewLineHandling.None,
    };

    private static readonly ZLibCompressionOptions Markup = new() { CompressionLevel = 1 };
    private static readonly ZLibCompressionOptions Font = new() { CompressionLevel = 1, CompressionStrategy = ZLibCompressionStrategy.HuffmanOnly };

    private readonly ZipWriter _zip = new(output);
    private readonly MemoryStream _xml = new();

    public const string Namespace = "http://www.ofdspec.org/2016";

    public void WriteXml(string path, Action<XmlWriter> body)
    {
        _xml.SetLength(0);
        using (var xml = XmlWriter.Create(_xml, Settings))
        {
            xml.WriteStartDocument();
            body(xml);
            xml.WriteEndDocument();
        }
        WriteBytes(path, _xml.GetBuffer().AsSpan(0, (int)_xml.Length), OfdContent.Markup);
    }

    public void WriteBytes(string path, ReadOnlySpan<byte> bytes, OfdContent content) => _zip.Add(path, bytes, content switch
    {
        OfdContent.Markup => Markup,
        OfdContent.Font => Font,
        _ => null,
    });

    public void Dispose()
    {
        _zip.Dispose();
        _xml.Dispose();
    }
}
