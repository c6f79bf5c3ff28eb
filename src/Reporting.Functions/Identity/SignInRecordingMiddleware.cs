using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Middleware;
using Microsoft.Extensions.Logging;
using Reporting.Core.Access;
using Reporting.Core.Errors;

namespace Reporting.Functions.Identity;

/// <summary>
/// Worker middleware: after an HTTP function ran, records the person <see cref="CallerResolver"/> resolved for it in
/// <see cref="SignedInPeople"/> (which writes at most daily per person). Runs before the answer is written, so a page that
/// lists who signed in already sees this request's caller. Recording never fails or holds up the request: it is skipped
/// when the function met a storage outage (the 503 must go out promptly), bounded in time, and a failure is only logged.
/// </summary>
public sealed class SignInRecordingMiddleware(SignedInPeople people, ILogger<SignInRecordingMiddleware> logger) : IFunctionsWorkerMiddleware
{
    /// <summary>How long recording may add to a request whose own storage calls just succeeded.</summary>
    public static readonly TimeSpan Budget = TimeSpan.FromSeconds(2);

    public async Task Invoke(FunctionContext context, FunctionExecutionDelegate next)
    {
        try
        {
            await next(context);
        }
        catch (Exception e) when (!IsOutage(e))
        {
            await RecordAsync(context);
            throw;
        }
        await RecordAsync(context);
    }

    private async Task RecordAsync(FunctionContext context)
    {
        if (context.GetHttpContext() is not { } http || CallerResolver.ResolvedIn(http) is not { } caller) return;
        using var bounded = CancellationTokenSource.CreateLinkedTokenSource(context.CancellationToken);
        bounded.CancelAfter(Budget);
        try
        {
            await people.RecordAsync(caller, bounded.Token);
        }
        catch (Exception e) when (!context.CancellationToken.IsCancellationRequested)
        {
            logger.LogWarning(e, "Could not record the sign-in of {UserId}; the next request tries again.", caller.Id);
        }
    }

    private static bool IsOutage(Exception e)
    {
        for (Exception? cause = e; cause is not null; cause = cause.InnerException)
            if (cause is StorageUnavailableException or TemporarilyUnavailableException) return true;
        return false;
    }
}
