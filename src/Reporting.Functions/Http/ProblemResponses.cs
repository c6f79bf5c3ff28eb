using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Reporting.Azure.Storage;
using Reporting.Core.Abstractions;
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
                return (503, Body(503, "服务暂时不可用", e.Message, instance, null));
            case var e when StorageFaults.IsUnavailable(e):
                return (503, Body(503, "服务暂时不可用", StorageUnavailable, instance, null));
            case ConcurrencyConflictException:
                return (409, Body(409, "操作与当前状态冲突", "同一内容正被他人同时修改，本次操作未完成，请稍后重试。", instance, null));
            case ReportingException e:
                return (StatusFor(e.Kind), Body(StatusFor(e.Kind), RefusalWording.Title(e), RefusalWording.Detail(e), instance,
                    e.Errors.Count > 0 ? RefusalWording.FieldErrors(e) : null));
            case BadHttpRequestException e when e.StatusCode == StatusCodes.Status413PayloadTooLarge:
                return (413, Body(413, "请求过大", "提交的内容超过了大小上限。", instance, null));
            case BadHttpRequestException or InvalidDataException or JsonException or FormatException:
                return (400, Body(400, "请求格式有误", "无法读取提交的内容，请检查格式后重试。", instance, null));
            case OperationCanceledException:
                return (499, Body(499, "请求已取消", "客户端取消了请求。", instance, null));
            default:
                return (500, Body(500, "服务器内部错误", "处理请求时出现意外错误，已记录日志，请稍后重试。", instance, null));
        }
    }

    private static readonly TimeSpan StorageRetryAfter = TimeSpan.FromSeconds(5);
    // "May not have completed": a call that timed out can still land once storage wakes up.
    private static readonly string StorageUnavailable = $"存储服务暂时无法访问或响应超时，本次操作可能未完成，请在 {StorageRetryAfter.TotalSeconds:F0} 秒后重试。";

    /// <summary>How long a caller should wait before repeating the request, for the refusals that a repeat can cure.</summary>
    public static TimeSpan? RetryAfter(Exception exception) => exception switch
    {
        TemporarilyUnavailableException e => e.RetryAfter,
        ConcurrencyConflictException => TimeSpan.FromSeconds(1),
        var e when StorageFaults.IsUnavailable(e) => StorageRetryAfter,
        _ => null,
    };

    public static async Task WriteAsync(HttpContext context, Exception exception, ILogger logger)
    {
        // A cancellation the caller did not ask for is a storage call that ran out of time.
        if (exception is OperationCanceledException && !context.RequestAborted.IsCancellationRequested)
            exception = new TemporarilyUnavailableException(StorageUnavailable, StorageRetryAfter, exception);
        var (status, body) = Describe(exception, context.Request.Path);
        if (status >= 500) logger.LogError(exception, "Request {Method} {Path} failed", context.Request.Method, context.Request.Path);
        else logger.LogInformation("Request {Method} {Path} refused with {Status}: {Reason}", context.Request.Method, context.Request.Path, status, exception.Message);
        if (context.Response.HasStarted) return;
        context.Response.Clear();
        context.Response.StatusCode = status;
        if (RetryAfter(exception) is { } wait) context.Response.Headers.RetryAfter = Math.Ceiling(wait.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
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

    private static object Body(int status, string title, string detail, string instance, IReadOnlyDictionary<string, string[]>? errors) =>
        errors is null
            ? new { type = "about:blank", title, status, detail, instance }
            : new { type = "about:blank", title, status, detail, instance, errors };
}

