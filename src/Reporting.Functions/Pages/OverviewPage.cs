using Microsoft.AspNetCore.Mvc;
using Reporting.Core.Access;
using Reporting.Core.Calendar;
using Reporting.Core.Publication;
using Reporting.Core.Templates;
using Reporting.Core.Workflow;
using Reporting.Functions.Http;

using Reporting.Functions.ReadModels;

namespace Reporting.Functions.Pages;

/// <summary>
/// 全区总览 for the district office: every department × every part in status words, the counts, each department's
/// newest PDF, the newest volume, 立即汇编 and the 催报 list. Read through <see cref="ReportQueries.GetYearAsync"/>,
/// which applies the access rules.
/// </summary>
public sealed class OverviewPage(ReportQueries queries, PageRenderer pages, TimeProvider clock, Routes routes, ReportingCalendar calendar, IPublicSite site, ReportingOptions options)
{
    private const string Template = """
        <form method="get" action="{{ Action }}"><label for="year">年度</label>
        <input id="year" name="year" type="number" min="2000" max="{{ MaxYear }}" value="{{ Year }}"><button type="submit">查看</button></form>
        {% if Message %}<p class="ok" role="status">{{ Message }}</p>{% endif %}
        {% if Chased %}<p class="ok" role="status">{{ Chased }}</p>{% endif %}
        <p class="counts">{{ Year }} 年度：完成 {{ Complete }} 个部门，未完成 {{ Missing }} 个。</p>
        <h2>向社会公开</h2>
        <p>公开截止日期：<strong>{{ Pub.Deadline }}</strong>（{{ Pub.Left }}）。已公开 {{ Pub.Published }} 个部门的报告。</p>
        {% if Pub.Unpublished.size == 0 %}<p>各部门报告均已公开。</p>{% else %}<p>尚未公开 {{ Pub.Unpublished.size }} 个部门。{% if Pub.Ready.size > 0 %}其中已生成 PDF、可以发布的 {{ Pub.Ready.size }} 个：{{ Pub.Ready | join: "、" }}。{% endif %}{% if Pub.NoPdf > 0 %}另有 {{ Pub.NoPdf }} 个部门尚未生成 PDF（见下表）。{% endif %}</p>{% endif %}
        <p><a class="button" href="{{ Pub.All }}">全部发布</a>　<a href="{{ Pub.Site }}">查看公开目录</a></p>
        <h2>报告汇编</h2>
        {% if Volume %}<p><a href="{{ Volume.Link }}">下载 {{ Year }} 年度报告汇编（第 {{ Volume.Version }} 版，{{ Volume.Pages }} 页，收录 {{ Volume.Reports }} 个部门）</a>
        <a class="button" href="{{ Volume.Ofd }}" aria-label="下载 OFD：{{ Year }} 年度报告汇编第 {{ Volume.Version }} 版">下载 OFD</a></p>
        {% else %}<p>尚未生成 {{ Year }} 年度的报告汇编。</p>{% endif %}
        <form method="post" action="{{ YearEndAction }}"><button type="submit">立即汇编</button></form>
        <p class="hint">立即汇编：为已全部通过的报告生成 PDF，再把各部门最新的报告汇编成册；与上一版相比没有变化时不生成新版本。</p>
        <h2 id="grid-title">各部门进度</h2>
        <div class="grid" tabindex="0" role="region" aria-labelledby="grid-title">
        <table><thead><tr><th scope="col">部门</th>{% for h in Headers %}<th scope="col"><abbr title="{{ h.Full }}">{{ h.Short }}</abbr></th>{% endfor %}<th scope="col">报告 PDF</th><th scope="col">向社会公开</th></tr></thead>
        <tbody>{% for d in Rows %}<tr><th scope="row">{{ d.Name }}</th>{% for c in d.Cells %}<td class="{{ c.Class }}">{{ c.Word }}</td>{% endfor %}
        <td class="nowrap">{% if d.Pdf %}<a href="{{ d.Pdf }}" aria-label="{{ d.Name }}报告第 {{ d.PdfVersion }} 版 PDF">第 {{ d.PdfVersion }} 版</a>
        <a href="{{ d.Ofd }}" aria-label="下载 OFD：{{ d.Name }}报告第 {{ d.PdfVersion }} 版">下载 OFD</a>{% else %}—{% endif %}</td>
        <td class="pub"><span class="{{ d.Pub.Class }}">{{ d.Pub.State }}</span>{% for a in d.Pub.Actions %} <a href="{{ a.Url }}" aria-label="{{ a.Label }}{{ d.Name }}的报告">{{ a.Label }}</a>{% endfor %}</td></tr>{% endfor %}</tbody></table>
        </div>
        <h2>催报名单</h2>
        {% if ChaseCount == 0 %}<p>各部门的必填部分均已通过，无需催报。</p>{% else %}
        <label for="chase">尚未通过的必填部分，共 {{ ChaseCount }} 项（可全选复制）</label>
        <textarea id="chase" readonly rows="{{ ChaseRows }}">{{ ChaseText }}</textarea>{% endif %}
        <p><a href="{{ CsvLink }}">下载催报名单（CSV，Excel、WPS 可直接打开）</a></p>
        {% if Chases.size > 0 %}<h2 id="chase-title">催报</h2>
        <p class="hint">向该部门的起草人和审核人发送催报邮件，列出尚未通过的必填部分和处理链接（截止 {{ Deadline }}）；每次点击只发送一封，并记入审计。</p>
        <ul class="chases" aria-labelledby="chase-title">{% for c in Chases %}<li><form method="post" action="{{ c.Action }}"><input type="hidden" name="id" value="{{ c.Id }}">
        <span class="dept">{{ c.Name }}（{{ c.Lacking }} 个部分未通过）</span>
        <input name="message" maxlength="500" aria-label="给{{ c.Name }}的附言（可不填）" placeholder="附言（可不填）">
        <button type="submit" aria-label="向{{ c.Name }}发送催报">催报</button></form></li>{% endfor %}</ul>{% endif %}
        """;

    /// <param name="chased">After a 催报 by hand: the department and what the request did (<see cref="Functions.DeadlineFunctions.Outcome"/>).</param>
    /// <param name="publication">what 发布/撤回 just did (published, withdrawn, year) to <paramref name="department"/>, to say so.</param>
    public async Task<IActionResult> RenderAsync(string? year, string? ran, string? volume, Caller caller, Membership? member, CancellationToken cancellationToken = default,
        (string? Department, string? Outcome) chased = default, string? publication = null, string? department = null)
    {
        var currentYear = clock.GetLocalNow().Year;
        var view = await queries.GetYearAsync(year ?? (currentYear - 1).ToString(), caller, cancellationToken);
        var chase = ChaseList.From(view);
        var zone = options.ResolveTimeZone();
        var model = new
        {
            Action = routes.OverviewPage(),
            view.Year,
            MaxYear = currentYear,
            Message = Ran(ran, int.TryParse(volume, out var v) ? v : null) ?? Published(publication, view.Departments.FirstOrDefault(d => d.Department == department)?.Name),
            Pub = new
            {
                Deadline = Words.Date(view.Publication.Deadline),
                Left = view.Publication.DaysLeft switch { > 0 and var n => $"还剩 {n} 天", 0 => "今天截止", var n => $"已过 {-n} 天" },
                view.Publication.Published,
                view.Publication.Unpublished,
                Ready = view.Departments.Where(d => d.NewestPdfVersion is not null && view.Publication.Unpublished.Contains(d.Department)).Select(d => d.Name).ToList(),
                NoPdf = view.Departments.Count(d => d.NewestPdfVersion is null && view.Publication.Unpublished.Contains(d.Department)),
                All = routes.PublicationPage(view.Year),
                Site = new Uri(site.BaseAddress, PublicPaths.YearIndex(view.Year)).AbsoluteUri,
            },
            view.Complete,
            view.Missing,
            Volume = view.Volume is { } newest
                ? new
                {
                    Link = routes.VolumePdf(view.Year, newest.Version), Ofd = routes.VolumeOfd(view.Year, newest.Version),
                    newest.Version, Pages = newest.PageCount, newest.Reports,
                }
                : null,
            YearEndAction = routes.YearEnd(view.Year),
            Headers = ReportTemplate.Sections.Select(s => new { Short = s.ShortName + (s.Required ? "" : "（选填）"), Full = Words.Part(s) }).ToList(),
            Rows = view.Departments.Select(d => new
            {
                d.Name,
                Cells = d.Parts.Select(p => new { Word = Words.Status(p.Status), Class = "st-" + p.Status }).ToList(),
                Pdf = d.NewestPdfVersion is { } pdf ? routes.ReportPdf(view.Year, d.Department, pdf) : null,
                Ofd = d.NewestPdfVersion is { } ofd ? routes.ReportOfd(view.Year, d.Department, ofd) : null,
                PdfVersion = d.NewestPdfVersion,
                Pub = new
                {
                    State = PublicationWords.State(d.Publication, zone),
                    Class = d.Publication.Status,
                    Actions = PublicationActions(view.Year, d),
                },
            }).ToList(),
            ChaseCount = chase.Items.Count,
            ChaseRows = Math.Clamp(chase.Items.Count, 3, 15),
            ChaseText = chase.Text(),
            CsvLink = routes.ChaseCsv(view.Year),
            Chased = Functions.DeadlineFunctions.Outcome(chased.Outcome, view.Departments.FirstOrDefault(d => d.Department == chased.Department)?.Name),
            Deadline = Words.Date(calendar.SubmissionDeadline(view.Year)),
            // The departments a reminder would go to: a required part whose newest draft is not approved.
            Chases = view.Departments
                .Select(d => (d, Lacking: d.Parts.Count(p => p.Status != "approved" && ReportTemplate.Find(p.Section)?.Required == true)))
                .Where(x => x.Lacking > 0)
                .Select(x => new { x.d.Name, x.Lacking, Action = routes.Chase(view.Year, x.d.Department), Id = Guid.NewGuid().ToString("N") })
                .ToList(),
        };
        return ApiResult.Html(pages.Render($"{view.Year} 年度全区总览", caller, member, Template, model, year: view.Year));
    }

    /// <summary>The 催报 list as a CSV download named in Chinese.</summary>
    public async Task<IActionResult> CsvAsync(string? year, Caller caller, CancellationToken cancellationToken = default)
    {
        var view = await queries.GetYearAsync(year, caller, cancellationToken);
        return ApiResult.Download(ChaseList.From(view).Csv(), "text/csv; charset=utf-8", $"{view.Year}年度法治政府建设报告催报名单.csv", $"chase-{view.Year}.csv");
    }

    /// <summary>发布 for a report with a PDF not public (again: 重新发布 after a withdrawal), 撤回 and the public page for one that is.</summary>
    private List<NavLink> PublicationActions(int year, DepartmentStatusView d) => d.Publication.Status switch
    {
        "published" => [new("撤回", routes.PublicationPage(year, d.Department, withdraw: true)), new("公开页面", d.Publication.HtmlUrl!)],
        _ when d.NewestPdfVersion is null => [],
        "withdrawn" => [new("重新发布", routes.PublicationPage(year, d.Department))],
        _ => [new("发布", routes.PublicationPage(year, d.Department))],
    };

    /// <summary>What 发布/撤回 did, from the word the API's 303 carried.</summary>
    private static string? Published(string? publication, string? name) => publication switch
    {
        "published" when name is not null => $"已发布{name}的报告，公开页面和年度目录已更新。",
        "withdrawn" when name is not null => $"已撤回{name}的报告：公开的网页和 PDF 已删除，年度目录已更新，发布记录保留。",
        "year" => "全部发布完成：公开页面和年度目录已更新。",
        _ => null,
    };

    /// <summary>What 立即汇编 did, from the outcome the year-end run answered (unknown words say nothing).</summary>
    private static string? Ran(string? outcome, int? volume) => outcome switch
    {
        "created" when volume is not null => $"汇编完成：已生成第 {volume} 版报告汇编。",
        "unchanged" when volume is not null => $"汇编完成：各部门报告与第 {volume} 版汇编相比没有变化，未生成新版本。",
        "notified" => $"汇编完成：已补发第 {volume} 版报告汇编的通知。",
        "in-progress" => "另一次汇编正在进行，请稍后刷新本页查看结果。",
        "created" or "unchanged" => "汇编完成：尚无已全部通过的部门报告，未生成报告汇编。",
        _ => null,
    };
}
