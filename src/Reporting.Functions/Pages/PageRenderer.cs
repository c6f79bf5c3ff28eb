using System.Text.Encodings.Web;
using System.Text.Unicode;
using Fluid;
using Reporting.Core.Access;
using Reporting.Core.Calendar;
using Reporting.Functions.Http;
using Reporting.Functions.Identity;

namespace Reporting.Functions.Pages;

/// <summary>
/// Renders Liquid templates through Fluid with an HTML encoder, so every value a page prints is encoded unless
/// the template says <c>| raw</c> (only for markup this app made itself). One shared layout wraps every page:
/// PageRenderer.Head.liquid (the head every page shares, the signed-in pages and the public ones: zh-CN, phone-width
/// viewport, the page's title and style) and PageRenderer.Layout.liquid (nav, who is signed in, the deadline line).
/// </summary>
/// <param name="callers">Where 退出登录 leads (<see cref="CallerResolver.SignOutUrl"/>); without it the header offers none.</param>
public sealed class PageRenderer(Routes routes, Words words, ReportingCalendar calendar, TimeProvider clock, CallerResolver? callers = null)
{
    // HtmlEncoder.Default escapes every non-ASCII character (&#x79D1;…); allowing all ranges keeps Chinese readable
    // in the source while < > & " ' are still escaped.
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    private readonly TemplateOptions _options = new() { MemberAccessStrategy = new UnsafeMemberAccessStrategy() };

    private static readonly PageTemplate Layout = PageTemplate.Of("PageRenderer.Head", "PageRenderer.Layout");

    /// <summary>
    /// Renders <paramref name="template"/> with <paramref name="model"/> inside the layout, naming who is signed in
    /// (<paramref name="caller"/> null: nobody) and giving the nav bar their role's links (see <see cref="LinksFor"/>),
    /// which stay in <paramref name="year"/> when the page shows one (else they open each page's default year).
    /// </summary>
    public string Render(string title, Caller? caller, Membership? member, PageTemplate template, object model, string? script = null, int? year = null)
    {
        var content = Apply(template, model);
        var who = caller is null ? "未登录" : words.Who(caller, member);
        var nav = new
        {
            Todo = routes.Todo(year), TodoCount = routes.TodoCount(year), Form = FormLink(member, year), Department = routes.DepartmentPage(year),
            Extra = LinksFor(member, year),
        };
        return Apply(Layout, new
        {
            Title = title, Who = who, SignOut = caller is null ? null : callers?.SignOutUrl(), Nav = nav, Deadline = DeadlineLine(year),
            Style = HtmlPage.Style, Content = content, CountScript = caller is null ? null : HtmlPage.TodoCountScript,
            Script = script, PostOnceScript = HtmlPage.PostOnceScript,
        });
    }

    /// <summary>The page's year, or the year in progress on a page without one.</summary>
    private string DeadlineLine(int? year)
    {
        var today = calendar.Today(clock.GetUtcNow());
        var shown = year ?? calendar.YearInProgress(today);
        return Words.SubmissionDeadline(shown, calendar.SubmissionDeadline(shown), calendar.DaysLeft(shown, today),
            today > calendar.PublicationDeadline(shown));
    }

    /// <summary>
    /// 提交/修改草稿 for whoever may write a department's report (and for someone not yet a member, whose refusal page says
    /// why); not for the district office, which submits nothing: the link would only lead to a refusal.
    /// </summary>
    private string? FormLink(Membership? member, int? year) => member?.IsOffice == true ? null : routes.Form(year);

    /// <summary>The nav links only the district office has: 全区总览 for its staff, 成员管理 and 印章管理 too for its administrators.</summary>
    private IReadOnlyList<NavLink> LinksFor(Membership? member, int? year) => member?.Role switch
    {
        MemberRole.Office => [new("全区总览", routes.OverviewPage(year))],
        MemberRole.OfficeAdmin =>
            [new("全区总览", routes.OverviewPage(year)), new("成员管理", routes.MembersPage(("year", year?.ToString()))), new("印章管理", routes.SealsPage())],
        _ => [],
    };

    /// <summary>A whole document from <paramref name="template"/> without the app's layout (the public site's pages), encoded the same way.</summary>
    public string Standalone(PageTemplate template, object model) => Apply(template, model);

    /// <summary>A piece of a page (the year picker) from <paramref name="template"/>, encoded the same way, for a page to place with <c>| raw</c>.</summary>
    public string Fragment(PageTemplate template, object model) => Apply(template, model);

    private string Apply(PageTemplate template, object model)
    {
        var context = new TemplateContext(model, _options);
        if (model is IDictionary<string, object?> values)
            foreach (var (name, value) in values) context.SetValue(name, value);
        return template.Parsed.Render(context, Encoder);
    }
}
