using System.Globalization;
using System.Security;
using System.Security.Cryptography;
using System.Text;
using Reporting.Core.Documents;

namespace Reporting.Typesetting.Archive;

/// <summary>
/// The XMP metadata of a PDF/A-2U and PDF/UA-1 file: the identification schemas (pdfaid, pdfuaid, with the extension
/// schema PDF/A asks for pdfuaid), and the same title, author, subject, tool, producer and dates as the Info dictionary.
/// Every value is XML-escaped, so a title with &amp; or &lt; stays well-formed.
/// </summary>
internal static class ArchiveMetadata
{
    public const string CreatorTool = "Reporting.Typesetting (GB/T 9704-2012)";

    /// <summary>The packet, with <paramref name="producer"/> and <paramref name="created"/> as the Info dictionary says them.</summary>
    public static string Xmp(DocumentInfo info, string producer, DateTimeOffset created)
    {
        var date = Date(created);
        var id = Uuid(info.Title + "\n" + info.Author + "\n" + date);
        return $"""
            <?xpacket begin="{'\uFEFF'}" id="W5M0MpCehiHzreSzNTczkc9d"?>
            <x:xmpmeta xmlns:x="adobe:ns:meta/">
             <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
              <rdf:Description rdf:about="" xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/">
               <pdfaid:part>2</pdfaid:part>
               <pdfaid:conformance>U</pdfaid:conformance>
              </rdf:Description>
              <rdf:Description rdf:about="" xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/">
               <pdfuaid:part>1</pdfuaid:part>
              </rdf:Description>
              <rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/">
               <dc:format>application/pdf</dc:format>
               <dc:title><rdf:Alt><rdf:li xml:lang="x-default">{Escape(info.Title)}</rdf:li></rdf:Alt></dc:title>
               <dc:creator><rdf:Seq><rdf:li>{Escape(info.Author)}</rdf:li></rdf:Seq></dc:creator>
               <dc:description><rdf:Alt><rdf:li xml:lang="x-default">{Escape(info.Subject)}</rdf:li></rdf:Alt></dc:description>
               <dc:language><rdf:Bag><rdf:li>{Escape(info.Language)}</rdf:li></rdf:Bag></dc:language>
              </rdf:Description>
              <rdf:Description rdf:about="" xmlns:xmp="http://ns.adobe.com/xap/1.0/">
               <xmp:CreatorTool>{Escape(CreatorTool)}</xmp:CreatorTool>
               <xmp:CreateDate>{date}</xmp:CreateDate>
               <xmp:ModifyDate>{date}</xmp:ModifyDate>
               <xmp:MetadataDate>{date}</xmp:MetadataDate>
              </rdf:Description>
              <rdf:Description rdf:about="" xmlns:pdf="http://ns.adobe.com/pdf/1.3/">
               <pdf:Producer>{Escape(producer)}</pdf:Producer>
              </rdf:Description>
              <rdf:Description rdf:about="" xmlns:xmpMM="http://ns.adobe.com/xap/1.0/mm/">
               <xmpMM:DocumentID>uuid:{id}</xmpMM:DocumentID>
               <xmpMM:InstanceID>uuid:{id}</xmpMM:InstanceID>
              </rdf:Description>
              <rdf:Description rdf:about="" xmlns:pdfaExtension="http://www.aiim.org/pdfa/ns/extension/"
                xmlns:pdfaSchema="http://www.aiim.org/pdfa/ns/schema#" xmlns:pdfaProperty="http://www.aiim.org/pdfa/ns/property#">
               <pdfaExtension:schemas><rdf:Bag><rdf:li rdf:parseType="Resource">
                <pdfaSchema:schema>PDF/UA Universal Accessibility Schema</pdfaSchema:schema>
                <pdfaSchema:namespaceURI>http://www.aiim.org/pdfua/ns/id/</pdfaSchema:namespaceURI>
                <pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>
                <pdfaSchema:property><rdf:Seq><rdf:li rdf:parseType="Resource">
                 <pdfaProperty:name>part</pdfaProperty:name>
                 <pdfaProperty:valueType>Integer</pdfaProperty:valueType>
                 <pdfaProperty:category>internal</pdfaProperty:category>
                 <pdfaProperty:description>Indicates, which part of ISO 14289 standard is followed</pdfaProperty:description>
                </rdf:li></rdf:Seq></pdfaSchema:property>
               </rdf:li></rdf:Bag></pdfaExtension:schemas>
              </rdf:Description>
             </rdf:RDF>
            </x:xmpmeta>
            <?xpacket end="w"?>
            """;
    }

    /// <summary>The Info dictionary's date (D:YYYYMMDDHHmmSS+HH'mm') of the same instant, as XMP writes it.</summary>
    public static string Date(DateTimeOffset at) => at.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    private static string Escape(string text) => SecurityElement.Escape(text);

    private static Guid Uuid(string seed) => new(SHA256.HashData(Encoding.UTF8.GetBytes(seed))[..16]);
}
