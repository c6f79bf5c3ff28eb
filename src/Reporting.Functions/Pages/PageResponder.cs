using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Reporting.Core.Access;
using Reporting.Core.Errors;
using Reporting.Core.Workflow;
using Reporting.Functions.Http;

namespace Reporting.Functions.Pages;

/// <summary>
/// How a page answers a browser: someone not signed in is sent to sign in and comes back; a refusal (another
/// department's report, a draft that does not exist, a bad address) is a page with the zh-CN reason and the status
/// the JSON API would give, not problem+json that a person cannot read.
/// </summary>
public sealed class PageResponder(CallerResolver callers, AccessControl access, PageRenderer pages, FormPage form, Routes routes)
{
    private const string RefusalTemplate = """
        <p class="error" role="alert">{{ Detail }}</p>
        <p><a href="{{ Todo }}">回到我的待办</a>{% if SignIn %} · <a href="{{ SignIn }}">登录</a>{% endif %}</p>
        """;

    /// <summary>Renders a page for the signed-in person; a refusal on the way becomes a refusal page.</summary>
    public async Task<IActionResult> AnswerAsync(HttpRequest request, Func<Caller, Membership?, Task<string>> render, CancellationToken cancellationToken = default)
    {
        if (callers.TryResolve(request) is not { } caller)
            return ApiResult.Redirect(callers.SignInUrl(request.Path + request.QueryString));
        var member = await access.FindAsync(caller, cancellationToken);
        try
        {
            return ApiResult.Html(await render(caller, member));
        }
        catch (ReportingException e)
        {
            return Refusal(e, caller, member);
        }
    }

    /// <summary>The refusal as a page; <paramref name="caller"/> is null when nobody is signed in.</summary>
    public ApiResult Refusal(ReportingException refusal, Caller? caller, Membership? member) =>
        ApiResult.Html(pages.Render(refusal.Title, caller is null ? "未登录" : form.Who(caller, member), RefusalTemplate, new
        {
            refusal.Detail,
            Todo = routes.Todo(),
            SignIn = refusal.Kind == ProblemKind.Unauthorized ? callers.SignInUrl(routes.Todo()) : null,
        }), StatusOf(refusal));

    /// <summary>The status the JSON API answers the same refusal with.</summary>
    public static int StatusOf(ReportingException refusal) => ProblemResponses.Describe(refusal, "").Status;
}
