using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Middleware;
using Microsoft.Extensions.Logging;
using Reporting.Core.Errors;
using Reporting.Functions.Pages;

namespace Reporting.Functions.Http;

/// <summary>
/// Worker middleware, the one place an HTTP function's refusal is answered: a person's request from a page (marked
/// <see cref="RefusalAsPage"/>) gets a zh-CN page, every other caller RFC 9457 problem+json; an outage or a failure is
/// problem+json for everyone (503 with Retry-After, or 500). Functions throw; none catches a refusal to answer it.
/// </summary>
public sealed class ProblemMiddleware(RefusalPages pages, ILogger<ProblemMiddleware> logger) : IFunctionsWorkerMiddleware
{
    public async Task Invoke(FunctionContext context, FunctionExecutionDelegate next)
    {
        try
        {
            await next(context);
        }
        catch (Exception exception) when (context.GetHttpContext() is not null)
        {
            var http = context.GetHttpContext()!;
            var unwrapped = Unwrap(exception);
            if (unwrapped is ReportingException refusal && RefusalAsPage.Of(http.Request) is { } shown && !http.Response.HasStarted)
                await pages.WriteAsync(http, refusal, shown);
            else
                await ProblemResponses.WriteAsync(http, unwrapped, logger);
        }
    }

    private static Exception Unwrap(Exception exception) =>
        exception is AggregateException { InnerExceptions.Count: 1 } a ? Unwrap(a.InnerException!)
        : exception is System.Reflection.TargetInvocationException { InnerException: { } inner } ? Unwrap(inner)
        : exception;
}
