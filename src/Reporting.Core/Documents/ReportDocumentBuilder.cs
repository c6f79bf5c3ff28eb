using Reporting.Core.Directory;
using Reporting.Core.Drafts;
using Reporting.Core.Templates;

namespace Reporting.Core.Documents;

/// <summary>Builds the document of a report from its parts' texts, in template order.</summary>
public static class ReportDocumentBuilder
{
    /// <param name="wording">The words of the title, the subject, the date as written and the parts' headings.</param>
    /// <param name="parts">
    /// Section key → body. A body whose first line is the part's own numbered heading (三、… for shortcomings)
    /// prints that heading as written; otherwise the template's wording is printed. Parts not given are left out.
    /// </param>
    /// <param name="signedAt">Date of the last approval: the report's 成文日期.</param>
    public static ReportDocument Build(IDocumentWording wording, Department department, int year, DistrictOffice office,
        IReadOnlyDictionary<string, string> parts, DateOnly signedAt, DateTimeOffset createdAt)
    {
        var blocks = new List<DocumentBlock>();
        foreach (var section in ReportTemplate.Sections)
        {
            if (!parts.TryGetValue(section.Key, out var body)) continue;
            var paragraphs = Paragraphs(body).ToList();
            var own = paragraphs.Count > 0 && DraftBody.IsOwnHeading(paragraphs[0], section, wording);
            if (section.Numbered) blocks.Add(new DocumentBlock(BlockKind.Heading, own ? paragraphs[0] : wording.Heading(section)));
            blocks.AddRange(paragraphs.Skip(own ? 1 : 0).Select(p => new DocumentBlock(BlockKind.Paragraph, p)));
        }
        var title = wording.ReportTitle(department.Name, year);
        return new ReportDocument(
            title,
            wording.Salutation(office.Salutation),
            blocks,
            department.Name,
            signedAt,
            wording.Date(signedAt),
            new DocumentInfo(title, department.Name, wording.ReportSubject(year), createdAt));
    }

    /// <summary>A paragraph is a non-blank line; leading full-width or ASCII spaces used as manual indents are dropped.</summary>
    public static IEnumerable<string> Paragraphs(string body) =>
        body.Split('\n').Select(l => l.Trim().TrimStart('\u3000')).Where(l => l.Length > 0);
}
