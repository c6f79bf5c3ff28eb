using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Reporting.Core.Access;
using Reporting.Core.Errors;
using Reporting.Core.Workflow;
using Reporting.Functions.Http;

namespace Reporting.Functions.Pages;

/// <summary>
/// What every role-bound page does around its content: someone not signed in is sent to sign in and back; a refusal by
/// the access rules becomes a 403 page in Chinese (with the nav bar) rather than problem+json in a browser tab.
/// </summary>
public sealed class SignedInPage(CallerResolver callers, AccessControl access, PageRenderer pages, FormPage form, Routes routes)
{
    /// <summary>A GET page.</summary>
    public async Task<IActionResult> GetAsync(HttpRequest request, Func<Caller, Membership?, Task<IActionResult>> render, CancellationToken cancellationToken)
    {
        if (callers.TryResolve(request) is not { } caller)
            return ApiResult.Redirect(callers.SignInUrl(request.Path + request.QueryString));
        return await RefusedAsPageAsync(caller, render, cancellationToken);
    }

    /// <summary>A page's form post: <see cref="CallerResolver.Resolve"/> first, so the cross-site checks run before the body is read.</summary>
    public async Task<IActionResult> PostAsync(HttpRequest request, Func<Caller, Membership?, Task<IActionResult>> handle, CancellationToken cancellationToken) =>
        await RefusedAsPageAsync(callers.Resolve(request), handle, cancellationToken);

    private async Task<IActionResult> RefusedAsPageAsync(Caller caller, Func<Caller, Membership?, Task<IActionResult>> render, CancellationToken cancellationToken)
    {
        var member = await access.FindAsync(caller, cancellationToken);
        try
        {
            return await render(caller, member);
        }
        catch (ReportingException e) when (e.Kind == ProblemKind.Forbidden)
        {
            return ApiResult.Html(Render("无权访问", caller, member, """
                <p class="error">{{ Detail }}</p><p><a href="{{ Todo }}">返回我的待办</a></p>
                """, new { e.Detail, Todo = routes.Todo() }), StatusCodes.Status403Forbidden);
        }
    }

    /// <summary>Renders inside the layout with who is signed in and the nav links of their role.</summary>
    public string Render(string title, Caller caller, Membership? member, string template, object model) =>
        pages.Render(title, form.Who(caller, member), template, model, links: pages.LinksFor(member));
}
