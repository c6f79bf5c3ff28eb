using Reporting.Core.Templates;

namespace Reporting.Core.Documents;

/// <summary>
/// The words of the documents Core puts together: titles, the PDF's subject, the file names people download, the date as a
/// document writes it, and the template's part headings a report prints (<see cref="ITemplateWording"/>, which reading a
/// draft needs without the rest). Core holds no wording; the app supplies one (the zh-CN documents' words, in Reporting.Typesetting).
/// </summary>
public interface IDocumentWording : ITemplateWording
{
    /// <summary>The title an assembled report carries, for one department and year.</summary>
    string ReportTitle(string departmentName, int year);

    /// <summary>The report PDF's subject (its document information), for the year.</summary>
    string ReportSubject(int year);

    /// <summary>A report version's PDF file name as people download it; its OFD twin swaps the extension.</summary>
    string ReportFileName(string departmentName, int year, int version);

    /// <summary>The title of the district's volume of a year's reports.</summary>
    string VolumeTitle(string district, int year);

    /// <summary>The volume PDF's subject, for the year.</summary>
    string VolumeSubject(int year);

    /// <summary>A volume version's PDF file name as people download it; its OFD twin swaps the extension.</summary>
    string VolumeFileName(string district, int year, int version);

    /// <summary>A date as a document writes it under its signature (成文日期).</summary>
    string Date(DateOnly date);

    /// <summary>The 主送 line: how the document addresses <paramref name="addressee"/> (the district office's salutation).</summary>
    string Salutation(string addressee);
}
