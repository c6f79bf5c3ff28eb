using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Reporting.Core.Errors;
using Reporting.Functions.Http;
using Reporting.Functions.Identity;
using Reporting.Functions.Pages;
using Reporting.Functions.Requests;
using Reporting.Functions.Wording;

namespace Reporting.LocalHost;

/// <summary>
/// The local host's sign-in page: GET lists the development users as buttons of one form; the form's POST (same-origin
/// only, like every state-changing request) signs the chosen one in (a signed cookie) and goes back to <c>returnUrl</c>,
/// a local path. A GET never signs anyone in: a link or an image on another site cannot sign a browser in as someone.
/// Only the local host has it (its function catalogue reads this assembly beside the Functions app's); in Azure the
/// route does not exist.
/// </summary>
public sealed class DevSignInFunctions(DevelopmentSignIn development, CallerResolver callers, Routes routes, PdfLinkOrigin pdfLinks)
{
    [Function("DevSignIn")]
    public async Task<IActionResult> SignIn(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "post", Route = "dev/sign-in")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        if (HttpMethods.IsPost(request.Method)) return await SignInAsync(request, cancellationToken);
        var returnUrl = LocalReturnPath.Check(request.Query["returnUrl"].ToString()) ?? routes.Todo(); // 我的待办 is where a person starts
        var buttons = string.Concat(development.Users.Select(u =>
            $"<li><button type=\"submit\" name=\"user\" value=\"{HtmlPage.Encode(u.Id)}\">{HtmlPage.Encode(u.Name)}</button>"
            + $"（{HtmlPage.Encode(u.Id)}）</li>"));
        // Signing in on the way to a PDF ends in the PDF link's redirect to Blob Storage, a hop the form's policy must allow.
        var policy = HtmlPage.PolicyWithFormsTo(pdfLinks.Origin);
        return ApiResult.Html(HtmlPage.Render("开发登录", $"""
            <h1>开发登录（仅限本地运行）</h1>
            <p class="hint">选择一个开发用户登录。命令行客户端也可以在请求中加上请求头 {DevelopmentSignIn.HeaderName}: 用户标识。</p>
            <form method="post" action="{HtmlPage.Encode(routes.SignIn())}">
            <input type="hidden" name="returnUrl" value="{HtmlPage.Encode(returnUrl)}">
            <ul class="users">{buttons}</ul>
            </form>
            """), policy: policy);
    }

    /// <summary>
    /// 退出登录 locally: forgets the development sign-in and shows the sign-in page. A GET, as App Service's /.auth/logout is:
    /// another site can at most sign a developer out, never in.
    /// </summary>
    [Function("DevSignOut")]
    public IActionResult SignOut([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "dev/sign-out")] HttpRequest request)
    {
        DevelopmentSignIn.SignOut(request.HttpContext.Response);
        return ApiResult.SeeOther(routes.SignIn());
    }

    /// <summary>The form's post: refused from another site before the body is read; the user and the return path checked again.</summary>
    private async Task<IActionResult> SignInAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        callers.RefuseCrossSite(request);
        var fields = await RequestFieldsReader.ReadAsync(request, JsonFields.SignIn, cancellationToken);
        var returnUrl = LocalReturnPath.Check(fields["returnUrl"]) ?? routes.Todo();
        var user = development.Find(fields["user"] ?? "")
            ?? throw ReportingException.Invalid("user", EdgeRefusalCode.DevelopmentUserUnknown);
        development.SignIn(request.HttpContext.Response, user.Id);
        return ApiResult.SeeOther(returnUrl);
    }
}
