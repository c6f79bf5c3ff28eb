using Reporting.Core.Access;
using Reporting.Core.Directory;
using Reporting.Core.Drafts;
using Reporting.Core.Templates;
using Reporting.Core.Workflow;
using Reporting.Functions.Pages;

namespace Reporting.Functions.Http;

/// <summary>The zh-CN submission form (提交/修改) and the page confirming a submission.</summary>
public sealed class FormPage(DistrictDirectory directory, PageRenderer pages, Words words, TimeProvider clock, Routes routes)
{
    private const string FormTemplate = """
        <p class="hint">每次提交都会保存为该部分的一个新版本，旧版本不会被覆盖。正文可以用本部分的标题行（如“一、……”）开头，PDF 照所写印出；没有标题行时按模板的标题自动添加。</p>
        <form id="draft" method="post" action="{{ Action }}" enctype="multipart/form-data">
          <label for="year">年度</label><input id="year" name="year" type="number" min="2000" max="{{ MaxYear }}" required value="{{ Year }}">
          <label for="department">部门</label><select id="department" name="department" required>
          {% if Departments.size > 1 %}<option value="">请选择部门</option>{% endif %}
          {% for d in Departments %}<option value="{{ d.Code }}"{% if d.Selected %} selected{% endif %}>{{ d.Name }}</option>{% endfor %}</select>
          <label for="section">报告部分</label><select id="section" name="section" required><option value="">请选择部分</option>
          {% for s in Sections %}<option value="{{ s.Code }}"{% if s.Selected %} selected{% endif %}>{{ s.Name }}</option>{% endfor %}</select>
          <label for="body">正文</label>
          <textarea id="body" name="body" rows="16" data-max="{{ Max }}" aria-describedby="count" placeholder="在此粘贴正文，或在下方上传文件"></textarea>
          <p id="count" class="count" aria-live="polite">上限 {{ Max }} 字</p>
          <label for="file">或上传文件（.txt：UTF-8 或 GBK 编码；.docx。旧版 .doc、.wps 请先另存为 .docx 或 .txt）</label>
          <input id="file" name="file" type="file" accept=".txt,.docx">
          <p id="both" class="warn" role="alert"></p>
          <button type="submit">提交草稿</button>
        </form>
        <div id="result" role="status" aria-live="polite"></div>
        """;

    private const string ConfirmationTemplate = """
        <p class="ok">{{ Year }} 年{{ Department }}“{{ Part }}”，第 {{ Version }} 版，共 {{ Length }} 字，起草人 {{ Author }}，{{ Status }}。</p>
        <p><a href="{{ TodoLink }}">回到我的待办</a> · <a href="{{ FormLink }}">继续提交</a></p>
        """;

    public string Render(string? year, string? department, string? section, Caller caller, Membership? member)
    {
        // A department member writes for their own department only; the choice is not offered.
        department = member?.Department ?? department;
        var currentYear = clock.GetLocalNow().Year;
        var defaultYear = int.TryParse(year, out var y) && y >= 2000 && y <= currentYear ? y : currentYear - 1;
        var departments = directory.Departments
            .Where(d => member?.Department is null || d.Code == member.Department)
            .Select(d => new { d.Code, d.Name, Selected = d.Code == department }).ToList();
        var sections = ReportTemplate.Sections
            .Select(s => new { Code = s.Key, Name = Words.Part(s) + (s.Required ? "" : "（选填）"), Selected = s.Key == section }).ToList();
        return pages.Render("提交报告草稿", caller, member, FormTemplate,
            new { Action = routes.Drafts(), Year = defaultYear, MaxYear = currentYear, Departments = departments, Sections = sections, Max = DraftBody.MaxCharacters },
            HtmlPage.FormScript, year: defaultYear);
    }

    public string Confirmation(Draft draft, Caller caller, Membership? member) => pages.Render("草稿已保存", caller, member, ConfirmationTemplate, year: draft.Report.Year, model: new
    {
        draft.Report.Year,
        TodoLink = routes.Todo(draft.Report.Year),
        FormLink = routes.Form(draft.Report.Year, draft.Report.Department),
        Department = words.Department(draft.Report.Department),
        Part = Words.Part(draft.Section),
        draft.Version,
        Length = draft.Body.EnumerateRunes().Count(),
        draft.Author,
        Status = Words.Status(draft.Status),
    });
}
