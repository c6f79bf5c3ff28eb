using System.Globalization;
using Reporting.Core.Documents;
using Reporting.Core.Templates;

namespace Reporting.Typesetting;

/// <summary>
/// The words of the documents, zh-CN, as they are printed, tagged and named: titles, subjects, file names, the date as written,
/// the template's part headings and their numerals, a part's short name and status in the volume's table, what a screen reader
/// says for a seal. Core holds no wording and asks for these through <see cref="IDocumentWording"/> (the headings through
/// <see cref="ITemplateWording"/>); the app layer and the typesetter read them here directly, so each is worded once.
/// </summary>
public sealed class DocumentWords : IDocumentWording
{
    /// <summary>The numerals of the numbered parts, first to ninth (the template has five).</summary>
    private const string Numerals = "一二三四五六七八九";

    /// <summary>
    /// The numbered parts' headings after their numerals, as 《法治政府建设与责任落实督察工作规定》 names the report's contents.
    /// </summary>
    private static readonly Dictionary<string, string> HeadingTexts = new(StringComparer.Ordinal)
    {
        [ReportTemplate.Duty.Key] = "党政主要负责人履行推进法治建设第一责任人职责，加强法治政府建设的有关情况",
        [ReportTemplate.Measures.Key] = "推进法治政府建设的主要举措和成效",
        [ReportTemplate.Shortcomings.Key] = "推进法治政府建设存在的不足和原因",
        [ReportTemplate.Plans.Key] = "下一年度推进法治政府建设的主要安排",
        [ReportTemplate.Other.Key] = "其他需要报告的情况",
    };

    public static string ReportTitle(string departmentName, int year) => Invariant($"{departmentName}{year}年法治政府建设情况的报告");

    public static string ReportSubject(int year) => Invariant($"{year}年度法治政府建设情况报告");

    public static string ReportFileName(string departmentName, int year, int version) =>
        Invariant($"{ReportTitle(departmentName, year)}（第{version}版）.pdf");

    public static string VolumeTitle(string district, int year) => Invariant($"{district}{year}年度法治政府建设情况报告汇编");

    public static string VolumeSubject(int year) => Invariant($"{year}年度法治政府建设情况报告汇编");

    public static string VolumeFileName(string district, int year, int version) => Invariant($"{VolumeTitle(district, year)}（第{version}版）.pdf");

    /// <summary>GB/T 9704 7.3.3: the 主送机关 line, the addressee followed by a full-width colon.</summary>
    public static string Salutation(string addressee) => addressee + "：";

    /// <summary>GB/T 9704 7.3.5.4: Arabic numerals, full year, no leading zeros.</summary>
    public static string Date(DateOnly date) => Invariant($"{date.Year}年{date.Month}月{date.Day}日");

    /// <summary>The numeral a numbered part's heading begins with: 一、 for duty … 五、 for other; none for the preamble.</summary>
    public static string HeadingNumeral(ReportSection section) => section.Numbered ? Invariant($"{Numerals[section.Order - 1]}、") : "";

    /// <summary>The template's heading of a numbered part (一、党政主要负责人…); the preamble has none.</summary>
    public static string Heading(ReportSection section) => section.Numbered ? HeadingNumeral(section) + HeadingTexts[section.Key] : "";

    /// <summary>A part's name short enough for a table column: 开头部分, 第一部分 … 第五部分.</summary>
    public static string PartShortName(ReportSection section) =>
        section.Numbered ? Invariant($"第{Numerals[section.Order - 1]}部分") : "开头部分";

    public static string Status(PartStatus status) => status switch
    {
        PartStatus.NotSubmitted => "未提交",
        PartStatus.AwaitingReview => "待审核",
        PartStatus.Rejected => "已退回",
        _ => "已通过",
    };

    /// <summary>The seal's alternative text: the organisation's full name and 印章.</summary>
    public static string SealAltText(OrganisationSeal seal) => seal.OrganisationName + "印章";

    string IDocumentWording.ReportTitle(string departmentName, int year) => ReportTitle(departmentName, year);

    string IDocumentWording.ReportSubject(int year) => ReportSubject(year);

    string IDocumentWording.ReportFileName(string departmentName, int year, int version) => ReportFileName(departmentName, year, version);

    string IDocumentWording.VolumeTitle(string district, int year) => VolumeTitle(district, year);

    string IDocumentWording.VolumeSubject(int year) => VolumeSubject(year);

    string IDocumentWording.VolumeFileName(string district, int year, int version) => VolumeFileName(district, year, version);

    string IDocumentWording.Date(DateOnly date) => Date(date);

    string IDocumentWording.Salutation(string addressee) => Salutation(addressee);

    string ITemplateWording.HeadingNumeral(ReportSection section) => HeadingNumeral(section);

    string ITemplateWording.Heading(ReportSection section) => Heading(section);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
