using Reporting.Core.Reports;

namespace Reporting.Core.Publication;

/// <summary>The public site's layout: a folder per year, two files per report (three with its OFD), an index per year and one at the root.</summary>
public static class PublicPaths
{
    public const string Root = "index.html";

    /// <summary>What the static website answers for a path it does not have (a withdrawn or never published report).</summary>
    public const string NotFound = "404.html";

    public static string YearIndex(int year) => $"{year}/index.html";

    public static string Html(ReportKey key) => $"{key.Year}/{key.Department}.html";

    public static string Pdf(ReportKey key) => $"{key.Year}/{key.Department}.pdf";

    public static string Ofd(ReportKey key) => $"{key.Year}/{key.Department}.ofd";
}
