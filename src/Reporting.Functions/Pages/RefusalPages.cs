using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Reporting.Core.Access;
using Reporting.Core.Errors;
using Reporting.Functions.Http;
using Reporting.Functions.Identity;

namespace Reporting.Functions.Pages;

/// <summary>
/// Writes a refusal as the page a person reads (<see cref="RefusalPage"/>), under the status the JSON API gives the same
/// refusal, for a request marked <see cref="RefusalAsPage"/>. <see cref="ProblemMiddleware"/> is its only caller.
/// </summary>
public sealed class RefusalPages(CallerResolver callers, AccessControl access, RefusalPage page, Routes routes, ILogger<RefusalPages> logger)
{
    public async Task WriteAsync(HttpContext context, ReportingException refusal, RefusalAsPage shown)
    {
        var request = context.Request;
        var status = ProblemResponses.Describe(refusal, request.Path).Status;
        logger.LogInformation("Request {Method} {Path} refused with {Status} as a page: {Reason}", request.Method, request.Path, status, refusal.Message);
        var caller = callers.TryResolve(request);
        var member = caller is null ? null : await MemberAsync(caller, context.RequestAborted);
        // The page stays in the year the request named: its navigation and the way back open that year, not the default.
        var year = RequestedYear.Of(request);
        var html = page.Render(refusal, caller, member, shown.NotFound, shown.Back ?? routes.Todo(year), shown.BackText ?? "回到我的待办", year);
        context.Response.Clear();
        await ApiResult.Html(html, status).WriteAsync(context.Response);
    }

    /// <summary>The page's navigation names the person's role; storage failing now leaves it out rather than hiding the reason.</summary>
    private async Task<Membership?> MemberAsync(Caller caller, CancellationToken cancellationToken)
    {
        try
        {
            return await access.FindAsync(caller, cancellationToken);
        }
        catch (Exception e) when (e is StorageUnavailableException or TemporarilyUnavailableException)
        {
            return null;
        }
    }
}
