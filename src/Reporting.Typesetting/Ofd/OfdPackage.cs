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
    /// <summary>The earliest time a zip entry can carry: no clock, no time zone gets into the bytes.</summary>
    private static readonly DateTimeOffset Stamp = new(1980, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static readonly XmlWriterSettings Settings = new()
    {
        Encoding = new UTF8Encoding(false),
        Indent = false,
        CloseOutput = false,
        NewLineHandling = NewLineHandling.None,
    };

    private readonly ZipArchive _zip = new(output, ZipArchiveMode.Create, leaveOpen: true, Encoding.UTF8);

    public const string Namespace = "http://www.ofdspec.org/2016";

    public void WriteXml(string path, Action<XmlWriter> body)
    {
        using var stream = Open(path, CompressionLevel.Fastest);
        using var xml = XmlWriter.Create(stream, Settings);
        xml.WriteStartDocument();
        body(xml);
        xml.WriteEndDocument();
    }

    public void WriteBytes(string path, ReadOnlySpan<byte> bytes, CompressionLevel level)
    {
        using var stream = Open(path, level);
        stream.Write(bytes);
    }

    private Stream Open(string path, CompressionLevel level)
    {
        var entry = _zip.CreateEntry(path, level);
        entry.LastWriteTime = Stamp;
        return entry.Open();
    }

    public void Dispose() => _zip.Dispose();
}
