using System.Text;
using System.Xml;

namespace Reporting.Typesetting.Docx;

/// <summary>One part of the package written as UTF-8 XML (no BOM, standalone), the WordprocessingML namespace as w.</summary>
internal static class DocxXml
{
    public const string W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
    public const string R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

    private static readonly XmlWriterSettings Settings = new() { Encoding = new UTF8Encoding(false), Indent = false };

    public static byte[] Write(Action<XmlWriter> content)
    {
        using var buffer = new MemoryStream();
        using (var writer = XmlWriter.Create(buffer, Settings))
        {
            writer.WriteStartDocument(standalone: true);
            content(writer);
            writer.WriteEndDocument();
        }
        return buffer.ToArray();
    }

    /// <summary>&lt;w:name w:val="value"/&gt;</summary>
    public static void Val(this XmlWriter writer, string name, string value)
    {
        writer.WriteStartElement("w", name, W);
        writer.WriteAttributeString("w", "val", W, value);
        writer.WriteEndElement();
    }

    /// <summary>An element of w attributes only: &lt;w:name w:a="1" w:b="2"/&gt;.</summary>
    public static void Empty(this XmlWriter writer, string name, params (string Name, string Value)[] attributes)
    {
        writer.WriteStartElement("w", name, W);
        foreach (var (attribute, value) in attributes) writer.WriteAttributeString("w", attribute, W, value);
        writer.WriteEndElement();
    }

    /// <summary>Run fonts: the CJK face for East Asian text, the Latin face for letters and digits.</summary>
    public static void Fonts(this XmlWriter writer, DocxFace face) =>
        writer.Empty("rFonts", ("ascii", DocxFaces.Latin), ("hAnsi", DocxFaces.Latin), ("eastAsia", face.Name), ("cs", DocxFaces.Latin));

    /// <summary>Font size in half points, for Latin and complex scripts alike.</summary>
    public static void Size(this XmlWriter writer, double points)
    {
        var halfPoints = ((int)Math.Round(points * 2)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        writer.Val("sz", halfPoints);
        writer.Val("szCs", halfPoints);
    }
}
