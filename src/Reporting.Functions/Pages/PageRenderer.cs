using System.Collections.Concurrent;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Fluid;
using Reporting.Core.Access;
using Reporting.Core.Calendar;
using Reporting.Core.Workflow;
using Reporting.Functions.Http;

namespace Reporting.Functions.Pages;

/// <summary>
/// Renders Liquid templates through Fluid with an HTML encoder, so every value a page prints is encoded unless
/// the template says <c>| raw</c> (only for markup this app made itself). One shared layout wraps every page.
/// </summary>
public sealed class PageRenderer(Routes routes, Words words, ReportingCalendar calendar, TimeProvider clock)
{
    private static readonly FluidParser Parser = new();

    // HtmlEncoder.Default escapes every non-ASCII character (&#x79D1;…); allowing all ranges keeps Chinese readable
    // in the source while < > & " ' are still escaped.
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    private readonly TemplateOptions _options = new() { MemberAccessStrategy = new UnsafeMemberAccessStrategy() };

    private readonly ConcurrentDictionary<string, IFluidTemplate> _templates = new();

    /// <summary>The head every page shares, the signed-in pages and the public ones: zh-CN, phone-width viewport, the page's title and style.</summary>
    public const string Head = """
        <!doctype html>
        <html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <title>{{ Title }}</title>
        <style>{{ Style | raw }}</style></head>
        <body>
        """;

    private const string Layout = Head + """
        <header><nav aria-label="主导航"><a href="{{ Nav.Todo }}">我的待办</a><a href="{{ Nav.Form }}">提交/修改草稿</a><a href="{{ Nav.Department }}">本部门报告</a>{% for link in Nav.Extra %}<a href="{{ link.Url }}">{{ link.Label }}</a>{% endfor %}</nav>
        <p class="who">当前登录：{{ Who }}</p>
        <p class="deadline">{{ Deadline }}</p></header>
        <main>
        <h1>{{ Title }}</h1>
        {{ Content | raw }}
        </main>
        {% if Script %}<script>{{ Script | raw }}</script>{% endif %}
        </body></html>
        """;

    /// <summary>
    /// Renders <paramref name="template"/> with <paramref name="model"/> inside the layout, naming who is signed in
    /// (<paramref name="caller"/> null: nobody) and giving the nav bar their role's links (see <see cref="LinksFor"/>),
    /// which stay in <paramref name="year"/> when the page shows one (else they open each page's default year).
    /// </summary>
    public string Render(string title, Caller? caller, Membership? member, string template, object model, string? script = null, int? year = null)
    {
        var content = Apply(template, model);
        var who = caller is null ? "未登录" : words.Who(caller, member);
        var nav = new { Todo = routes.Todo(year), Form = routes.Form(year), Department = routes.DepartmentPage(year), Extra = LinksFor(member, year) };
        return Apply(Layout, new { Title = title, Who = who, Nav = nav, Deadline = DeadlineLine(year), Style = HtmlPage.Style, Content = content, Script = script });
    }

    /// <summary>The page's year, or the one whose reports are due now (the year just ended) on a page without one.</summary>
    private string DeadlineLine(int? year)
    {
        var today = calendar.Today(clock.GetUtcNow());
        var shown = year ?? calendar.ReportYearFor(today);
        return Words.SubmissionDeadline(shown, calendar.SubmissionDeadline(shown), calendar.DaysLeft(shown, today), today > calendar.PublicationDeadline(shown));
    }

    /// <summary>The nav links only the district office has: 全区总览 for its staff, 成员管理 and 印章管理 too for its administrators.</summary>
    private IReadOnlyList<NavLink> LinksFor(Membership? member, int? year) => member?.Role switch
    {
        MemberRole.Office => [new("全区总览", routes.OverviewPage(year))],
        MemberRole.OfficeAdmin => [new("全区总览", routes.OverviewPage(year)), new("成员管理", routes.MembersPage()), new("印章管理", routes.SealsPage())],
        _ => [],
    };

    /// <summary>A whole document from <paramref name="template"/> without the app's layout (the public site's pages), encoded the same way.</summary>
    public string Standalone(string template, object model) => Apply(template, model);

    private string Apply(string source, object model)
    {
        var template = _templates.GetOrAdd(source, s => Parser.TryParse(s, out var parsed, out var error)
            ? parsed
            : throw new InvalidOperationException("Page template does not parse: " + error));
        var context = new TemplateContext(model, _options);
        if (model is IDictionary<string, object?> values)
            foreach (var (name, value) in values) context.SetValue(name, value);
        return template.Render(context, Encoder);
    }
}
