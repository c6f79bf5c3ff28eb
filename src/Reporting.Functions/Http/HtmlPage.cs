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
    private const string Style = """
        body { font-family: "Noto Sans CJK SC", "WenQuanYi Micro Hei", sans-serif; max-width: 48rem; margin: 2rem auto; padding: 0 1rem; color: #222; }
        label { display: block; margin: .8rem 0; } input, select, textarea { display: block; width: 100%; padding: .4rem; font: inherit; box-sizing: border-box; }
        button { padding: .5rem 1.5rem; font: inherit; } .hint { color: #555; } .ok { color: #0a5d00; } .error { color: #a00; white-space: pre-wrap; }
        .who { text-align: right; color: #555; } ul.users li { margin: .3rem 0; }
        """;

    /// <summary>The form's script: posts with fetch and shows the answer beside the form (a plain post works without it).</summary>
    public const string FormScript = """
        document.getElementById('draft').addEventListener('submit', async (event) => {
          event.preventDefault();
          const box = document.getElementById('result');
          box.className = ''; box.textContent = '正在提交…';
          try {
            const response = await fetch('/api/drafts', { method: 'POST', body: new FormData(event.target), headers: { 'Accept': 'application/json' } });
            const data = await response.json();
            if (response.ok) {
              box.className = 'ok';
              box.textContent = `已保存：${data.year} 年 ${data.departmentName} ${data.sectionName}，第 ${data.version} 版（${data.length} 字）。`;
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

    public static string Render(string title, string body, bool withFormScript = false) => $$"""
        <!doctype html>
        <html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <title>{{Encode(title)}}</title>
        <style>{{Style}}</style></head>
        <body>{{body}}{{(withFormScript ? $"<script>{FormScript}</script>" : "")}}</body></html>
        """;

    public static string Encode(string? text) => WebUtility.HtmlEncode(text ?? "");

    /// <summary>Headers of every HTML response (and harmless on the others).</summary>
    public static void ApplySecurityHeaders(HttpResponse response, bool html)
    {
        response.Headers.XContentTypeOptions = "nosniff";
        response.Headers["Referrer-Policy"] = "same-origin";
        if (!html) return;
        response.Headers.ContentSecurityPolicy = ContentSecurityPolicy;
        response.Headers.XFrameOptions = "DENY";
        response.Headers.CacheControl = "no-store";
    }

    private static string Hash(string text) => "sha256-" + Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
