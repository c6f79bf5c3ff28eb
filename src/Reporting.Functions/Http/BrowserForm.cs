using Microsoft.AspNetCore.Http;

namespace Reporting.Functions.Http;

/// <summary>Tells a page's plain HTML form post (answered with 303 to a page) from an API client (answered with JSON).</summary>
public static class BrowserForm
{
    /// <summary>A form body sent by something that asks for HTML and not for JSON: a browser submitting a &lt;form&gt;.</summary>
    public static bool IsPost(HttpRequest request)
    {
        var accept = request.Headers.Accept.ToString();
        return request.HasFormContentType
            && accept.Contains("text/html", StringComparison.OrdinalIgnoreCase)
            && !accept.Contains("application/json", StringComparison.OrdinalIgnoreCase);
    }
}
