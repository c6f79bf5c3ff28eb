using System.Net;
using System.Text;
using Reporting.Core.Directory;
using Reporting.Core.Drafts;
using Reporting.Core.Templates;

namespace Reporting.Functions.Http;

/// <summary>The zh-CN submission form and the page confirming a submission.</summary>
public sealed class FormPage(DistrictDirectory directory, TimeProvider clock)
{
    public string Render(string? year, string? department, string? section)
    {
        var defaultYear = int.TryParse(year, out var y) && y is >= 2000 and <= 2099 ? y : clock.GetLocalNow().Year - 1;
        var departments = string.Concat(directory.Departments.Select(d =>
            $"<option value=\"{E(d.Code)}\"{(d.Code == department ? " selected" : "")}>{E(d.Name)}（{E(d.Code)}）</option>"));
        var sections = string.Concat(ReportTemplate.Sections.Select(s =>
            $"<option value=\"{E(s.Key)}\"{(s.Key == section ? " selected" : "")}>{E(s.Key == "preamble" ? "开头部分（一、之前）" : s.Heading)}{(s.Required ? "" : "（选填）")}</option>"));
        return Page("提交报告草稿", $$"""
            <h1>{{E(directory.District)}}法治政府建设情况报告 · 提交草稿</h1>
            <p class="hint">每次提交都会保存为该部分的一个新版本，旧版本不会被覆盖。正文无需包含“一、”等标题，系统按模板自动添加。</p>
            <form id="draft" method="post" action="/api/drafts" enctype="multipart/form-data">
              <label>年度 <input name="year" type="number" min="2000" max="2099" required value="{{defaultYear}}"></label>
              <label>部门 <select name="department" required><option value="">请选择部门</option>{{departments}}</select></label>
              <label>报告部分 <select name="section" required><option value="">请选择部分</option>{{sections}}</select></label>
              <label>起草人 <input name="author" maxlength="50" required autocomplete="name"></label>
              <label>正文 <textarea name="body" rows="16" placeholder="在此粘贴正文，或在下方上传文件"></textarea></label>
              <label>或上传文件（UTF-8 编码的 .txt 或 .docx） <input name="file" type="file" accept=".txt,.docx"></label>
              <button type="submit">提交草稿</button>
            </form>
            <div id="result" role="status" aria-live="polite"></div>
            <script>
            document.getElementById('draft').addEventListener('submit', async (event) => {
              event.preventDefault();
              const box = document.getElementById('result');
              box.className = ''; box.textContent = '正在提交…';
              try {
                const response = await fetch('/api/drafts', { method: 'POST', body: new FormData(event.target), headers: { 'Accept': 'application/json' } });
                const data = await response.json();
                if (response.ok) {
                  box.className = 'ok';
                  box.textContent = `已保存：${data.year} 年 ${data.department} 的 ${data.section} 部分，第 ${data.version} 版（${data.length} 字）。`;
                } else {
                  box.className = 'error';
                  const details = data.errors ? Object.values(data.errors).flat() : [data.detail];
                  box.textContent = `${data.title}：${details.join(' ')}`;
                }
              } catch (e) {
                box.className = 'error'; box.textContent = '提交失败：无法连接服务器，请稍后重试。';
              }
            });
            </script>
            """);
    }

    public string Confirmation(Draft draft, string location) => Page("草稿已保存", $"""
        <h1>草稿已保存</h1>
        <p class="ok">{E(draft.Report.Year.ToString())} 年 {E(directory.Find(draft.Report.Department)?.Name ?? draft.Report.Department)}
        “{E(draft.Section)}”部分，第 {draft.Version} 版，共 {draft.Body.Length} 字，起草人 {E(draft.Author)}。</p>
        <p><a href="{E(location)}">查看此版本</a> · <a href="/api/reports/{draft.Report.Year}/{E(draft.Report.Department)}">查看报告进度</a> ·
        <a href="/api/form?year={draft.Report.Year}&amp;department={E(draft.Report.Department)}">继续提交</a></p>
        """);

    private static string Page(string title, string body) => $$"""
        <!doctype html>
        <html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <title>{{E(title)}}</title>
        <style>
          body { font-family: "Noto Sans CJK SC", "WenQuanYi Micro Hei", sans-serif; max-width: 48rem; margin: 2rem auto; padding: 0 1rem; color: #222; }
          label { display: block; margin: .8rem 0; } input, select, textarea { display: block; width: 100%; padding: .4rem; font: inherit; box-sizing: border-box; }
          button { padding: .5rem 1.5rem; font: inherit; } .hint { color: #555; } .ok { color: #0a5d00; } .error { color: #a00; white-space: pre-wrap; }
        </style></head>
        <body>{{body}}</body></html>
        """;

    private static string E(string? text) => WebUtility.HtmlEncode(text ?? "");
}
