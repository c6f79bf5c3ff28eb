using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace Reporting.Functions.Pages;

/// <summary>
/// The shell of every page and the headers every HTML response carries. The only script and the only style
/// are constants whose SHA-256 the Content-Security-Policy names, so nothing inline that an attacker managed
/// to echo into a page can run or restyle it.
/// </summary>
public static class HtmlPage
{
    /// <summary>The one style sheet of every page; narrow screens (390 px) get the same content, one column.</summary>
    public static readonly string Style = EmbeddedText.Read("HtmlPage.Style.css");

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
