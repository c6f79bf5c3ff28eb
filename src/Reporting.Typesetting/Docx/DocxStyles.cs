using System.Xml;
using static Reporting.Typesetting.Docx.DocxXml;

namespace Reporting.Typesetting.Docx;

/// <summary>
/// The styles and the font table of an editable copy: GB/T 9704's faces and sizes (title 2号 小标宋, body 3号 仿宋,
/// 一、 headings 3号 黑体, page numbers 4号 宋体) on its grid of 22 lines, so whoever goes on in Word or WPS starts
/// from the layout the PDF has rather than from a blank template. Named styles (公文标题, 主送机关, 署名日期) let a
/// user restyle all of one kind at once; the headings are Word's own "heading 1" so the navigation pane lists them.
/// </summary>
internal static class DocxStyles
{
    /// <summary>3号, the body size [GB/T 9704 7.3.3], in points.</summary>
    public const double BodySize = 16;

    /// <summary>2号, the title size [7.3.1].</summary>
    public const double TitleSize = 22;

    /// <summary>4号, the page number size [7.5].</summary>
    public const double FolioSize = 14;

    /// <summary>One line of the 22-line grid: 225 mm / 22 in twentieths of a point.</summary>
    public const int LinePitchTwips = 580;

    /// <summary>Two body characters, the first-line indent, in twentieths of a point.</summary>
    public const int IndentTwips = (int)(2 * BodySize * 20);

    public const string TitleStyle = "GbtTitle";
    public const string RecipientStyle = "GbtRecipient";
    public const string HeadingStyle = "Heading1";
    public const string SignatureStyle = "GbtSignature";
    public const string HeaderStyle = "Header";
    public const string FooterStyle = "Footer";

    public static byte[] Styles() => Write(w =>
    {
        w.WriteStartElement("w", "styles", W);
        w.WriteStartElement("w", "docDefaults", W);
        w.WriteStartElement("w", "rPrDefault", W);
        w.WriteStartElement("w", "rPr", W);
        w.Fonts(DocxFaces.Body);
        w.Size(BodySize);
        w.Empty("lang", ("val", "en-US"), ("eastAsia", "zh-CN"));
        w.WriteEndElement();
        w.WriteEndElement();
        w.WriteStartElement("w", "pPrDefault", W);
        w.WriteStartElement("w", "pPr", W);
        w.Empty("spacing", ("line", LinePitchTwips.ToString()), ("lineRule", "exact"));
        w.WriteEndElement();
        w.WriteEndElement();
        w.WriteEndElement();

        Paragraph(w, "Normal", "Normal", isDefault: true, basedOn: null, p =>
        {
            p.Empty("ind", ("firstLine", IndentTwips.ToString()));
            p.Val("jc", "both");
        }, null);
        Paragraph(w, TitleStyle, "公文标题", isDefault: false, basedOn: "Normal", p =>
        {
            p.Empty("spacing", ("after", LinePitchTwips.ToString()), ("line", LinePitchTwips.ToString()), ("lineRule", "exact"));
            p.Empty("ind", ("firstLine", "0"));
            p.Val("jc", "center");
        }, r =>
        {
            r.Fonts(DocxFaces.Title);
            r.Size(TitleSize);
        });
        Paragraph(w, RecipientStyle, "主送机关", isDefault: false, basedOn: "Normal", p => p.Empty("ind", ("firstLine", "0")), null);
        Paragraph(w, HeadingStyle, "heading 1", isDefault: false, basedOn: "Normal", p =>
        {
            p.Empty("keepNext");
            p.Val("outlineLvl", "0");
        }, r => r.Fonts(DocxFaces.Heading));
        Paragraph(w, SignatureStyle, "署名日期", isDefault: false, basedOn: "Normal", p =>
        {
            p.Empty("keepNext");
            p.Empty("ind", ("firstLine", "0"));
            p.Val("jc", "left");
        }, null);
        Paragraph(w, HeaderStyle, "header", isDefault: false, basedOn: "Normal", p =>
        {
            p.Empty("spacing", ("line", "240"), ("lineRule", "auto"));
            p.Empty("ind", ("firstLine", "0"));
            p.Val("jc", "center");
        }, r => r.Size(10.5));
        Paragraph(w, FooterStyle, "footer", isDefault: false, basedOn: "Normal", p =>
        {
            p.Empty("spacing", ("line", "240"), ("lineRule", "auto"));
            p.Empty("ind", ("firstLine", "0"));
        }, r =>
        {
            r.Fonts(DocxFaces.Folio);
            r.Size(FolioSize);
        });
        w.WriteEndElement();
    });

    /// <summary>Each face named with its Fandol alternate (w:altName), the character set GB2312 (w:charset 86).</summary>
    public static byte[] FontTable() => Write(w =>
    {
        w.WriteStartElement("w", "fonts", W);
        foreach (var face in DocxFaces.All.DistinctBy(f => f.Name))
        {
            w.WriteStartElement("w", "font", W);
            w.WriteAttributeString("w", "name", W, face.Name);
            w.Val("altName", face.Fallback);
            w.Val("charset", "86");
            w.Val("family", "auto");
            w.Val("pitch", "variable");
            w.WriteEndElement();
        }
        w.WriteStartElement("w", "font", W);
        w.WriteAttributeString("w", "name", W, DocxFaces.Latin);
        w.Val("charset", "00");
        w.Val("family", "roman");
        w.Val("pitch", "variable");
        w.WriteEndElement();
        w.WriteEndElement();
    });

    private static void Paragraph(XmlWriter w, string id, string name, bool isDefault, string? basedOn, Action<XmlWriter> paragraph,
        Action<XmlWriter>? run)
    {
        w.WriteStartElement("w", "style", W);
        w.WriteAttributeString("w", "type", W, "paragraph");
        if (isDefault) w.WriteAttributeString("w", "default", W, "1");
        w.WriteAttributeString("w", "styleId", W, id);
        w.Val("name", name);
        if (basedOn is not null) w.Val("basedOn", basedOn);
        w.Empty("qFormat");
        w.WriteStartElement("w", "pPr", W);
        paragraph(w);
        w.WriteEndElement();
        if (run is not null)
        {
            w.WriteStartElement("w", "rPr", W);
            run(w);
            w.WriteEndElement();
        }
        w.WriteEndElement();
    }
}
