using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace Reporting.Functions.Http;

/// <summary>
/// The shell of every page and the headers every HTML response carries. The only script and the only style
/// are constants whose SHA-256 the Content-Security-Policy names, so nothing inline that an attacker managed
/// to echo into a page can run or restyle it.
/// </summary>
public static class HtmlPage
{
    /// <summary>The one style sheet of every page; narrow screens (390 px) get the same content, one column.</summary>
    public const string Style = """
        body { font-family: "Noto Sans CJK SC", "WenQuanYi Micro Hei", sans-serif; max-width: 60rem; margin: 1rem auto; padding: 0 1rem; color: #222; line-height: 1.6; }
        label { display: block; margin: .8rem 0; } input, select, textarea { display: block; width: 100%; padding: .4rem; font: inherit; box-sizing: border-box; }
        button { padding: .5rem 1.5rem; font: inherit; } .hint { color: #555; } .ok { color: #0a5d00; } .error, .warn { color: #a00; white-space: pre-wrap; }
        .who { text-align: right; color: #555; margin: .2rem 0; } .deadline { text-align: right; color: #7a2e00; margin: .2rem 0; } ul.users li { margin: .3rem 0; }
        nav a { margin-right: 1.2rem; } a { color: #0645ad; } h1 { font-size: 1.5rem; } h2 { font-size: 1.2rem; margin-top: 1.6rem; }
        table { border-collapse: collapse; width: 100%; } th, td { border: 1px solid #bbb; padding: .3rem .5rem; text-align: left; vertical-align: top; }
        ul.todo li { margin: .5rem 0; } .count { color: #555; font-size: .9rem; } blockquote { margin: .3rem 0 .3rem 1rem; color: #444; }
        @media (max-width: 600px) { body { margin: .5rem auto; } table, tbody, tr, td, th { display: block; } thead { display: none; } td { border: 0; padding: .1rem 0; } tr { border-bottom: 1px solid #bbb; padding: .4rem 0; } }
        a.button { display: inline-block; padding: .3rem .9rem; border: 1px solid #0645ad; border-radius: .3rem; text-decoration: none; } ul.channels { margin: .2rem 0 0; padding-left: 1.2rem; } .nowrap { white-space: nowrap; }
        @media (max-width: 600px) { td[data-label]::before { content: attr(data-label) "："; color: #555; } }
        .grid { overflow-x: auto; max-width: 100%; } .grid td[class^="st-"], .grid thead th { white-space: nowrap; } .counts { font-weight: bold; }
        .st-missing { color: #595959; } .st-submitted { color: #7a4d00; } .st-rejected { color: #a00; font-weight: bold; } .st-approved { color: #0a5d00; }
        .grid tbody th { min-width: 8em; } .grid tbody th, .grid thead th:first-child { position: sticky; left: 0; background: #fff; }
        .actions form { display: inline; } .actions button { padding: .1rem .8rem; margin-left: .5rem; } .uid { font-family: monospace; font-size: .9rem; }
        @media (max-width: 600px) { table.members td { display: inline-block; margin-right: .8rem; } }
        @media (max-width: 600px) { .grid table { display: table; } .grid thead { display: table-header-group; } .grid tbody { display: table-row-group; }
          .grid tr { display: table-row; border: 0; padding: 0; } .grid th, .grid td { display: table-cell; border: 1px solid #bbb; padding: .2rem .4rem; } }
        del { background: #fdd; color: #700; text-decoration: line-through; } ins { background: #dfd; color: #050; text-decoration: underline; }
        .vh { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
        .text, table.diff td { white-space: pre-wrap; overflow-wrap: anywhere; } .text { border: 1px solid #bbb; padding: .5rem .8rem; }
        table.diff td { width: 50%; } .narrow { display: none; } tr.changed td { background: #fffbe6; } tr.chosen td { background: #eef4ff; }
        table.diff details p { margin: 0 0 .4rem; } dl.facts { display: grid; grid-template-columns: 6rem 1fr; gap: .2rem .8rem; } dl.facts dd { margin: 0; }
        form.review button { margin: .5rem 1rem .5rem 0; } table.versions td:nth-child(5) { white-space: nowrap; }
        @media (max-width: 600px) { table.diff td { width: auto; } .narrow { display: inline; color: #555; } table.diff .narrow { display: block; font-size: .9rem; } }
        ul.chases { list-style: none; padding: 0; } ul.chases li { margin: .4rem 0; } ul.chases form { display: flex; flex-wrap: wrap; gap: .4rem; align-items: center; } ul.chases .dept { flex: 0 1 22rem; } ul.chases input[name=message] { flex: 1 1 12rem; min-width: 0; } ul.chases button { padding: .2rem 1rem; }
        label.check { display: flex; gap: .6rem; align-items: flex-start; } label.check input { display: inline; width: auto; margin-top: .35rem; }
        .published { color: #0a5d00; } .withdrawn { color: #a00; } td.pub a { margin-right: .6rem; white-space: nowrap; }
        code.hash { overflow-wrap: anywhere; word-break: break-all; }
        """;

    /// <summary>The form's script: posts with fetch and shows the answer beside the form (a plain post works without it).</summary>
    public const string FormScript = """
        const form = document.getElementById('draft');
        const body = form.elements.body, file = form.elements.file;
        const count = document.getElementById('count'), warning = document.getElementById('both');
        const max = Number(body.dataset.max);
        const update = () => {
          const n = [...body.value].length;
          count.textContent = `已输入 ${n} 字，上限 ${max} 字`;
          count.className = n > max ? 'error' : 'count';
          warning.textContent = file.files.length > 0 && body.value.trim() !== ''
            ? '注意：您同时填写了正文并选择了文件，提交时将使用文件的内容，文本框中的正文不会保存。' : '';
        };
        body.addEventListener('input', update); file.addEventListener('change', update); update();
        form.addEventListener('submit', async (event) => {
          event.preventDefault();
          const box = document.getElementById('result');
          box.className = ''; box.textContent = '正在提交…';
          try {
            const response = await fetch(form.action, { method: 'POST', body: new FormData(form), headers: { 'Accept': 'application/json' } });
            const data = await response.json();
            if (response.ok) {
              box.className = 'ok';
              const department = form.elements.department.selectedOptions[0].textContent;
              const part = form.elements.section.selectedOptions[0].textContent;
              box.textContent = `已保存：${data.year} 年${department}“${part}”，第 ${data.version} 版（${data.length} 字），待审核。`;
              file.value = ''; body.value = ''; update(); // saved: the next part starts empty, nothing of this one carried over
            } else {
              box.className = 'error';
              const details = data.errors ? Object.values(data.errors).flat() : [data.detail];
              box.textContent = `${data.title}：${details.join(' ')}`;
            }
          } catch (e) {
            box.className = 'error'; box.textContent = '提交失败：无法连接服务器，请稍后重试。';
          }
        });
        """;

    public static readonly string ContentSecurityPolicy =
        $"default-src 'none'; script-src '{Hash(FormScript)}'; style-src '{Hash(Style)}'; connect-src 'self'; img-src 'self'; "
        + "form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

    /// <summary>
    /// The policy for a page whose form may end in a redirect to <paramref name="origin"/>: browsers hold every hop of a form
    /// submission's redirects to <c>form-action</c>, so a sign-in that goes back to a PDF link (and on to Blob Storage) needs it.
    /// </summary>
    public static string PolicyWithFormsTo(string origin) => ContentSecurityPolicy.Replace("form-action 'self'", $"form-action 'self' {origin}");

    public static string Render(string title, string body, bool withFormScript = false) => $$"""
        <!doctype html>
        <html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <title>{{Encode(title)}}</title>
        <style>{{Style}}</style></head>
        <body>{{body}}{{(withFormScript ? $"<script>{FormScript}</script>" : "")}}</body></html>
        """;

    public static string Encode(string? text) => WebUtility.HtmlEncode(text ?? "");

    /// <summary>Headers of every HTML response (and harmless on the others).</summary>
    /// <param name="policy">The page's Content-Security-Policy when it is not <see cref="ContentSecurityPolicy"/>.</param>
    public static void ApplySecurityHeaders(HttpResponse response, bool html, string? policy = null)
    {
        response.Headers.XContentTypeOptions = "nosniff";
        response.Headers["Referrer-Policy"] = "same-origin";
        if (!html) return;
        response.Headers.ContentSecurityPolicy = policy ?? ContentSecurityPolicy;
        response.Headers.XFrameOptions = "DENY";
        response.Headers.CacheControl = "no-store";
    }

    private static string Hash(string text) => "sha256-" + Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
