using System.Globalization;
using System.IO.Compression;
using System.Xml;
using Reporting.Core.Documents;
using Reporting.Typesetting.Ofd;
using static Reporting.Typesetting.Docx.DocxXml;

namespace Reporting.Typesetting.Docx;

/// <summary>
/// An editable copy of a report as a Word document (.docx, ECMA-376), for those who go on in WPS or Word: the text
/// with GB/T 9704's styles, never the official record (no seal, no signature; the header says so when the caller
/// gives it a note). The package holds only the parts such a document needs (document, styles, font table, settings,
/// one header, odd and even footers, core properties), written by hand like the OFD's zip: the same document and
/// options give the same bytes.
/// </summary>
public static class DocxPackage
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    internal const string HeaderRelationship = "rIdHeader";
    internal const string OddFooterRelationship = "rIdFooterOdd";
    internal const string EvenFooterRelationship = "rIdFooterEven";

    private const string Relationships = "http://schemas.openxmlformats.org/package/2006/relationships";
    private const string OfficeRelationship = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/";
    private const string WordMain = "application/vnd.openxmlformats-officedocument.wordprocessingml.";
    private static readonly ZLibCompressionOptions Deflate = new() { CompressionLevel = 6 };

    public static byte[] Write(ReportDocument document, DocxOptions options)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(options);
        var hasHeader = !string.IsNullOrWhiteSpace(options.HeaderNote);
        using var output = new MemoryStream();
        using (var zip = new ZipWriter(output))
        {
            zip.Add("[Content_Types].xml", ContentTypes(hasHeader), Deflate);
            zip.Add("_rels/.rels", PackageRelationships(), Deflate);
            zip.Add("docProps/core.xml", CoreProperties(document.Info, options.HeaderNote), Deflate);
            zip.Add("word/document.xml", DocxDocumentPart.Write(document, options, hasHeader), Deflate);
            zip.Add("word/_rels/document.xml.rels", DocumentRelationships(hasHeader), Deflate);
            zip.Add("word/styles.xml", DocxStyles.Styles(), Deflate);
            zip.Add("word/fontTable.xml", DocxStyles.FontTable(), Deflate);
            zip.Add("word/settings.xml", Settings(), Deflate);
            if (hasHeader) zip.Add("word/header1.xml", Header(options.HeaderNote!), Deflate);
            zip.Add("word/footer1.xml", Footer(odd: true), Deflate);
            zip.Add("word/footer2.xml", Footer(odd: false), Deflate);
        }
        return output.ToArray();
    }

    private static byte[] ContentTypes(bool hasHeader) => DocxXml.Write(w =>
    {
        const string ns = "http://schemas.openxmlformats.org/package/2006/content-types";
        w.WriteStartElement("Types", ns);
        Default(w, ns, "rels", "application/vnd.openxmlformats-package.relationships+xml");
        Default(w, ns, "xml", "application/xml");
        Override(w, ns, "/word/document.xml", WordMain + "document.main+xml");
        Override(w, ns, "/word/styles.xml", WordMain + "styles+xml");
        Override(w, ns, "/word/fontTable.xml", WordMain + "fontTable+xml");
        Override(w, ns, "/word/settings.xml", WordMain + "settings+xml");
        if (hasHeader) Override(w, ns, "/word/header1.xml", WordMain + "header+xml");
        Override(w, ns, "/word/footer1.xml", WordMain + "footer+xml");
        Override(w, ns, "/word/footer2.xml", WordMain + "footer+xml");
        Override(w, ns, "/docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml");
        w.WriteEndElement();
    });

    private static void Default(XmlWriter w, string ns, string extension, string type)
    {
        w.WriteStartElement("Default", ns);
        w.WriteAttributeString("Extension", extension);
        w.WriteAttributeString("ContentType", type);
        w.WriteEndElement();
    }

    private static void Override(XmlWriter w, string ns, string part, string type)
    {
        w.WriteStartElement("Override", ns);
        w.WriteAttributeString("PartName", part);
        w.WriteAttributeString("ContentType", type);
        w.WriteEndElement();
    }

    private static byte[] PackageRelationships() => DocxXml.Write(w =>
    {
        w.WriteStartElement("Relationships", Relationships);
        Relationship(w, "rIdDocument", OfficeRelationship + "officeDocument", "word/document.xml");
        Relationship(w, "rIdCore", "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties", "docProps/core.xml");
        w.WriteEndElement();
    });

    private static byte[] DocumentRelationships(bool hasHeader) => DocxXml.Write(w =>
    {
        w.WriteStartElement("Relationships", Relationships);
        Relationship(w, "rIdStyles", OfficeRelationship + "styles", "styles.xml");
        Relationship(w, "rIdFontTable", OfficeRelationship + "fontTable", "fontTable.xml");
        Relationship(w, "rIdSettings", OfficeRelationship + "settings", "settings.xml");
        if (hasHeader) Relationship(w, HeaderRelationship, OfficeRelationship + "header", "header1.xml");
        Relationship(w, OddFooterRelationship, OfficeRelationship + "footer", "footer1.xml");
        Relationship(w, EvenFooterRelationship, OfficeRelationship + "footer", "footer2.xml");
        w.WriteEndElement();
    });

    private static void Relationship(XmlWriter w, string id, string type, string target)
    {
        w.WriteStartElement("Relationship", Relationships);
        w.WriteAttributeString("Id", id);
        w.WriteAttributeString("Type", type);
        w.WriteAttributeString("Target", target);
        w.WriteEndElement();
    }

    private static byte[] CoreProperties(DocumentInfo info, string? note) => DocxXml.Write(w =>
    {
        const string cp = "http://schemas.openxmlformats.org/package/2006/metadata/core-properties";
        const string dc = "http://purl.org/dc/elements/1.1/";
        const string terms = "http://purl.org/dc/terms/";
        const string xsi = "http://www.w3.org/2001/XMLSchema-instance";
        w.WriteStartElement("cp", "coreProperties", cp);
        w.WriteAttributeString("xmlns", "dc", null, dc);
        w.WriteAttributeString("xmlns", "dcterms", null, terms);
        w.WriteAttributeString("xmlns", "xsi", null, xsi);
        w.WriteElementString("dc", "title", dc, info.Title);
        w.WriteElementString("dc", "subject", dc, info.Subject);
        w.WriteElementString("dc", "creator", dc, info.Author);
        if (note is not null) w.WriteElementString("dc", "description", dc, note);
        w.WriteElementString("dc", "language", dc, info.Language);
        w.WriteStartElement("dcterms", "created", terms);
        w.WriteAttributeString("xsi", "type", xsi, "dcterms:W3CDTF");
        w.WriteString(info.CreatedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
        w.WriteEndElement();
        w.WriteEndElement();
    });

    /// <summary>Margins mirrored (订口 inside on both sides of the sheet), odd and even pages with their own footers.</summary>
    private static byte[] Settings() => DocxXml.Write(w =>
    {
        w.WriteStartElement("w", "settings", W);
        w.Empty("mirrorMargins");
        w.Val("defaultTabStop", "640");
        w.Empty("evenAndOddHeaders");
        w.Val("characterSpacingControl", "compressPunctuation");
        w.WriteEndElement();
    });

    private static byte[] Header(string note) => DocxXml.Write(w =>
    {
        w.WriteStartElement("w", "hdr", W);
        w.WriteStartElement("w", "p", W);
        w.WriteStartElement("w", "pPr", W);
        w.Val("pStyle", DocxStyles.HeaderStyle);
        w.WriteEndElement();
        Text(w, note);
        w.WriteEndElement();
        w.WriteEndElement();
    });

    /// <summary>[7.5] — 1 —: odd pages on the right one character in, even pages on the left one character in.</summary>
    private static byte[] Footer(bool odd) => DocxXml.Write(w =>
    {
        w.WriteStartElement("w", "ftr", W);
        w.WriteStartElement("w", "p", W);
        w.WriteStartElement("w", "pPr", W);
        w.Val("pStyle", DocxStyles.FooterStyle);
        var oneCharacter = ((int)(DocxStyles.FolioSize * 20)).ToString(CultureInfo.InvariantCulture);
        w.Empty("ind", (odd ? "right" : "left", oneCharacter), ("firstLine", "0"));
        w.Val("jc", odd ? "right" : "left");
        w.WriteEndElement();
        Text(w, "\u2014 ");
        w.WriteStartElement("w", "fldSimple", W);
        w.WriteAttributeString("w", "instr", W, " PAGE ");
        Text(w, "1");
        w.WriteEndElement();
        Text(w, " \u2014");
        w.WriteEndElement();
        w.WriteEndElement();
    });

    private static void Text(XmlWriter w, string text)
    {
        w.WriteStartElement("w", "r", W);
        w.WriteStartElement("w", "t", W);
        w.WriteAttributeString("xml", "space", null, "preserve");
        w.WriteString(text);
        w.WriteEndElement();
        w.WriteEndElement();
    }
}
