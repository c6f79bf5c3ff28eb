using Reporting.Core.Documents;

namespace Reporting.Core.Publication;

/// <summary>The public site's HTML (wording and layout live in the app; Core says what each page shows).</summary>
public interface IPublicPages
{
    /// <summary>
    /// The report as an accessible page: the same text the PDF was made from, its publication date, a link to the PDF (and to the
    /// OFD, when it has one).
    /// </summary>
    string Report(PublicReport report, ReportDocument document);

    /// <summary>A year's index: every report public now, in directory order.</summary>
    string YearIndex(int year, IReadOnlyList<PublicReport> reports);

    /// <summary>The root index: the years with a public report.</summary>
    string Root(IReadOnlyList<int> years);

    /// <summary>The page for an address that has no file, linking to the root index at <paramref name="root"/> (it is served under any path).</summary>
    string NotFound(Uri root);
}

/// <summary>One public report: whose, which PDF version, published when.</summary>
public sealed record PublicReport(int Year, string Department, string DepartmentName, int Version, DateTimeOffset PublishedAt)
{
    /// <summary>The SHA-256 of the public PDF (lowercase hex), printed on the report's page so a copy can be checked; null on index pages.</summary>
    public string? Sha256 { get; init; }

    /// <summary>Whether the version's OFD went public beside its PDF (a PDF made before OFDs were written has none).</summary>
    public bool HasOfd { get; init; }
}
