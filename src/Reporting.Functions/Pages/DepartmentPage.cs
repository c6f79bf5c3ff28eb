using Reporting.Core.Access;
using Reporting.Core.Directory;
using Reporting.Core.Seals;
using Reporting.Core.Workflow;
using Reporting.Functions.Http;

using Reporting.Functions.ReadModels;

namespace Reporting.Functions.Pages;

/// <summary>
/// 本部门报告: a department's report for a year as its members and the district office read it: each part's newest
/// draft and approved version, what the next PDF waits for, the PDF versions with their notice per channel, and a
/// download button that asks the API for a fresh link. Read through <see cref="ReportQueries"/>, so the same rules apply.
/// </summary>
public sealed class DepartmentPage(
    ReportQueries queries, PageRenderer pages, DistrictDirectory directory, ReportingOptions options, TimeProvider clock, Routes routes,
    IOrganisationSeals seals)
{
    private const string Template = """
        <form method="get" action="{{ Action }}"><label for="year">年度</label>
        <input id="year" name="year" type="number" min="2000" max="{{ MaxYear }}" value="{{ Year }}">
        {% if Departments.size > 0 %}<label for="department">部门</label><select id="department" name="department">
        {% if Report == nil %}<option value="">请选择部门</option>{% endif %}
        {% for d in Departments %}<option value="{{ d.Code }}"{% if d.Selected %} selected{% endif %}>{{ d.Name }}</option>{% endfor %}</select>{% endif %}
        <button type="submit">查看</button></form>
        {% if Role == "none" %}<p>您尚未被分配部门和角色，请联系区法治办管理员。</p>{% endif %}
        {% if Role == "office" and Report == nil %}<p>请选择要查看的部门。</p>{% endif %}
        {% if Report %}
        <h2>{{ Year }} 年{{ Report.Name }}</h2>
        <p>报告状态：<strong>{{ Report.Status }}</strong></p>
        {% unless Report.Sealed %}<p class="warn">本部门尚未配置印章：报告 PDF 未加盖印章。{% if Report.SealsPage %}<a href="{{ Report.SealsPage }}">到印章管理上传印章</a>
        {%- else %}如需加盖印章，请联系区法治办管理员上传本部门的印章。{% endif %}</p>{% endunless %}
        {% if Report.Waits.size > 0 %}<p>下一版 PDF 还在等待：</p><ul class="todo">
        {% for w in Report.Waits %}<li>{{ w.Part }}：{{ w.Reason }}</li>{% endfor %}</ul>
        {% else %}<p>{{ Report.NothingWaits }}</p>{% endif %}
        <h2>各部分</h2>
        <table><thead><tr><th scope="col">部分</th><th scope="col">状态</th><th scope="col">最新草稿</th><th scope="col">已通过的版本</th><th scope="col">操作</th></tr></thead><tbody>
        {% for p in Report.Parts %}<tr><td data-label="部分">{{ p.Part }}</td><td data-label="状态" class="nowrap">{{ p.Status }}</td><td data-label="最新草稿">{{ p.Newest }}</td><td data-label="已通过的版本" class="nowrap">{{ p.Approved }}</td>
        <td data-label="操作" class="nowrap">{% if p.Versions %}<a href="{{ p.Versions }}">查看各版本</a> {% endif %}{% if p.Write %}<a href="{{ p.Write }}">{% if p.Versions %}修改{% else %}撰写{% endif %}</a>{% endif %}{% unless p.Versions or p.Write %}—{% endunless %}</td></tr>{% endfor %}
        </tbody></table>
        <h2>PDF 版本</h2>
        {% if Report.Pdfs.size == 0 %}<p>尚未生成 PDF。</p>{% else %}
        <table class="pdfs"><thead><tr><th scope="col">版本</th><th scope="col">页数</th><th scope="col">状态</th><th scope="col">生成时间</th><th scope="col">通知区法治办</th><th scope="col">下载</th></tr></thead><tbody>
        {% for v in Report.Pdfs %}<tr><td data-label="版本" class="nowrap">第 {{ v.Version }} 版</td><td data-label="页数" class="nowrap">{{ v.Pages }}</td><td data-label="状态">{{ v.Status }}</td><td data-label="生成时间">{{ v.Assembled }}</td>
        <td data-label="通知区法治办">{{ v.Notified }}{% if v.Channels.size > 0 %}<ul class="channels">{% for c in v.Channels %}<li>{{ c.Name }}：{{ c.State }}</li>{% endfor %}</ul>{% endif %}</td>
        <td data-label="下载" class="nowrap">{% if v.Download %}<a class="button" href="{{ v.Download }}">下载第 {{ v.Version }} 版 PDF</a>
        <a class="button" href="{{ v.Ofd }}" aria-label="下载 OFD（第 {{ v.Version }} 版）">下载 OFD</a>{% else %}生成后可下载{% endif %}</td></tr>{% endfor %}
        </tbody></table>
        <p class="hint">下载按钮每次都会生成一个新的短期下载链接（有效期 {{ LinkMinutes }} 分钟），请勿转发下载后的地址。
        OFD 是与 PDF 同一版式的国家版式文件（GB/T 33190），可用数科、福昕、永中等阅读器打开。</p>{% endif %}
        <h2>向社会公开</h2>
        <p class="{{ Report.Publication.Class }}">{{ Report.Publication.Text }}</p>
        {% if Report.Publication.Html %}<p>公开地址（无需登录）：<a href="{{ Report.Publication.Html }}">网页版</a>　<a href="{{ Report.Publication.Pdf }}">PDF 版</a></p>{% endif %}
        {% endif %}
        """;

    public async Task<string> RenderAsync(string? year, string? department, Caller caller, Membership? member, CancellationToken cancellationToken = default)
    {
        var currentYear = clock.GetLocalNow().Year;
        var number = string.IsNullOrEmpty(year) ? currentYear - 1 : ReportKeyBinder.Year(year);
        // A member reads their own department whatever the link says; the district office picks one.
        var office = member?.IsOffice == true;
        var code = office ? (string.IsNullOrEmpty(department) ? null : department) : member?.Department;
        var values = new Dictionary<string, object?>
        {
            ["Action"] = routes.DepartmentPage(),
            ["Year"] = number,
            ["MaxYear"] = currentYear,
            ["Role"] = office ? "office" : member?.Department is null ? "none" : "member",
            ["Departments"] = office ? directory.Departments.Select(d => new { d.Code, d.Name, Selected = d.Code == code }).ToList() : [],
            ["LinkMinutes"] = (int)options.DownloadLinkLifetime.TotalMinutes,
            ["Report"] = code is null ? null : await ReportAsync(number, code, writes: !office, caller, member, cancellationToken),
        };
        return pages.Render("本部门报告", caller, member, Template, values, year: number);
    }

    private async Task<object> ReportAsync(int year, string department, bool writes, Caller caller, Membership? member, CancellationToken cancellationToken)
    {
        var report = await queries.GetReportAsync(year.ToString(), department, caller, cancellationToken);
        var zone = options.ResolveTimeZone();
        var parts = report.Sections.Select(s =>
        {
            var newest = s.Drafts.Count == 0 ? null : s.Drafts[^1];
            return new
            {
                Part = Words.Part(s.Section) + (s.Required ? "" : "（选填）"),
                Status = newest is null ? Words.NotSubmitted : Words.Status(newest.Status),
                Newest = newest is null ? "—" : $"第 {newest.Version} 版，{newest.Author}，{Words.Time(newest.SubmittedAt, zone)}提交",
                Approved = s.ApprovedVersion is { } approved ? $"第 {approved} 版" : "无",
                Versions = newest is null ? null : routes.DraftPage(year, department, s.Section),
                Write = writes ? routes.Form(year, department, s.Section) : null,
            };
        }).ToList();
        var pdfs = report.Versions.OrderByDescending(v => v.Version).Select(v => new
        {
            v.Version,
            Pages = v.PageCount is { } count ? $"{count} 页" : "—",
            Status = PdfStatus(v),
            Assembled = v.AssembledAt is { } at ? Words.Time(at, zone) : v.AssemblingSince is { } since ? $"自 {Words.Time(since, zone)}起" : "—",
            Notified = v.NotifiedAt is { } notified ? $"已于 {Words.Time(notified, zone)}通知" : "尚未通知",
            Channels = (v.Notification?.Channels ?? []).Select(c => new { Name = Words.NoticeChannel(c.Channel), State = Words.NoticeState(c, zone) }).ToList(),
            Download = v.Status == "assembled" ? routes.ReportPdf(year, department, v.Version) : null,
            Ofd = v.Status == "assembled" ? routes.ReportOfd(year, department, v.Version) : null,
        }).ToList();
        return new
        {
            Name = report.DepartmentName,
            Status = Words.ReportState(report.Status),
            Sealed = await seals.IsSealedAsync(department, cancellationToken),
            SealsPage = member?.Role == MemberRole.OfficeAdmin ? routes.SealsPage() : null,
            Waits = report.AssemblyWaitsFor.Select(w => new { Part = Words.Part(w.Section), w.Reason }).ToList(),
            NothingWaits = report.Status == "assembled" ? "最新通过的各部分均已生成 PDF。" : "各部分均已通过，下一版 PDF 正在生成。",
            Parts = parts,
            Pdfs = pdfs,
            Publication = new
            {
                Class = report.Publication.Status,
                Text = report.Publication.Status switch
                {
                    "published" => $"已于 {Words.Time(report.Publication.PublishedAt!.Value, zone)}向社会公开第 {report.Publication.Version} 版。",
                    "withdrawn" => $"已于 {Words.Time(report.Publication.WithdrawnAt!.Value, zone)}撤回，目前不公开。撤回原因：{report.Publication.Reason}",
                    _ => "尚未向社会公开。报告生成 PDF 后，由区法治办保密审查并发布。",
                },
                Html = report.Publication.HtmlUrl,
                Pdf = report.Publication.PdfUrl,
            },
        };
    }

    private static string PdfStatus(PdfVersionView pdf) => pdf switch
    {
        { Status: not "assembled" } => "生成中",
        { NotifiedAt: not null } => "已生成，已通知区法治办",
        { Notification.Status: "retrying" } => "已生成，通知未送达，正在重试",
        { Notification.Status: "sending" } => "已生成，通知发送中",
        _ => "已生成，等待通知",
    };
}
