using System.Net;
using System.Net.Http.Headers;
using Xunit;

namespace Reporting.EndToEnd.Tests;

/// <summary>
/// The development sign-in never sends a browser off the site and never signs anyone in from a link: return URLs are
/// this app's paths only (refused with 400 otherwise, whatever a browser would make of them), and only a same-origin
/// POST from the sign-in page signs in.
/// </summary>
[Collection(LocalHostCollection.Name)]
public sealed class SignInStaysHomeTests(LocalHostFixture app)
{
    /// <summary>Each a return URL a browser would follow off the site, or a value no local path has.</summary>
    public static TheoryData<string> OddReturnUrls() => new()
    {
        "/\t/evil.example:8080/", // a browser drops the tab and reads //evil.example
        "/\n/evil.example/",
        "/\r\n/evil.example/",
        "\t//evil.example/",
        "https://evil.example/",
        "//evil.example/",
        "/\\evil.example/",
        "\\\\evil.example/",
        "/api/中文",
        "/api/todo\nX-Injected: 1",
        "/api/todo\u0000",
        "/api/todo\u007f",
        "javascript:alert(1)",
        "api/todo",
        " /api/todo",
        "/<script>alert(1)</script>",
    };

    [Theory]
    [MemberData(nameof(OddReturnUrls))]
    public async Task An_odd_return_url_is_refused_with_400_on_the_page_and_on_the_post_and_signs_nobody_in(string returnUrl)
    {
        var escaped = Uri.EscapeDataString(returnUrl);
        using (var page = await app.Anonymous.GetAsync($"api/dev/sign-in?returnUrl={escaped}"))
        {
            Assert.Equal(HttpStatusCode.BadRequest, page.StatusCode);
            Assert.Null(page.Headers.Location);
        }
        using var post = await app.Anonymous.SendAsync(SignInPost("kgj-author", returnUrl, sameOrigin: true));
        Assert.Equal(HttpStatusCode.BadRequest, post.StatusCode);
        Assert.Null(post.Headers.Location);
        Assert.False(post.Headers.Contains("Set-Cookie"), "a refused sign-in set a cookie");
    }

    [Fact]
    public async Task The_return_url_with_a_tab_is_refused_as_sent_by_a_bare_socket()
    {
        // What the finding sent: %09 in the query string; the answer once was "Location: /\t/127.0.0.1:…/".
        var response = await RawHttp.GetAsync(app.Anonymous, "api/dev/sign-in?user=kgj-author&returnUrl=%2F%09%2F127.0.0.1%3A9%2F");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(response.Headers.Location);
        Assert.False(response.Headers.Contains("Set-Cookie"));
    }

    [Fact]
    public async Task A_get_with_a_user_only_lists_the_users_and_sets_no_cookie()
    {
        using var response = await app.Anonymous.GetAsync("api/dev/sign-in?user=kgj-author&returnUrl=%2Fapi%2Fform");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(response.Headers.Contains("Set-Cookie"), "a GET (a link, an image on another site) signed a browser in");
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("method=\"post\"", html);
        Assert.Contains("科工局起草人", html);
        Assert.Contains("value=\"/api/form\"", html); // the return URL rides in the form, checked again on the post
    }

    [Theory]
    [InlineData("Sec-Fetch-Site", "cross-site")]
    [InlineData("Sec-Fetch-Site", "same-site")]
    [InlineData("Origin", "http://evil.example")]
    public async Task A_cross_site_sign_in_post_is_refused_with_403_and_sets_no_cookie(string header, string value)
    {
        using var request = SignInPost("kgj-author", "/api/form", sameOrigin: false);
        request.Headers.Add(header, value);
        using var response = await app.Anonymous.SendAsync(request);
        var problem = await BadInputTests.AssertProblemAsync(response, HttpStatusCode.Forbidden, $"{header}: {value}");
        Assert.Contains("跨站", problem.GetProperty("detail").GetString());
        Assert.False(response.Headers.Contains("Set-Cookie"));
    }

    [Fact]
    public async Task A_same_origin_post_signs_in_and_goes_back_to_the_local_path()
    {
        using var response = await app.Anonymous.SendAsync(SignInPost("kgj-author", "/api/form?year=2023&department=kgj", sameOrigin: true));
        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.Equal("/api/form?year=2023&department=kgj", response.Headers.Location?.ToString());
        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"));

        using var form = new HttpRequestMessage(HttpMethod.Get, "api/form");
        form.Headers.Add("Cookie", cookie[..cookie.IndexOf(';')]);
        form.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/html"));
        using var page = await app.Anonymous.SendAsync(form);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("科工局起草人", await page.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task An_unknown_user_in_the_post_is_refused_with_400()
    {
        using var response = await app.Anonymous.SendAsync(SignInPost("nobody-here", "/api/form", sameOrigin: true));
        await BadInputTests.AssertProblemAsync(response, HttpStatusCode.BadRequest, "unknown user");
        Assert.False(response.Headers.Contains("Set-Cookie"));
    }

    /// <summary>The sign-in page's form post; <paramref name="sameOrigin"/> adds what a browser sends from the page itself.</summary>
    private HttpRequestMessage SignInPost(string user, string returnUrl, bool sameOrigin)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "api/dev/sign-in")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["user"] = user, ["returnUrl"] = returnUrl }),
        };
        if (sameOrigin)
        {
            request.Headers.Add("Origin", app.Host.BaseAddress.GetLeftPart(UriPartial.Authority));
            request.Headers.Add("Sec-Fetch-Site", "same-origin");
        }
        return request;
    }
}
