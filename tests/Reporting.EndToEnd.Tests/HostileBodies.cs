using System.IO.Compression;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Reporting.EndToEnd.Tests;

/// <summary>
/// Hostile request bodies, generated rather than committed: zip bombs, bodies of hundreds of thousands of parts,
/// truncated multipart. Large bodies are written as they are sent, so the test client's memory stays small.
/// </summary>
public static class HostileBodies
{
    public const string WordNamespace = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
    public const string Boundary = "hostile-boundary";

    private static readonly Lazy<byte[]> LazyBomb = new(() => ZipBomb(1L << 30));

    /// <summary>A .docx of a few MB whose word/document.xml inflates to 1 GB of repeated &lt;w:p/&gt; (sizes declared honestly).</summary>
    public static byte[] GigabyteBomb => LazyBomb.Value;

    /// <summary>The same bomb with its declared uncompressed size rewritten to 10 kB in both headers, as a forged archive would.</summary>
    public static byte[] LyingBomb()
    {
        var bytes = (byte[])GigabyteBomb.Clone();
        void Put(int at, uint value) => BitConverter.TryWriteBytes(bytes.AsSpan(at, 4), value);
        Put(22, 10_000); // local file header: uncompressed size
        for (var i = bytes.Length - 46; i >= 0; i--)
            if (bytes[i] == 0x50 && bytes[i + 1] == 0x4b && bytes[i + 2] == 1 && bytes[i + 3] == 2) { Put(i + 24, 10_000); break; }
        return bytes;
    }

    /// <summary>A minimal package whose word/document.xml holds <paramref name="expandedBytes"/> of repeated markup.</summary>
    public static byte[] ZipBomb(long expandedBytes, string repeated = "<w:p/>")
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var part = zip.CreateEntry("word/document.xml", CompressionLevel.Optimal).Open();
            part.Write(Encoding.UTF8.GetBytes($"<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:document xmlns:w=\"{WordNamespace}\"><w:body>"));
            var chunk = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat(repeated, 65_536 / repeated.Length)));
            for (long written = 0; written < expandedBytes; written += chunk.Length) part.Write(chunk);
            part.Write(Encoding.UTF8.GetBytes("</w:body></w:document>"));
        }
        return buffer.ToArray();
    }

    /// <summary>A real .docx written by the Open XML SDK, one paragraph per line, each line split into two runs.</summary>
    public static byte[] Docx(params string[] paragraphs)
    {
        using var buffer = new MemoryStream();
        using (var document = WordprocessingDocument.Create(buffer, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            main.Document = new Document(new Body(paragraphs.Select(p => new Paragraph(
                new Run(new Text(p[..(p.Length / 2)]) { Space = SpaceProcessingModeValues.Preserve }),
                new Run(new Text(p[(p.Length / 2)..]) { Space = SpaceProcessingModeValues.Preserve })))));
        }
        return buffer.ToArray();
    }

    /// <summary>Multipart form fields of the hostile report (2013, kgj, duty) followed by a file part.</summary>
    public static MultipartFormDataContent DraftWithFile(byte[] file, string fileName)
    {
        var form = new MultipartFormDataContent
        {
            { new StringContent("2013"), "year" },
            { new StringContent("kgj"), "department" },
            { new StringContent("duty"), "section" },
            { new StringContent("王五"), "author" },
        };
        form.Add(new ByteArrayContent(file), "file", fileName);
        return form;
    }

    /// <summary>
    /// A multipart body of <paramref name="parts"/> fields of <paramref name="valueBytes"/> each, generated while it
    /// is sent in 64 kB writes; with <paramref name="declareLength"/> false it goes chunked, so only reading it can
    /// tell its size.
    /// </summary>
    public static RawBody ManyParts(int parts, int valueBytes, bool declareLength, bool files = false)
    {
        byte[] Head(int i) => Encoding.ASCII.GetBytes(
            $"--{Boundary}\r\nContent-Disposition: form-data; name=\"f{i}\"{(files ? $"; filename=\"f{i}.txt\"" : "")}\r\n\r\n");
        var end = Encoding.ASCII.GetBytes($"--{Boundary}--\r\n");
        long length = end.Length;
        for (var i = 0; i < parts; i++) length += Head(i).Length + valueBytes + 2;
        return new RawBody($"multipart/form-data; boundary={Boundary}", declareLength ? length : null, async stream =>
        {
            var buffer = new MemoryStream();
            var value = new byte[Math.Min(valueBytes, 65_536)];
            value.AsSpan().Fill((byte)'x');
            async Task Flush(bool always)
            {
                if (!always && buffer.Length < 65_536) return;
                await stream.WriteAsync(buffer.GetBuffer().AsMemory(0, (int)buffer.Length));
                buffer.SetLength(0);
            }
            for (var i = 0; i < parts; i++)
            {
                buffer.Write(Head(i));
                for (var left = valueBytes; left > 0; left -= value.Length)
                {
                    buffer.Write(value, 0, Math.Min(left, value.Length));
                    await Flush(false);
                }
                buffer.Write("\r\n"u8);
                await Flush(false);
            }
            buffer.Write(end);
            await Flush(true);
        });
    }

    /// <summary>Raw multipart text, for bodies no well-behaved client would write.</summary>
    public static HttpContent RawMultipart(string text)
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(text));
        content.Headers.TryAddWithoutValidation("Content-Type", $"multipart/form-data; boundary={Boundary}");
        return content;
    }

    public static string Field(string name, string value) => $"--{Boundary}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n";

    /// <summary>The hostile report's fields as a well-formed multipart prefix.</summary>
    public static string DraftFields => Field("year", "2013") + Field("department", "kgj") + Field("section", "duty") + Field("author", "王五");
}
