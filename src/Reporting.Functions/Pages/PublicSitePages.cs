using Reporting.Core.Directory;
using Reporting.Core.Documents;
using Reporting.Core.Publication;
using Reporting.Core.Workflow;
using Reporting.Functions.Http;
using Reporting.Functions.Notices;

namespace Reporting.Functions.Pages;

/// <summary>
/// The public site's pages (no nav, no sign-in): a report as readable HTML, a year's index and the root index. Links
/// between them are relative, so a government website can mirror the folder as it is. Encoded through Fluid as every page.
/// </summary>
public sealed class PublicSitePages(PageRenderer pages, DistrictDirectory directory, ReportingOptions options, PublicLinks links, Routes routes) : IPublicPages
{
    private const string Layout = PageRenderer.Head + """
        <header><p class="site">{{ Site }}</p>{% if Crumbs.size > 0 %}<nav aria-label="位置">{% for c in Crumbs %}<a href="{{ c.Url }}">{{ c.Label }}</a>{% unless forloop.last %} › {% endunless %}{% endfor %}</nav>{% endif %}</header>
        <main>
        """;

    private const string End = """
        </main>
        <footer><p>{{ Office }}　发布</p></footer>
        </body></html>
        """;

    private const string ReportTemplate = Layout + """
        <h1>{{ Document.Title }}</h1>
        <p class="meta">{{ Department }}　·　发布日期：<time datetime="{{ Iso }}">{{ Date }}</time></p>
        <p><a class="pdf" href="{{ Pdf }}">下载 PDF 版（第 {{ Version }} 版）</a>
        {% if Ofd %}<a class="pdf" href="{{ Ofd }}">下载 OFD 版（第 {{ Version }} 版）</a>{% endif %}</p>
        {% if Ofd %}<p class="meta">OFD 是与 PDF 同一版式的国家版式文件（GB/T 33190），可用数科、福昕、永中等阅读器打开。</p>{% endif %}
        {% if Sha256 %}<p class="hash">PDF 文件的 SHA-256 校验值：<code>{{ Sha256 }}</code></p>
        <p><a href="{{ Verify }}">核验手中的 PDF 文件是否为存档原件</a></p>{% endif %}
        <article>
        {% if Document.Recipient %}<p class="recipient">{{ Document.Recipient }}</p>{% endif %}
        {% for b in Blocks %}{% if b.Heading %}<h2>{{ b.Text }}</h2>{% else %}<p>{{ b.Text }}</p>{% endif %}{% endfor %}
        <p class="signature">{{ Document.Signature }}</p>
        <p class="signature">{{ Document.DateText }}</p>
        </article>
        """ + End;

    private const string YearTemplate = Layout + """
        <h1>{{ Title }}</h1>
        {% if Reports.size == 0 %}<p>本年度暂无公开的报告。</p>{% else %}
        <p>共 {{ Reports.size }} 份报告。</p>
        <ul class="reports">{% for r in Reports %}<li><h2>{{ r.Name }}</h2><p>发布日期：<time datetime="{{ r.Iso }}">{{ r.Date }}</time></p>
        <p><a href="{{ r.Html }}" aria-label="阅读全文（网页）：{{ r.Name }}">阅读全文（网页）</a>　<a href="{{ r.Pdf }}" aria-label="下载 PDF：{{ r.Name }}">下载 PDF</a>
        {% if r.Ofd %}　<a href="{{ r.Ofd }}" aria-label="下载 OFD：{{ r.Name }}">下载 OFD</a>{% endif %}</p></li>{% endfor %}</ul>{% endif %}
        """ + End;

    private const string RootTemplate = Layout + """
        <h1>{{ Title }}</h1>
        {% if Years.size == 0 %}<p>暂无公开的报告。</p>{% else %}
        <ul class="years">{% for y in Years %}<li><a href="{{ y.Url }}">{{ y.Year }} 年度</a></li>{% endfor %}</ul>{% endif %}
        """ + End;

    private const string NotFoundTemplate = Layout + """
        <h1>{{ Title }}</h1>
        <p>这个地址没有公开的报告：报告可能尚未公开，或已撤回。</p>
        <p><a href="{{ Root }}">查看已公开的各年度报告</a></p>
        """ + End;

    /// <summary>Readable on a phone: one column, large type, long words and URLs wrap; contrast above 7:1.</summary>
    private const string Style = """
        body{margin:0;font-family:"Noto Sans CJK SC","Source Han Sans SC","PingFang SC","Microsoft YaHei","WenQuanYi Micro Hei",sans-serif;font-size:18px;line-height:1.8;color:#1a1a1a;background:#fff}
        header,main,footer{max-width:46rem;margin:0 auto;padding:0 1rem}
        header{border-bottom:3px solid #a40000;padding-top:.75rem;padding-bottom:.5rem}
        .site{margin:0;font-weight:bold;color:#a40000}
        nav a,main a{color:#0b4f9c}
        h1{font-size:1.6rem;line-height:1.4;margin:1.25rem 0 .5rem}
        h2{font-size:1.25rem;line-height:1.5;margin:1.5rem 0 .5rem}
        p{margin:.5rem 0;overflow-wrap:anywhere}
        article p{text-indent:2em}
        article p.recipient,article p.signature{text-indent:0}
        .signature{text-align:right}
        .meta{color:#444}
        .hash code{font-size:.85rem;overflow-wrap:anywhere;word-break:break-all}
        a.pdf{display:inline-block;padding:.4rem .8rem;border:2px solid #0b4f9c;border-radius:4px;text-decoration:none}
        ul.reports,ul.years{padding:0;list-style:none}
        ul.reports li{border-bottom:1px solid #ccc;padding:.25rem 0 .75rem}
        footer{border-top:1px solid #ccc;margin-top:2rem;color:#444;font-size:.9rem}
        """;

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

    public string YearIndex(int year, IReadOnlyList<PublicReport> reports) => Render(YearTemplate, $"{directory.District}{year}年度法治政府建设情况报告", new Dictionary<string, object?>
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

    private string Render(string template, string title, Dictionary<string, object?> model)
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
