using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Xml;
using Reporting.Core.Documents;

namespace Reporting.Typesetting.Ofd;

/// <summary>
/// The files around the pages, element by element in the order of the standard's schemas (GB/T 33190-2016
/// Appendix A): OFD.xml (OFD.xsd: DocBody → DocInfo, DocRoot), PublicRes.xml (Res.xsd: Fonts → Font → FontFile) and
/// DocumentRes.xml (Res.xsd: MultiMedias → MultiMedia → MediaFile), the embedded font subsets, and Document.xml (Document.xsd: CommonData → MaxUnitID,
/// PageArea,
/// PublicRes, DocumentRes; Pages; Outlines).
/// </summary>
internal static class OfdDocumentFiles
{
    private const string Ns = OfdPackage.Namespace;
    public const string ResourceFolder = "Res";

    public static void WriteRoot(OfdPackage package, DocumentInfo info, string documentFolder) =>
        package.WriteXml("OFD.xml", xml =>
        {
            xml.WriteStartElement("ofd", "OFD", Ns);
            xml.WriteAttributeString("Version", "1.0");
            xml.WriteAttributeString("DocType", "OFD");
            xml.WriteStartElement("ofd", "DocBody", Ns);
            xml.WriteStartElement("ofd", "DocInfo", Ns);
            xml.WriteElementString("ofd", "DocID", Ns, DocumentId(info));
            xml.WriteElementString("ofd", "Title", Ns, info.Title);
            xml.WriteElementString("ofd", "Author", Ns, info.Author);
            xml.WriteElementString("ofd", "Subject", Ns, info.Subject);
            xml.WriteElementString("ofd", "CreationDate", Ns, info.CreatedAt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            xml.WriteElementString("ofd", "Creator", Ns, "Reporting.Typesetting (GB/T 9704-2012)");
            xml.WriteEndElement();
            xml.WriteElementString("ofd", "DocRoot", Ns, $"{documentFolder}/Document.xml");
            xml.WriteEndElement();
            xml.WriteEndElement();
        });

    /// <summary>The font subsets under Res/, PublicRes.xml naming them, and DocumentRes.xml naming the images (written under Res/ already).</summary>
    public static void WriteResources(OfdPackage package, string documentFolder, IReadOnlyList<OfdFont> fonts,
        IReadOnlyList<(int Id, string File)> images)
    {
        foreach (var font in fonts)
            package.WriteBytes($"{documentFolder}/{ResourceFolder}/{FontFile(font)}", TrueTypeSubset.Build(font.Face, font.CodePoints),
                OfdContent.Font);
        package.WriteXml($"{documentFolder}/PublicRes.xml", xml =>
        {
            xml.WriteStartElement("ofd", "Res", Ns);
            xml.WriteAttributeString("BaseLoc", ResourceFolder);
            if (fonts.Count > 0)
            {
                xml.WriteStartElement("ofd", "Fonts", Ns);
                foreach (var font in fonts)
                {
                    var (name, family) = FontNames.Of(font.Face);
                    xml.WriteStartElement("ofd", "Font", Ns);
                    xml.WriteAttributeString("ID", Id(font.Id));
                    xml.WriteAttributeString("FontName", name);
                    xml.WriteAttributeString("FamilyName", family);
                    xml.WriteElementString("ofd", "FontFile", Ns, FontFile(font));
                    xml.WriteEndElement();
                }
                xml.WriteEndElement();
            }
            xml.WriteEndElement();
        });
        package.WriteXml($"{documentFolder}/DocumentRes.xml", xml =>
        {
            xml.WriteStartElement("ofd", "Res", Ns);
            xml.WriteAttributeString("BaseLoc", ResourceFolder);
            if (images.Count > 0)
            {
                xml.WriteStartElement("ofd", "MultiMedias", Ns);
                foreach (var (id, file) in images)
                {
                    xml.WriteStartElement("ofd", "MultiMedia", Ns);
                    xml.WriteAttributeString("ID", Id(id));
                    xml.WriteAttributeString("Type", "Image");
                    xml.WriteAttributeString("Format", "PNG");
                    xml.WriteElementString("ofd", "MediaFile", Ns, file);
                    xml.WriteEndElement();
                }
                xml.WriteEndElement();
            }
            xml.WriteEndElement();
        });
    }

    public static void WriteDocument(OfdPackage package, string documentFolder, IReadOnlyList<(int Id, string Location)> pages,
        IReadOnlyList<OfdBookmark> bookmarks, bool expandOutline, OfdIds ids) =>
        package.WriteXml($"{documentFolder}/Document.xml", xml =>
        {
            xml.WriteStartElement("ofd", "Document", Ns);
            xml.WriteStartElement("ofd", "CommonData", Ns);
            xml.WriteElementString("ofd", "MaxUnitID", Ns, Id(ids.Last));
            xml.WriteStartElement("ofd", "PageArea", Ns);
            xml.WriteElementString("ofd", "PhysicalBox", Ns, "0 0 210 297");
            xml.WriteEndElement();
            xml.WriteElementString("ofd", "PublicRes", Ns, "PublicRes.xml");
            xml.WriteElementString("ofd", "DocumentRes", Ns, "DocumentRes.xml");
            xml.WriteEndElement();
            xml.WriteStartElement("ofd", "Pages", Ns);
            foreach (var (id, location) in pages)
            {
                xml.WriteStartElement("ofd", "Page", Ns);
                xml.WriteAttributeString("ID", Id(id));
                xml.WriteAttributeString("BaseLoc", location);
                xml.WriteEndElement();
            }
            xml.WriteEndElement();
            if (bookmarks.Count > 0) Outlines(xml, bookmarks, expandOutline);
            xml.WriteEndElement();
        });

    /// <summary>A level-0 entry (the title, or a department in a volume) holds the level-1 entries (一、 headings) after it.</summary>
    private static void Outlines(XmlWriter xml, IReadOnlyList<OfdBookmark> bookmarks, bool expand)
    {
        xml.WriteStartElement("ofd", "Outlines", Ns);
        var open = false;
        foreach (var bookmark in bookmarks)
        {
            var child = bookmark.Level > 0 && open;
            if (!child && open) { xml.WriteEndElement(); open = false; }
            xml.WriteStartElement("ofd", "OutlineElem", Ns);
            xml.WriteAttributeString("Title", bookmark.Title);
            if (!child) xml.WriteAttributeString("Expanded", expand ? "true" : "false");
            xml.WriteStartElement("ofd", "Actions", Ns);
            xml.WriteStartElement("ofd", "Action", Ns);
            xml.WriteAttributeString("Event", "CLICK");
            xml.WriteStartElement("ofd", "Goto", Ns);
            xml.WriteStartElement("ofd", "Dest", Ns);
            xml.WriteAttributeString("Type", "XYZ");
            xml.WriteAttributeString("PageID", Id(bookmark.PageId));
            xml.WriteAttributeString("Left", OfdNumber.Mm(bookmark.Left));
            xml.WriteAttributeString("Top", OfdNumber.Mm(bookmark.Top));
            xml.WriteEndElement();
            xml.WriteEndElement();
            xml.WriteEndElement();
            xml.WriteEndElement();
            if (child) xml.WriteEndElement();
            else open = true;
        }
        if (open) xml.WriteEndElement();
        xml.WriteEndElement();
    }

    private static string FontFile(OfdFont font) => $"font_{font.Id}.ttf";

    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);

    /// <summary>A stable identifier of the document (32 hex digits): the same report gives the same id, and the same bytes.</summary>
    private static string DocumentId(DocumentInfo info) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(
            $"{info.Title}\n{info.Author}\n{info.Subject}\n{info.CreatedAt.ToString("O", CultureInfo.InvariantCulture)}")))[..32];
}
