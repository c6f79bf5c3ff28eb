using Reporting.Typesetting;

namespace Reporting.Functions.Wording;

/// <summary>What an editable copy (.docx) says about itself: its page header and its file name.</summary>
public static class EditableCopyWords
{
    public const string ReportHeader = "可编辑副本，不作为正式文件；正式文件以签章的 PDF 为准";
    public const string DraftHeader = "草稿可编辑副本，未经审核，不作为正式文件";

    public static string ReportFileName(string departmentName, int year, int version) =>
        $"{DocumentWords.ReportTitle(departmentName, year)}（第{version}版，可编辑副本）.docx";

    public static string DraftFileName(string departmentName, int year, string part, int version) =>
        $"{departmentName}{year}年度报告{Shorten(part)}（第{version}版草稿）.docx";

    /// <summary>A part's heading can be a long sentence: a file name keeps its numeral and first words.</summary>
    private static string Shorten(string part) => part.Length <= 16 ? part : part[..16] + "…";
}
