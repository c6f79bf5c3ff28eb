using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Reporting.Functions.Pages;

namespace Reporting.Functions.Http;

/// <summary>
/// Results that write themselves straight to the response, so the same function code runs under the
/// Functions host and under Reporting.LocalHost without MVC's result executors.
/// </summary>
public sealed class ApiResult : IActionResult
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        WriteIndented = true,
        // Every timestamp is ISO 8601 with its offset: DateTimeOffset is by default; a DateTime would lose its zone.
        Converters = { new OffsetDateTimeConverter() },
    };

    private readonly Func<HttpResponse, Task> _write;

    private readonly bool _html;
    private readonly string? _policy;

    private ApiResult(int status, Func<HttpResponse, Task> write, bool html = false, string? policy = null)
    {
        Status = status;
        _write = write;
        _html = html;
        _policy = policy;
    }

    public int Status { get; }

    public static ApiResult JsonBody(object value, int status = StatusCodes.Status200OK, string? location = null) => new(status, async response =>
    {
        if (location is not null) response.Headers.Location = location;
        response.ContentType = "application/json; charset=utf-8";
        await JsonSerializer.SerializeAsync(response.Body, value, value.GetType(), Json);
    });

    /// <param name="policy">A Content-Security-Policy other than every page's (<see cref="HtmlPage.PolicyWithFormsTo"/>).</param>
    public static ApiResult Html(string html, int status = StatusCodes.Status200OK, string? location = null, string? policy = null) =>
        new(status, response => WriteHtmlAsync(response, html, location), html: true, policy);

    private static async Task WriteHtmlAsync(HttpResponse response, string html, string? location)
    {
        if (location is not null) response.Headers.Location = location;
        response.ContentType = "text/html; charset=utf-8";
        await response.WriteAsync(html);
    }

    public static ApiResult Redirect(Uri target) => Redirect(target.ToString());

    /// <summary>A redirect within the app (a path) or to a SAS link; never cached.</summary>
    public static ApiResult Redirect(string target) => Redirect(target, StatusCodes.Status302Found);

    /// <summary>After a browser's form post: 303, so the browser GETs the page showing the outcome (reloading it posts nothing again).</summary>
    public static ApiResult SeeOther(string target) => Redirect(target, StatusCodes.Status303SeeOther);

    private static ApiResult Redirect(string target, int status) => new(status, response =>
    {
        response.Headers.Location = target;
        response.Headers.CacheControl = "no-store";
        return Task.CompletedTask;
    });

    /// <summary>A download: <paramref name="fileName"/> may be Chinese (RFC 5987 filename*), <paramref name="asciiName"/> is for old clients.</summary>
    public static ApiResult Download(byte[] content, string contentType, string fileName, string asciiName) => new(StatusCodes.Status200OK, async response =>
    {
        response.ContentType = contentType;
        response.Headers.ContentDisposition = $"attachment; filename=\"{asciiName}\"; filename*=UTF-8''{Uri.EscapeDataString(fileName)}";
        response.Headers.CacheControl = "no-store";
        await response.Body.WriteAsync(content);
    });

    /// <summary>An image shown inline (a seal on 印章管理); never cached, since the newest changes with an upload.</summary>
    public static ApiResult Image(byte[] content, string contentType) => new(StatusCodes.Status200OK, async response =>
    {
        response.ContentType = contentType;
        response.Headers.CacheControl = "no-store";
        await response.Body.WriteAsync(content);
    });

    public static ApiResult NoContent() => new(StatusCodes.Status204NoContent, _ => Task.CompletedTask);

    public Task ExecuteResultAsync(ActionContext context) => WriteAsync(context.HttpContext.Response);

    /// <summary>Writes the result where no action context exists (the worker middleware answering a refusal).</summary>
    public async Task WriteAsync(HttpResponse response)
    {
        response.StatusCode = Status;
        HtmlPage.ApplySecurityHeaders(response, _html, _policy);
        await _write(response);
    }
}
