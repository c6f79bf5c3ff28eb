using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Reporting.Core.Access;
using Reporting.Core.Errors;
using Reporting.Core.Workflow;
using Reporting.Functions.Pages;

namespace Reporting.Functions.Http;

/// <summary>
/// URLs that people open in a browser (pages, and downloads reached from a page or an e-mail) as well as programs:
/// a browser not signed in is sent to sign in and brought back, and a refusal is a readable page with the same status;
/// a program keeps the JSON API's answers (401/403/404 problem+json).
/// </summary>
public sealed class BrowserRequests(CallerResolver callers, AccessControl access, RefusalPage refusals, Routes routes)
{
    /// <summary>A browser navigating asks for text/html; API clients ask for JSON (or anything, as curl does).</summary>
    public static bool WantsHtml(HttpRequest request)
    {
        var accept = request.Headers.Accept.ToString();
        return accept.Contains("text/html", StringComparison.OrdinalIgnoreCase) && !accept.Contains("application/json", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>A page for the signed-in person (anyone else is sent to sign in); a refusal is shown as a page.</summary>
    public Task<IActionResult> PageAsync(HttpRequest request, Func<Caller, Membership?, Task<string>> render, CancellationToken cancellationToken) =>
        PageAsync(request, async (caller, member) => (IActionResult)ApiResult.Html(await render(caller, member)), cancellationToken);

    /// <summary>The same for a page that answers more than HTML (a CSV, a redirect).</summary>
    public async Task<IActionResult> PageAsync(HttpRequest request, Func<Caller, Membership?, Task<IActionResult>> render, CancellationToken cancellationToken)
    {
        if (callers.TryResolve(request) is not { } caller) return SignIn(request);
        return await RefusedAsPageAsync(request, caller, render, cancellationToken);
    }

    /// <summary>A page's own form post: <see cref="CallerResolver.Resolve"/> first, so the cross-site checks run before the body is read.</summary>
    public Task<IActionResult> FormPostAsync(HttpRequest request, Func<Caller, Membership?, Task<IActionResult>> handle, CancellationToken cancellationToken) =>
        RefusedAsPageAsync(request, callers.Resolve(request), handle, cancellationToken);

    /// <summary>A refusal as a page, under the status the JSON API gives it; <paramref name="caller"/> is null when nobody is signed in.</summary>
    public ApiResult Refusal(HttpRequest request, ReportingException refusal, Caller? caller, Membership? member) =>
        Refused(request, refusal, refusals.Render(refusal, caller, member, null, routes.Todo(), "回到我的待办"));

    private async Task<IActionResult> RefusedAsPageAsync(HttpRequest request, Caller caller, Func<Caller, Membership?, Task<IActionResult>> render,
        CancellationToken cancellationToken)
    {
        var member = await access.FindAsync(caller, cancellationToken);
        try
        {
            return await render(caller, member);
        }
        catch (ReportingException e) when (IsRefusal(e))
        {
            return Refusal(request, e, caller, member);
        }
    }

    /// <summary>
    /// A download: 302 to a fresh short link once the reader is checked. A browser not signed in goes to sign in and
    /// comes back to this URL (an e-mail's link works from a fresh browser); a browser refused gets a page saying why.
    /// </summary>
    /// <param name="notFound">What the URL names, in words, for a 404 page.</param>
    public async Task<IActionResult> DownloadAsync(HttpRequest request, Func<Caller, Task<Uri>> link, string notFound, string back, string backText,
        CancellationToken cancellationToken)
    {
        if (!WantsHtml(request)) return ApiResult.Redirect(await link(callers.Resolve(request)));
        if (callers.TryResolve(request) is not { } caller) return SignIn(request);
        try
        {
            return ApiResult.Redirect(await link(caller));
        }
        catch (ReportingException e) when (IsRefusal(e))
        {
            return Refused(request, e, refusals.Render(e, caller, await access.FindAsync(caller, cancellationToken), notFound, back, backText));
        }
    }

    private ApiResult SignIn(HttpRequest request) => ApiResult.Redirect(callers.SignInUrl(request.Path + request.QueryString));

    /// <summary>What a person can act on; an outage (503 with Retry-After) stays the middleware's answer.</summary>
    private static bool IsRefusal(ReportingException e) =>
        e.Kind is ProblemKind.Forbidden or ProblemKind.NotFound or ProblemKind.Validation or ProblemKind.Conflict;

    /// <summary>The status the JSON API answers the same refusal with.</summary>
    public static int StatusOf(HttpRequest request, ReportingException e) => ProblemResponses.Describe(e, request.Path).Status;

    private static ApiResult Refused(HttpRequest request, ReportingException e, string html) => ApiResult.Html(html, StatusOf(request, e));
}
