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
    public async Task<IActionResult> PageAsync(HttpRequest request, Func<Caller, Membership?, Task<string>> render, CancellationToken cancellationToken)
    {
        if (callers.TryResolve(request) is not { } caller) return SignIn(request);
        var member = await access.FindAsync(caller, cancellationToken);
        try
        {
            return ApiResult.Html(await render(caller, member));
        }
        catch (ReportingException e) when (IsRefusal(e))
        {
            return Refused(request, e, refusals.Render(e, caller, member, null, routes.Todo(), "回到我的待办"));
        }
    }

    /// <summary>
    /// A download: 302 to a fresh short link once the reader is checked. A browser not signed in goes to sign in and
    /// comes back to this URL (an e-mail's link works from a fresh browser); a browser refused gets a page saying why.
    /// </summary>
    /// <param name="notFound">What the URL names, in words, for a 404 page.</param>
    public async Task<IActionResult> DownloadAsync(HttpRequest request, Func<Caller, Task<Uri>> link, string notFound, string back, string backText, CancellationToken cancellationToken)
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

    private static bool IsRefusal(ReportingException e) => e.Kind is ProblemKind.Forbidden or ProblemKind.NotFound or ProblemKind.Validation;

    private static ApiResult Refused(HttpRequest request, ReportingException e, string html) =>
        ApiResult.Html(html, ProblemResponses.Describe(e, request.Path).Status);
}
