using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Reporting.Core.Errors;
using Reporting.Functions.Http;

namespace Reporting.Functions.Functions;

/// <summary>
/// The local host's sign-in page: lists the development users; <c>?user=kgj-author</c> signs that one in (a signed
/// cookie) and goes back to <c>returnUrl</c>. Anywhere else (Azure, Core Tools) it does not exist.
/// </summary>
public sealed class DevSignInFunctions(DevelopmentSignIn development, Routes routes)
{
    [Function("DevSignIn")]
    public IActionResult SignIn(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "dev/sign-in")] HttpRequest request)
    {
        if (!development.Enabled) throw ReportingException.NotFound("开发登录只在本地运行时可用；请通过统一身份认证登录。");
        var returnUrl = LocalPath(request.Query["returnUrl"]) ?? routes.Todo(); // 我的待办 is where a person starts
        var id = request.Query["user"].ToString();
        if (id.Length > 0)
        {
            var user = development.Find(id) ?? throw ReportingException.Invalid("user", "没有这个开发用户，请从列表中选择。");
            development.SignIn(request.HttpContext.Response, user.Id);
            return ApiResult.Redirect(returnUrl);
        }
        var back = Uri.EscapeDataString(returnUrl);
        var list = string.Concat(development.Users.Select(u =>
            $"<li><a href=\"{HtmlPage.Encode(routes.Prefix)}/dev/sign-in?user={Uri.EscapeDataString(u.Id)}&amp;returnUrl={HtmlPage.Encode(back)}\">{HtmlPage.Encode(u.Name)}</a>（{HtmlPage.Encode(u.Id)}）</li>"));
        return ApiResult.Html(HtmlPage.Render("开发登录", $"""
            <h1>开发登录（仅限本地运行）</h1>
            <p class="hint">选择一个开发用户登录。命令行客户端也可以在请求中加上请求头 {DevelopmentSignIn.HeaderName}: 用户标识。</p>
            <ul class="users">{list}</ul>
            """));
    }

    /// <summary>Only a path of this app: an open redirect would let a link on another site bounce people anywhere.</summary>
    private static string? LocalPath(string? value) =>
        value is { Length: > 1 } v && v[0] == '/' && v[1] != '/' && v[1] != '\\' && !v.Contains("\\") ? v : null;
}
