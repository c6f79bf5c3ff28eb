namespace Reporting.Typesetting.Docx;

/// <summary>
/// The faces an editable copy names, as GB/T 9704 names them (方正小标宋简体 for the title, 仿宋_GB2312 body, 黑体 and
/// 楷体_GB2312 headings, 宋体 page numbers): the names a government desktop's Word or WPS has installed. Each is
/// declared in the font table with the Fandol face the PDF uses as its alternate name, so a machine without the
/// official faces (a Linux desktop, a phone) still shows the right style of face instead of its default.
/// </summary>
internal static class DocxFaces
{
    public static readonly DocxFace Title = new("方正小标宋简体", "FandolSong");
    public static readonly DocxFace Body = new("仿宋_GB2312", "FandolFang");
    public static readonly DocxFace Heading = new("黑体", "FandolHei");
    public static readonly DocxFace RunIn = new("楷体_GB2312", "FandolKai");
    public static readonly DocxFace Folio = new("宋体", "FandolSong");

    /// <summary>Latin letters and digits beside the CJK faces.</summary>
    public const string Latin = "Times New Roman";

    public static IEnumerable<DocxFace> All => [Title, Body, Heading, RunIn, Folio];
}
