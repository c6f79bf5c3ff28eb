using System.Globalization;
using Reporting.Core.Documents;
using Reporting.Core.Templates;

namespace Reporting.Typesetting;

/// <summary>
/// The words of the documents, zh-CN, as they are printed, tagged and named: titles, subjects, file names, the date as written,
/// a part's status in the volume's table, what a screen reader says for a seal. Core holds no wording and asks for these
/// through <see cref="IDocumentWording"/>; the app layer and the typesetter read them here directly, so each is worded once.
/// </summary>
public sealed class DocumentWords : IDocumentWording
{
    public static string ReportTitle(string departmentName, int year) => Invariant($"{departmentName}{year}年法治政府建设情况的报告");

    public static string ReportSubject(int year) => Invariant($"{year}年度法治政府建设情况报告");

    public static string ReportFileName(string departmentName, int year, int version) =>
        Invariant($"{ReportTitle(departmentName, year)}（第{version}版）.pdf");

    public static string VolumeTitle(string district, int year) => Invariant($"{district}{year}年度法治政府建设情况报告汇编");

    public static string VolumeSubject(int year) => Invariant($"{year}年度法治政府建设情况报告汇编");

    public static string VolumeFileName(string district, int year, int version) => Invariant($"{VolumeTitle(district, year)}（第{version}版）.pdf");

    /// <summary>GB/T 9704 7.3.5.4: Arabic numerals, full year, no leading zeros.</summary>
    public static string Date(DateOnly date) => Invariant($"{date.Year}年{date.Month}月{date.Day}日");

    /// <summary>A part's name short enough for a table column: 开头部分, 第一部分 … 第五部分.</summary>
    public static string PartShortName(ReportSection section) =>
        section.Order == 0 ? "开头部分" : Invariant($"第{"一二三四五六七八九"[section.Order - 1]}部分");

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

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
