using System.Net;
using System.Net.Http.Headers;
using Xunit;

namespace Reporting.EndToEnd.Tests;

/// <summary>Requests as a signed-in browser makes them without a script: a page read, and a page's form posted from the same origin.</summary>
internal static class SignedInRequests
{
    /// <summary>The page at <paramref name="path"/> (200 or the test fails), as the person whose sign-in <paramref name="cookie"/> carries.</summary>
    public static async Task<string> PageAsync(LocalHostFixture app, string cookie, string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/html"));
        request.Headers.Add("Cookie", cookie);
        using var response = await app.Anonymous.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {(int)response.StatusCode} {text}");
        return text;
    }

    /// <summary>A page's form posted to <paramref name="path"/> (no redirect followed): what the browser gets back.</summary>
    public static Task<HttpResponseMessage> PostFormAsync(LocalHostFixture app, string cookie, string path, Dictionary<string, string> fields)
    {
        var post = new HttpRequestMessage(HttpMethod.Post, path) { Content = new FormUrlEncodedContent(fields) };
        post.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/html"));
        post.Headers.Add("Cookie", cookie);
        post.Headers.Add("Origin", app.Host.BaseAddress.GetLeftPart(UriPartial.Authority));
        post.Headers.Add("Sec-Fetch-Site", "same-origin");
        return app.Anonymous.SendAsync(post);
    }
}
