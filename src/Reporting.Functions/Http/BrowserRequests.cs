using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Reporting.Core.Access;
using Reporting.Core.Errors;
using Reporting.Functions.Identity;
using Reporting.Functions.Pages;

namespace Reporting.Functions.Http;

/// <summary>
/// URLs that people open in a browser (pages, and downloads reached from a page or an e-mail) as well as programs:
/// a browser not signed in is sent to sign in and brought back, and the request is marked <see cref="RefusalAsPage"/> so
/// a refusal is a readable page with the same status (written by <see cref="ProblemMiddleware"/>); a program keeps the
/// JSON API's answers (401/403/404 problem+json).
/// </summary>
public sealed class BrowserRequests(CallerResolver callers, AccessControl access)
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
        return await AsPageAsync(request, caller, render, cancellationToken);
    }

    /// <summary>A page's own form post: <see cref="CallerResolver.Resolve"/> first, so the cross-site checks run before the body is read.</summary>
    public Task<IActionResult> FormPostAsync(HttpRequest request, Func<Caller, Membership?, Task<IActionResult>> handle, CancellationToken cancellationToken) =>
        AsPageAsync(request, callers.Resolve(request), handle, cancellationToken);

    private async Task<IActionResult> AsPageAsync(HttpRequest request, Caller caller, Func<Caller, Membership?, Task<IActionResult>> render,
        CancellationToken cancellationToken)
    {
        new RefusalAsPage().Mark(request);
        return await render(caller, await access.FindAsync(caller, cancellationToken));
    }

    /// <summary>
    /// A download: 302 to a fresh short link once the reader is checked. A browser not signed in goes to sign in and
    /// comes back to this URL (an e-mail's link works from a fresh browser); a browser refused gets a page saying why.
    /// </summary>
    /// <param name="notFound">What the URL names, in words, for a 404 page.</param>
    public Task<IActionResult> DownloadAsync(HttpRequest request, Func<Caller, Task<Uri>> link, string notFound, string back, string backText) =>
        AnswerDownloadAsync(request, async caller => ApiResult.Redirect(await link(caller)), notFound, back, backText);

    /// <summary>As <see cref="DownloadAsync"/>, for a file made on request and sent in the answer itself (an editable .docx).</summary>
    public async Task<IActionResult> AnswerDownloadAsync(HttpRequest request, Func<Caller, Task<IActionResult>> answer, string notFound, string back,
        string backText)
    {
        if (!WantsHtml(request)) return await answer(callers.Resolve(request));
        if (callers.TryResolve(request) is not { } caller) return SignIn(request);
        new RefusalAsPage(notFound, back, backText).Mark(request);
        return await answer(caller);
    }

    private ApiResult SignIn(HttpRequest request) => ApiResult.Redirect(callers.SignInUrl(request.Path + request.QueryString));

    /// <summary>The status the JSON API answers the same refusal with.</summary>
    public static int StatusOf(HttpRequest request, ReportingException e) => ProblemResponses.Describe(e, request.Path).Status;
}
