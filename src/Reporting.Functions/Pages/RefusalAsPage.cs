using Microsoft.AspNetCore.Http;
using Reporting.Functions.Http;

namespace Reporting.Functions.Pages;

/// <summary>
/// Marks a request a person makes from a page (a page route, a page's form post, a download or decision asked for as
/// text/html): a refusal of it is answered as a zh-CN page by <see cref="ProblemMiddleware"/> instead of problem+json.
/// A function marks it once it knows who is asking, so a refusal before that (not signed in, a cross-site post) keeps
/// the JSON API's answer.
/// </summary>
/// <param name="NotFound">What the URL names, in words, for a 404 (“2023 年科工局报告的第 2 版 PDF”); null: the generic wording.</param>
/// <param name="Back">Where the page's link leads back; null: 我的待办.</param>
/// <param name="BackText">The link's text.</param>
public sealed record RefusalAsPage(string? NotFound = null, string? Back = null, string? BackText = null)
{
    private static readonly object Key = new();

    public void Mark(HttpRequest request) => request.HttpContext.Items[Key] = this;

    /// <summary>How a refusal of <paramref name="request"/> is shown, or null when it is answered as problem+json.</summary>
    public static RefusalAsPage? Of(HttpRequest request) => request.HttpContext.Items.TryGetValue(Key, out var marked) ? marked as RefusalAsPage : null;
}
