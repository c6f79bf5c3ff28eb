using System.Globalization;
using System.Xml;
using Reporting.Core.Documents;
using Reporting.Typesetting.Layout;
using static Reporting.Typesetting.Docx.DocxXml;

namespace Reporting.Typesetting.Docx;

/// <summary>
/// word/document.xml of an editable copy: the title, 主送 line, headings and paragraphs (a （一） paragraph's run-in
/// heading in 楷体 as in the PDF), the unsealed signature block [GB/T 9704 7.3.5.2] when the copy has a date, and the
/// section: A4, the margins of GB/T 9704 5.2 mirrored for double-sided printing, the 22-line grid, page numbers.
/// Element order inside w:pPr and w:sectPr follows the schema (Word refuses a file that strays from it).
/// </summary>
internal static class DocxDocumentPart
{
    /// <summary>Characters a line of the block holds [5.2.2].</summary>
    private const int CharsPerLine = 28;

    /// <summary>Millimetres in twentieths of a point.</summary>
    private static string Twips(double mm) => ((int)Math.Round(mm * 72 / 25.4 * 20)).ToString(CultureInfo.InvariantCulture);

    public static byte[] Write(ReportDocument document, DocxOptions options, bool hasHeader) => DocxXml.Write(w =>
    {
        w.WriteStartElement("w", "document", W);
        w.WriteAttributeString("xmlns", "r", null, R);
        w.WriteStartElement("w", "body", W);
        Paragraph(w, DocxStyles.TitleStyle, document.Title);
        if (!string.IsNullOrWhiteSpace(document.Recipient)) Paragraph(w, DocxStyles.RecipientStyle, document.Recipient);
        foreach (var block in document.Blocks)
        {
            if (block.Kind == BlockKind.Heading) Paragraph(w, DocxStyles.HeadingStyle, block.Text);
            else Body(w, block.Text);
        }
        if (options.DateText is { } date) SignatureBlock(w, document.Signature, date);
        Section(w, hasHeader);
        w.WriteEndElement();
        w.WriteEndElement();
    });

    private static void Paragraph(XmlWriter w, string style, string text, (string Name, string Value)[]? spacing = null,
        (string Name, string Value)[]? indent = null)
    {
        w.WriteStartElement("w", "p", W);
        w.WriteStartElement("w", "pPr", W);
        w.Val("pStyle", style);
        if (spacing is not null) w.Empty("spacing", spacing);
        if (indent is not null) w.Empty("ind", indent);
        w.WriteEndElement();
        Run(w, text, face: null);
        w.WriteEndElement();
    }

    private static void Body(XmlWriter w, string text)
    {
        w.WriteStartElement("w", "p", W);
        var heading = RunInHeading.Length(text);
        if (heading > 0) Run(w, text[..heading], DocxFaces.RunIn);
        if (heading < text.Length) Run(w, text[heading..], face: null);
        w.WriteEndElement();
    }

    private static void Run(XmlWriter w, string text, DocxFace? face)
    {
        w.WriteStartElement("w", "r", W);
        if (face is not null)
        {
            w.WriteStartElement("w", "rPr", W);
            w.Fonts(face);
            w.WriteEndElement();
        }
        w.WriteStartElement("w", "t", W);
        w.WriteAttributeString("xml", "space", null, "preserve");
        w.WriteString(text);
        w.WriteEndElement();
        w.WriteEndElement();
    }

    /// <summary>
    /// [7.3.5.2] one blank line after the body; the 署名 right-aligned two characters in; the date's first character two
    /// characters right of the 署名's first. When that pushes the date past the right edge (a short name), the date is
    /// right-aligned two characters in and the 署名 centred over it — the PDF's rule, as left indents in characters.
    /// </summary>
    private static void SignatureBlock(XmlWriter w, string signature, string date)
    {
        var signatureWidth = Width(signature);
        var dateWidth = Width(date);
        var signatureStart = CharsPerLine - 2 - signatureWidth;
        var dateStart = signatureStart + 2;
        if (dateStart + dateWidth > CharsPerLine - 2)
        {
            dateStart = CharsPerLine - 2 - dateWidth;
            signatureStart = dateStart + (dateWidth - signatureWidth) / 2;
        }
        var oneLine = DocxStyles.LinePitchTwips.ToString(CultureInfo.InvariantCulture);
        Paragraph(w, DocxStyles.SignatureStyle, signature, [("before", oneLine)], Indent(signatureStart));
        Paragraph(w, DocxStyles.SignatureStyle, date, indent: Indent(dateStart));
    }

    /// <summary>A left indent in characters (w:leftChars, which Word and WPS measure on the grid) and in twips for older readers.</summary>
    private static (string, string)[] Indent(double characters)
    {
        var start = Math.Max(0, characters);
        return
        [
            ("left", ((int)Math.Round(start * DocxStyles.BodySize * 20)).ToString(CultureInfo.InvariantCulture)),
            ("leftChars", ((int)Math.Round(start * 100)).ToString(CultureInfo.InvariantCulture)),
            ("firstLine", "0"),
        ];
    }

    /// <summary>Width in body characters: a CJK character or full-width form one, anything narrower (digits, Latin) half.</summary>
    private static double Width(string text) => text.Sum(c => c >= '\u2E80' ? 1.0 : 0.5);

    private static void Section(XmlWriter w, bool hasHeader)
    {
        w.WriteStartElement("w", "sectPr", W);
        if (hasHeader)
        {
            Reference(w, "headerReference", "default", DocxPackage.HeaderRelationship);
            Reference(w, "headerReference", "even", DocxPackage.HeaderRelationship);
        }
        Reference(w, "footerReference", "default", DocxPackage.OddFooterRelationship);
        Reference(w, "footerReference", "even", DocxPackage.EvenFooterRelationship);
        w.Empty("pgSz", ("w", Twips(210)), ("h", Twips(297)));
        // [5.2.1] 天头 37 mm, 订口 28 mm, block 156 × 225 mm: bottom 35 mm, outer margin 26 mm, mirrored in settings.xml.
        // The page number's line 7 mm below the block [7.5]: its foot about 23 mm above the page's edge.
        w.Empty("pgMar", ("top", Twips(37)), ("right", Twips(26)), ("bottom", Twips(35)), ("left", Twips(28)),
            ("header", Twips(15)), ("footer", Twips(23)), ("gutter", "0"));
        w.Empty("pgNumType", ("start", "1"));
        // 22 lines of 28 characters: the 3号 body (16 pt) on a 15.79 pt character pitch, charSpace in 1/4096 pt.
        var charSpace = (int)Math.Round((156.0 / CharsPerLine * 72 / 25.4 - DocxStyles.BodySize) * 4096);
        w.Empty("docGrid", ("type", "linesAndChars"), ("linePitch", DocxStyles.LinePitchTwips.ToString(CultureInfo.InvariantCulture)),
            ("charSpace", charSpace.ToString(CultureInfo.InvariantCulture)));
        w.WriteEndElement();
    }

    private static void Reference(XmlWriter w, string element, string type, string relationship)
    {
        w.WriteStartElement("w", element, W);
        w.WriteAttributeString("w", "type", W, type);
        w.WriteAttributeString("r", "id", R, relationship);
        w.WriteEndElement();
    }
}
