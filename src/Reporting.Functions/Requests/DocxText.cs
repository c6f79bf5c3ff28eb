using System.IO.Compression;
using System.Text;
using System.Xml;
using Reporting.Core.Drafts;
using Reporting.Core.Errors;
using Reporting.Functions.Wording;

namespace Reporting.Functions.Requests;

/// <summary>
/// Takes the paragraphs' text out of a .docx without trusting the archive: a bounded number of entries, the
/// document part's expanded size and compression ratio checked while it is inflated (its declared size can lie),
/// the XML read as a stream with DTDs refused, and the text capped at what a draft may hold. A zip bomb is refused
/// after a few megabytes of inflating, not after gigabytes.
/// </summary>
public static class DocxText
{
    /// <summary>A Word document has a few dozen parts; images and embedded objects add some.</summary>
    public const int MaxEntries = 1_000;

    /// <summary>Largest document part (word/document.xml) once inflated: a 200,000-character draft with heavy formatting is about 5 MB.</summary>
    public const long MaxDocumentPartBytes = 20 * 1024 * 1024;

    /// <summary>Real WordprocessingML deflates about 5–30×; zeros or a repeated run of markup, about 1,000×.</summary>
    public const int MaxCompressionRatio = 100;

    /// <summary>Below this, a high ratio is harmless (a short document of repeated markup).</summary>
    private const long RatioFloorBytes = 1024 * 1024;

    /// <summary>Largest package relationships part read to find the document part.</summary>
    private const long MaxRelationshipsBytes = 1024 * 1024;

    private const string OfficeDocumentRelationship = "/officeDocument";
    private static readonly string[] WordNamespaces =
    [
        "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
        "http://purl.oclc.org/ooxml/wordprocessingml/main",
    ];

    public static string Read(byte[] content)
    {
        try
        {
            using var archive = new ZipArchive(new MemoryStream(content, writable: false), ZipArchiveMode.Read);
            if (archive.Entries.Count > MaxEntries)
                throw Invalid(EdgeRefusalCode.DocxTooManyParts, archive.Entries.Count, MaxEntries);
            var document = archive.GetEntry(DocumentPartName(archive)) ?? throw Invalid(EdgeRefusalCode.DocxNoBody);
            return ReadParagraphs(document);
        }
        catch (Exception e) when (e is InvalidDataException or XmlException or IOException or NotSupportedException)
        {
            throw Invalid(EdgeRefusalCode.DocxUnreadable);
        }
    }

    /// <summary>The main document part named by the package relationships (word/document.xml in every Word file seen).</summary>
    private static string DocumentPartName(ZipArchive archive)
    {
        if (archive.GetEntry("_rels/.rels") is not { } rels) return "word/document.xml";
        using var reader = XmlReader.Create(Inflate(rels, MaxRelationshipsBytes), Settings());
        while (reader.Read())
        {
            if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "Relationship"
                && reader.GetAttribute("Type") is { } type && type.EndsWith(OfficeDocumentRelationship, StringComparison.Ordinal)
                && reader.GetAttribute("Target") is { Length: > 0 } target)
                return target.TrimStart('/');
        }
        return "word/document.xml";
    }

    private static string ReadParagraphs(ZipArchiveEntry document)
    {
        // The declared size refuses an honest bomb before inflating a byte; the counting stream refuses one that lies.
        if (document.Length > InflateLimit(document, MaxDocumentPartBytes)) throw Bomb();
        using var reader = XmlReader.Create(Inflate(document, MaxDocumentPartBytes), Settings());
        var text = new StringBuilder();
        var chunk = new char[4096];
        var depthInText = -1;
        while (reader.Read())
        {
            var word = Array.IndexOf(WordNamespaces, reader.NamespaceURI) >= 0;
            if (reader.NodeType == XmlNodeType.Element && word && reader.LocalName == "t" && !reader.IsEmptyElement)
                depthInText = reader.Depth;
            else if (reader.NodeType == XmlNodeType.EndElement && word && reader.LocalName == "t")
                depthInText = -1;
            else if (reader.NodeType == XmlNodeType.EndElement && word && reader.LocalName == "p")
                text.Append('\n');
            else if (depthInText >= 0
                && reader.NodeType is XmlNodeType.Text or XmlNodeType.SignificantWhitespace or XmlNodeType.Whitespace or XmlNodeType.CDATA)
            {
                int read;
                while ((read = reader.ReadValueChunk(chunk, 0, chunk.Length)) > 0) text.Append(chunk, 0, read);
            }
            // Every character beyond the draft's own limit is refused anyway; stop before holding millions of them.
            if (text.Length > DraftBody.MaxCharacters * 2)
                throw new ReportingException(ProblemKind.PayloadTooLarge, Refusal.Of(EdgeRefusalCode.DocxTextTooLong, DraftBody.MaxCharacters));
        }
        if (text.Length > 0 && text[^1] == '\n') text.Length--;
        return text.ToString();
    }

    private static Stream Inflate(ZipArchiveEntry entry, long limit) => new LimitedReadStream(entry.Open(), InflateLimit(entry, limit), Bomb);

    private static long InflateLimit(ZipArchiveEntry entry, long limit) =>
        Math.Min(limit, Math.Max(RatioFloorBytes, entry.CompressedLength * MaxCompressionRatio));

    private static XmlReaderSettings Settings() => new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        CloseInput = true,
    };

    private static ReportingException Bomb() =>
        new(ProblemKind.PayloadTooLarge, Refusal.Of(EdgeRefusalCode.DocxInflatesTooFar, MaxDocumentPartBytes / 1024 / 1024, MaxCompressionRatio));

    private static ReportingException Invalid(string code, params object?[] args) => ReportingException.Invalid("file", code, args);
}
