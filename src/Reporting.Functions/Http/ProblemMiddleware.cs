using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Middleware;
using Microsoft.Extensions.Logging;

namespace Reporting.Functions.Http;

/// <summary>Worker middleware: an exception escaping an HTTP function becomes a problem+json response.</summary>
public sealed class ProblemMiddleware(ILogger<ProblemMiddleware> logger) : IFunctionsWorkerMiddleware
{
    public async Task Invoke(FunctionContext context, FunctionExecutionDelegate next)
    {
        try
        {
            await next(context);
        }
        catch (Exception exception) when (context.GetHttpContext() is not null)
        {
            await ProblemResponses.WriteAsync(context.GetHttpContext()!, Unwrap(exception), logger);
        }
    }

    private static Exception Unwrap(Exception exception) =>
        exception is AggregateException { InnerExceptions.Count: 1 } a ? Unwrap(a.InnerException!)
        : exception is System.Reflection.TargetInvocationException { InnerException: { } inner } ? Unwrap(inner)
        : exception;
}
