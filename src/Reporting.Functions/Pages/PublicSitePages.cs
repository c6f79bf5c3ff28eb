using Reporting.Core;
using Reporting.Core.Directory;
using Reporting.Core.Documents;
using Reporting.Core.Publication;
using Reporting.Functions.Http;
using Reporting.Functions.Notices;

namespace Reporting.Functions.Pages;

/// <summary>
/// The public site's pages (no nav, no sign-in): a report as readable HTML, a year's index and the root index. Links
/// between them are relative, so a government website can mirror the folder as it is. Encoded through Fluid as every page.
/// </summary>
public sealed class PublicSitePages(PageRenderer pages, DistrictDirectory directory, ReportingOptions options, PublicLinks links, Routes routes) : IPublicPages
{
    private static readonly PageTemplate ReportTemplate = Public("Report");

    private static readonly PageTemplate YearTemplate = Public("Year");

    private static readonly PageTemplate RootTemplate = Public("AllYears");

    private static readonly PageTemplate NotFoundTemplate = Public("NotFound");

    /// <summary>A public page: the shared head, the site's header, <paramref name="body"/>'s own part, the footer.</summary>
    private static PageTemplate Public(string body) =>
        PageTemplate.Of("PageRenderer.Head", "PublicSitePages.Layout", "PublicSitePages." + body, "PublicSitePages.End");

    /// <summary>Readable on a phone: one column, large type, long words and URLs wrap; contrast above 7:1.</summary>
    private static readonly string Style = EmbeddedText.Read("PublicSitePages.Style.css");

    public string Report(PublicReport report, ReportDocument document) => Render(ReportTemplate, document.Title, new Dictionary<string, object?>
    {
        ["Crumbs"] = new[] { new { Url = "../" + PublicPaths.Root, Label = "全部年度" }, new { Url = "index.html", Label = $"{report.Year} 年度" } },
        ["Document"] = document,
        ["Blocks"] = document.Blocks.Select(b => new { Heading = b.Kind == BlockKind.Heading, b.Text }).ToList(),
        ["Department"] = report.DepartmentName,
        ["Date"] = Date(report.PublishedAt),
        ["Iso"] = Iso(report.PublishedAt),
        ["Pdf"] = FileName(PublicPaths.Pdf(new(report.Year, report.Department))),
        ["Ofd"] = report.HasOfd ? FileName(PublicPaths.Ofd(new(report.Year, report.Department))) : null,
        ["Version"] = report.Version,
        ["Sha256"] = report.Sha256,
        // The public site is another host: the verification page is named by the app's public address.
        ["Verify"] = links.Absolute(routes.Verify()).ToString(),
    });

    public string YearIndex(int year, IReadOnlyList<PublicReport> reports) => Render(YearTemplate, $"{directory.District}{year}年度法治政府建设情况报告",
        new Dictionary<string, object?>
        {
            ["Crumbs"] = new[] { new { Url = "../" + PublicPaths.Root, Label = "全部年度" } },
            ["Reports"] = reports.Select(r => new
            {
                Name = r.DepartmentName,
                Date = Date(r.PublishedAt),
                Iso = Iso(r.PublishedAt),
                Html = FileName(PublicPaths.Html(new(r.Year, r.Department))),
                Pdf = FileName(PublicPaths.Pdf(new(r.Year, r.Department))),
                Ofd = r.HasOfd ? FileName(PublicPaths.Ofd(new(r.Year, r.Department))) : null,
            }).ToList(),
        });

    public string Root(IReadOnlyList<int> years) => Render(RootTemplate, $"{directory.District}法治政府建设情况报告", new Dictionary<string, object?>
    {
        ["Crumbs"] = Array.Empty<object>(),
        ["Years"] = years.OrderDescending().Select(y => new { Year = y, Url = PublicPaths.YearIndex(y) }).ToList(),
    });

    public string NotFound(Uri root) => Render(NotFoundTemplate, "未找到该页面", new Dictionary<string, object?>
    {
        ["Crumbs"] = Array.Empty<object>(),
        ["Root"] = root.ToString(),
    });

    private string Render(PageTemplate template, string title, Dictionary<string, object?> model)
    {
        model["Title"] = title;
        model["Site"] = $"{directory.District}法治政府建设情况报告公开";
        model["Office"] = directory.Office.Name;
        model["Style"] = Style;
        return pages.Standalone(template, model);
    }

    /// <summary>The publication date as people in the district read it: Beijing's calendar day.</summary>
    private string Date(DateTimeOffset at) => Words.Date(DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, options.ResolveTimeZone()).DateTime));

    private string Iso(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, options.ResolveTimeZone()).ToString("yyyy-MM-dd");

    /// <summary>The link from a page in the same year folder: the file name alone.</summary>
    private static string FileName(string path) => path[(path.LastIndexOf('/') + 1)..];
}
