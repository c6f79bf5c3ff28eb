using Reporting.Core.Access;
using Reporting.Core.Templates;
using Reporting.Core.Workflow;
using Reporting.Functions.Http;
using Reporting.Functions.ReadModels;

namespace Reporting.Functions.Pages;

/// <summary>
/// 我的待办, the page after sign-in: what this person has to do next for a year, read through the same queries
/// (and the same access rules) as the JSON API.
/// </summary>
public sealed class TodoPage(ReportQueries queries, PageRenderer pages, Words words, ReportingOptions options, TimeProvider clock, Routes routes)
{
    private const string Template = """
        <form method="get" action="{{ Action }}"><label for="year">年度</label>
        <input id="year" name="year" type="number" min="2000" max="{{ MaxYear }}" value="{{ Year }}"><button type="submit">查看</button></form>
        {% if Role == "none" %}<p>您尚未被分配部门和角色，请联系区法治办管理员。</p>{% endif %}
        {% if Role == "author" or Role == "approver" %}
        <h2>{{ Year }} 年{{ Department }}：待撰写的部分</h2>
        {% if Missing.size == 0 %}<p>没有待撰写的必填部分。</p>{% else %}<ul class="todo">
        {% for p in Missing %}<li>{{ p.Part }}（{{ p.Status }}） <a href="{{ p.Link }}">去撰写</a></li>{% endfor %}</ul>{% endif %}
        <h2>已退回，待修改</h2>
        {% if Rejected.size == 0 %}<p>没有被退回的部分。</p>{% else %}<ul class="todo">
        {% for p in Rejected %}<li>{{ p.Part }}：第 {{ p.Version }} 版{{ p.Status }}（审核人 {{ p.Reviewer }}，{{ p.When }}）
        <blockquote>审核意见：{{ p.Comment }}</blockquote><a href="{{ p.Link }}">修改后重新提交</a> · <a href="{{ p.DraftLink }}">查看草稿与各版本</a></li>{% endfor %}</ul>{% endif %}
        {% endif %}
        {% if Role == "approver" or Role == "author" %}
        <h2>待审核（先交先审）</h2>
        {% if Pending.size == 0 %}<p>没有待审核的草稿。</p>{% else %}<table><thead><tr><th scope="col">部分</th><th scope="col">版本</th><th scope="col">起草人</th><th scope="col">提交时间</th><th scope="col">字数</th><th scope="col">操作</th></tr></thead><tbody>
        {% for p in Pending %}<tr><td>{{ p.Part }}</td><td>第 {{ p.Version }} 版</td><td>{{ p.Author }}</td><td>{{ p.When }}</td><td>{{ p.Length }}</td>
        <td>{% if Role == "approver" %}<a href="{{ p.ReviewLink }}">审核</a> · {% endif %}<a href="{{ p.DraftLink }}">查看草稿</a></td></tr>{% endfor %}</tbody></table>{% endif %}
        {% endif %}
        {% if Role == "office" %}
        <h2>{{ Year }} 年尚未完成的部门（{{ Incomplete.size }} 个，已完成 {{ Complete }} 个）</h2>
        {% if Incomplete.size == 0 %}<p>各部门的报告均已通过。</p>{% else %}<table><thead><tr><th scope="col">部门</th><th scope="col">尚未通过的部分</th></tr></thead><tbody>
        {% for d in Incomplete %}<tr><td>{{ d.Name }}</td><td>{{ d.Parts }}</td></tr>{% endfor %}</tbody></table>{% endif %}
        {% endif %}
        """;

    public async Task<string> RenderAsync(string? year, Caller caller, Membership? member, CancellationToken cancellationToken = default)
    {
        var currentYear = clock.GetLocalNow().Year;
        var number = year is null ? currentYear - 1 : ReportKeyBinder.Year(year);
        object model = member switch
        {
            { IsOffice: true } => await OfficeAsync(number, caller, cancellationToken),
            { Department: { } department } => await DepartmentAsync(number, department, member.Role == MemberRole.Approver ? "approver" : "author", caller, cancellationToken),
            _ => new { Role = "none", Year = number },
        };
        var values = Merge(model, number, currentYear);
        values["Action"] = routes.Todo();
        return pages.Render("我的待办", caller, member, Template, values, year: number);
    }

    private static Dictionary<string, object?> Merge(object model, int year, int maxYear)
    {
        var values = model.GetType().GetProperties().ToDictionary(p => p.Name, p => p.GetValue(model));
        values["Year"] = year;
        values["MaxYear"] = maxYear;
        return values;
    }

    private async Task<object> DepartmentAsync(int year, string department, string role, Caller caller, CancellationToken cancellationToken)
    {
        var report = await queries.GetReportAsync(year.ToString(), department, caller, cancellationToken);
        var zone = options.ResolveTimeZone();
        string Link(string section) => routes.Form(year, department, section);
        var newest = report.Sections.Select(s => (Section: s, Draft: s.Drafts.Count == 0 ? null : s.Drafts[^1])).ToList();
        var missing = newest.Where(n => n.Section.Required && n.Draft is null)
            .Select(n => new { Part = Words.Part(n.Section.Section), Status = Words.NotSubmitted, Link = Link(n.Section.Section) }).ToList();
        var rejected = new List<object>();
        foreach (var (section, draft) in newest.Where(n => n.Draft?.Status == "rejected"))
        {
            var detail = await queries.GetDraftAsync(year.ToString(), department, section.Section, draft!.Version.ToString(), caller, cancellationToken);
            rejected.Add(new
            {
                Part = Words.Part(section.Section), draft.Version, Status = Words.Rejected, Reviewer = detail.Reviewer ?? "",
                When = detail.ReviewedAt is { } at ? Words.Time(at, zone) : "", Comment = string.IsNullOrWhiteSpace(detail.ReviewComment) ? "（无）" : detail.ReviewComment,
                Link = Link(section.Section),
                DraftLink = routes.DraftPage(year, department, section.Section, draft.Version),
            });
        }
        var pending = newest.Where(n => n.Draft?.Status == "submitted").OrderBy(n => n.Draft!.SubmittedAt)
            .Select(n => new
            {
                Part = Words.Part(n.Section.Section), n.Draft!.Version, n.Draft.Author, When = Words.Time(n.Draft.SubmittedAt, zone), n.Draft.Length,
                ReviewLink = routes.ReviewPage(year, department, n.Section.Section, n.Draft.Version),
                DraftLink = routes.DraftPage(year, department, n.Section.Section, n.Draft.Version),
            }).ToList();
        return new { Role = role, Department = words.Department(department), Missing = missing, Rejected = rejected, Pending = pending };
    }

    private async Task<object> OfficeAsync(int year, Caller caller, CancellationToken cancellationToken)
    {
        var view = await queries.GetYearAsync(year.ToString(), caller, cancellationToken);
        var incomplete = view.Departments.Where(d => d.MissingSections.Count > 0)
            .Select(d => new { d.Name, Parts = string.Join("；", d.MissingSections.Select(s => ReportTemplate.Find(s)?.ShortName ?? "未知部分")) }).ToList();
        return new { Role = "office", Incomplete = incomplete, view.Complete };
    }
}
