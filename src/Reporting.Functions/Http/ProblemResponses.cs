using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Reporting.Core.Errors;
using Reporting.Functions.Wording;

namespace Reporting.Functions.Http;

/// <summary>
/// Turns any exception from an HTTP function into RFC 9457 application/problem+json with a zh-CN message.
/// Refusals of the caller's input are 4xx; storage that is unreachable or too contended is a 503 (409 for a lost
/// race) with Retry-After, since repeating the request will work; anything else is a 500 that says nothing of the internals.
/// </summary>
public static class ProblemResponses
{
    public static (int Status, object Body) Describe(Exception exception, string instance)
    {
        switch (exception)
        {
            case TemporarilyUnavailableException e:
                return (503, Body(503, RefusalWording.UnavailableTitle, e.Message, instance, null));
            case StorageUnavailableException:
                return (503, Body(503, RefusalWording.UnavailableTitle, StorageUnavailable, instance, null));
            case ConcurrencyConflictException:
                return (409, Body(409, RefusalWording.KindTitle(ProblemKind.Conflict), RefusalWording.ConcurrentChange, instance, null));
            case ReportingException e:
                return (StatusFor(e.Kind), Body(StatusFor(e.Kind), RefusalWording.Title(e), RefusalWording.Detail(e), instance,
                    e.Errors.Count > 0 ? RefusalWording.FieldErrors(e) : null, e.Refusal.Code));
            case BadHttpRequestException e when e.StatusCode == StatusCodes.Status413PayloadTooLarge:
                return (413, Body(413, RefusalWording.KindTitle(ProblemKind.PayloadTooLarge), RefusalWording.TooLarge, instance, null));
            case BadHttpRequestException or InvalidDataException or JsonException or FormatException:
                return (400, Body(400, RefusalWording.UnreadableTitle, RefusalWording.Unreadable, instance, null));
            case OperationCanceledException:
                return (499, Body(499, RefusalWording.CancelledTitle, RefusalWording.Cancelled, instance, null));
            default:
                return (500, Body(500, RefusalWording.InternalErrorTitle, RefusalWording.InternalError, instance, null));
        }
    }

    private static readonly TimeSpan StorageRetryAfter = TimeSpan.FromSeconds(5);
    private static readonly string StorageUnavailable = RefusalWording.StorageUnavailable(StorageRetryAfter);

    /// <summary>How long a caller should wait before repeating the request, for the refusals that a repeat can cure.</summary>
    public static TimeSpan? RetryAfter(Exception exception) => exception switch
    {
        TemporarilyUnavailableException e => e.RetryAfter,
        ConcurrencyConflictException => TimeSpan.FromSeconds(1),
        StorageUnavailableException => StorageRetryAfter,
        _ => null,
    };

    public static async Task WriteAsync(HttpContext context, Exception exception, ILogger logger)
    {
        // A cancellation the caller did not ask for is a storage call that ran out of time.
        if (exception is OperationCanceledException && !context.RequestAborted.IsCancellationRequested)
            exception = new TemporarilyUnavailableException(StorageUnavailable, StorageRetryAfter, exception);
        var (status, body) = Describe(exception, context.Request.Path);
        if (status >= 500) logger.LogError(exception, "Request {Method} {Path} failed", context.Request.Method, context.Request.Path);
        else logger.LogInformation("Request {Method} {Path} refused with {Status}: {Reason}", context.Request.Method, context.Request.Path, status,
            exception.Message);
        if (context.Response.HasStarted) return;
        context.Response.Clear();
        context.Response.StatusCode = status;
        if (RetryAfter(exception) is { } wait) context.Response.Headers.RetryAfter = Math.Ceiling(wait.TotalSeconds)
            .ToString(System.Globalization.CultureInfo.InvariantCulture);
        context.Response.ContentType = "application/problem+json; charset=utf-8";
        if (exception is MethodNotAllowedException refused) context.Response.Headers.Allow = string.Join(", ", refused.Allowed);
        await JsonSerializer.SerializeAsync(context.Response.Body, body, body.GetType(), ApiResult.Json);
    }

    private static int StatusFor(ProblemKind kind) => kind switch
    {
        ProblemKind.Validation => StatusCodes.Status400BadRequest,
        ProblemKind.NotFound => StatusCodes.Status404NotFound,
        ProblemKind.Conflict => StatusCodes.Status409Conflict,
        ProblemKind.UnsupportedMediaType => StatusCodes.Status415UnsupportedMediaType,
        ProblemKind.PayloadTooLarge => StatusCodes.Status413PayloadTooLarge,
        ProblemKind.Forbidden => StatusCodes.Status403Forbidden,
        ProblemKind.Unauthorized => StatusCodes.Status401Unauthorized,
        ProblemKind.MethodNotAllowed => StatusCodes.Status405MethodNotAllowed,
        _ => StatusCodes.Status400BadRequest,
    };

    /// <param name="code">The refusal's code (<c>draft.body-unchanged</c>), for programs that act on a refusal without reading Chinese.</param>
    private static object Body(int status, string title, string detail, string instance, IReadOnlyDictionary<string, string[]>? errors,
        string? code = null) =>
        (errors, code) switch
        {
            (null, null) => new { type = "about:blank", title, status, detail, instance },
            (null, _) => new { type = "about:blank", title, status, detail, instance, code },
            (_, null) => new { type = "about:blank", title, status, detail, instance, errors },
            _ => new { type = "about:blank", title, status, detail, instance, code, errors },
        };
}

