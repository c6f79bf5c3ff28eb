using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

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
    };

    private readonly Func<HttpResponse, Task> _write;

    private ApiResult(int status, Func<HttpResponse, Task> write)
    {
        Status = status;
        _write = write;
    }

    public int Status { get; }

    public static ApiResult JsonBody(object value, int status = StatusCodes.Status200OK, string? location = null) => new(status, async response =>
    {
        if (location is not null) response.Headers.Location = location;
        response.ContentType = "application/json; charset=utf-8";
        await JsonSerializer.SerializeAsync(response.Body, value, value.GetType(), Json);
    });

    public static ApiResult Html(string html, int status = StatusCodes.Status200OK, string? location = null) => new(status, async response =>
    {
        if (location is not null) response.Headers.Location = location;
        response.ContentType = "text/html; charset=utf-8";
        await response.WriteAsync(html);
    });

    public static ApiResult Redirect(Uri target) => new(StatusCodes.Status302Found, response =>
    {
        response.Headers.Location = target.ToString();
        response.Headers.CacheControl = "no-store";
        return Task.CompletedTask;
    });

    public async Task ExecuteResultAsync(ActionContext context)
    {
        context.HttpContext.Response.StatusCode = Status;
        await _write(context.HttpContext.Response);
    }
}
