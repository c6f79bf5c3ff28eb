using Reporting.Core.Access;
using Reporting.Core.Directory;
using Reporting.Core.Drafts;
using Reporting.Core.Templates;
using Reporting.Core.Workflow;

namespace Reporting.Functions.Http;

/// <summary>The zh-CN submission form and the page confirming a submission.</summary>
public sealed class FormPage(DistrictDirectory directory, TimeProvider clock)
{
    public string Render(string? year, string? department, string? section, Caller caller, Membership? member)
    {
        department = string.IsNullOrEmpty(department) ? member?.Department : department;
        var defaultYear = int.TryParse(year, out var y) && y is >= 2000 and <= 2099 ? y : clock.GetLocalNow().Year - 1;
        var departments = string.Concat(directory.Departments.Select(d =>
            $"<option value=\"{E(d.Code)}\"{(d.Code == department ? " selected" : "")}>{E(d.Name)}（{E(d.Code)}）</option>"));
        var sections = string.Concat(ReportTemplate.Sections.Select(s =>
            $"<option value=\"{E(s.Key)}\"{(s.Key == section ? " selected" : "")}>{E(s.Key == "preamble" ? "开头部分（一、之前）" : s.Heading)}{(s.Required ? "" : "（选填）")}</option>"));
        return HtmlPage.Render("提交报告草稿", $$"""
            {{SignedIn(caller, member)}}
            <h1>{{E(directory.District)}}法治政府建设情况报告 · 提交草稿</h1>
            <p class="hint">每次提交都会保存为该部分的一个新版本，旧版本不会被覆盖。正文可以用本部分的标题行（如“一、……”）开头，PDF 照所写印出；没有标题行时按模板的标题自动添加。</p>
            <form id="draft" method="post" action="/api/drafts" enctype="multipart/form-data">
              <label>年度 <input name="year" type="number" min="2000" max="2099" required value="{{defaultYear}}"></label>
              <label>部门 <select name="department" required><option value="">请选择部门</option>{{departments}}</select></label>
              <label>报告部分 <select name="section" required><option value="">请选择部分</option>{{sections}}</select></label>
              <label>正文 <textarea name="body" rows="16" placeholder="在此粘贴正文，或在下方上传文件"></textarea></label>
              <label>或上传文件（UTF-8 编码的 .txt 或 .docx） <input name="file" type="file" accept=".txt,.docx"></label>
              <button type="submit">提交草稿</button>
            </form>
            <div id="result" role="status" aria-live="polite"></div>
            """, withFormScript: true);
    }

    public string Confirmation(Draft draft, string location) => HtmlPage.Render("草稿已保存", $"""
        <h1>草稿已保存</h1>
        <p class="ok">{E(draft.Report.Year.ToString())} 年 {E(directory.Find(draft.Report.Department)?.Name ?? draft.Report.Department)}
        {E(ReportTemplate.Find(draft.Section)?.ShortName ?? draft.Section)}，第 {draft.Version} 版，共 {draft.Body.Length} 字，起草人 {E(draft.Author)}（{E(draft.AuthorId)}）。</p>
        <p><a href="{E(location)}">查看此版本</a> · <a href="/api/reports/{draft.Report.Year}/{E(draft.Report.Department)}">查看报告进度</a> ·
        <a href="/api/form?year={draft.Report.Year}&amp;department={E(draft.Report.Department)}">继续提交</a></p>
        """);

    /// <summary>Who is signed in, so nobody submits under the wrong name without noticing.</summary>
    private string SignedIn(Caller caller, Membership? member) =>
        $"<p class=\"who\">当前登录：{E(caller.Name)}（{E(caller.Id)}）{(member is null ? "，尚未分配部门和角色" : "，" + E(Role(member)))}</p>";

    private string Role(Membership member) => member.Department is null
        ? Membership.Describe(member.Role)
        : $"{directory.Find(member.Department)?.Name ?? member.Department}{Membership.Describe(member.Role)}";

    private static string E(string? text) => HtmlPage.Encode(text);
}
