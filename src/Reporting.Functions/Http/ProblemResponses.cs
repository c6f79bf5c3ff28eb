using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Reporting.Core.Errors;

namespace Reporting.Functions.Http;

/// <summary>
/// Turns any exception from an HTTP function into RFC 9457 application/problem+json with a zh-CN message.
/// Refusals of the caller's input are 4xx; anything else is a 500 that says nothing of the internals.
/// </summary>
public static class ProblemResponses
{
    public static (int Status, object Body) Describe(Exception exception, string instance)
    {
        switch (exception)
        {
            case ReportingException e:
                return (StatusFor(e.Kind), Body(StatusFor(e.Kind), e.Title, e.Detail, instance, e.Errors.Count > 0 ? e.Errors : null));
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

    public static async Task WriteAsync(HttpContext context, Exception exception, ILogger logger)
    {
        var (status, body) = Describe(exception, context.Request.Path);
        if (status >= 500) logger.LogError(exception, "Request {Method} {Path} failed", context.Request.Method, context.Request.Path);
        else logger.LogInformation("Request {Method} {Path} refused with {Status}: {Reason}", context.Request.Method, context.Request.Path, status, exception.Message);
        if (context.Response.HasStarted) return;
        context.Response.Clear();
        context.Response.StatusCode = status;
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

