using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Middleware;
using Microsoft.Extensions.Logging;
using Reporting.Core.Access;

namespace Reporting.Functions.Identity;

/// <summary>
/// Worker middleware: after an HTTP function ran, records the person <see cref="CallerResolver"/> resolved for it in
/// <see cref="SignedInPeople"/> (which writes at most daily per person). Runs before the answer is written, so a page that
/// lists who signed in already sees this request's caller. A failure to record is logged, never the request's failure.
/// </summary>
public sealed class SignInRecordingMiddleware(SignedInPeople people, ILogger<SignInRecordingMiddleware> logger) : IFunctionsWorkerMiddleware
{
    public async Task Invoke(FunctionContext context, FunctionExecutionDelegate next)
    {
        try
        {
            await next(context);
        }
        finally
        {
            if (context.GetHttpContext() is { } http && CallerResolver.ResolvedIn(http) is { } caller)
                await RecordAsync(caller, context.CancellationToken);
        }
    }

    private async Task RecordAsync(Caller caller, CancellationToken cancellationToken)
    {
        try
        {
            await people.RecordAsync(caller, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning(e, "Could not record the sign-in of {UserId}; the next request tries again.", caller.Id);
        }
    }
}
