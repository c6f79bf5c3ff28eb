using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Xunit;

namespace Reporting.EndToEnd.Tests;

/// <summary>The browser side: cross-site posts refused, the sign-in cookie's attributes, security headers on every page, everything echoed encoded.</summary>
[Collection(LocalHostCollection.Name)]
public sealed class BrowserSideTests(LocalHostFixture app)
{
    private const string Script = "<script>alert(1)</script>";

    [Theory]
    [InlineData("Sec-Fetch-Site", "cross-site")]
    [InlineData("Sec-Fetch-Site", "same-site")]
    [InlineData("Origin", "http://evil.example")]
    [InlineData("Origin", "null")]
    public async Task A_cross_site_form_post_riding_on_the_cookie_is_refused_with_403_and_stores_nothing(string header, string value)
    {
        var before = await app.CountDraftRowsAsync();
        using var request = await FormPostAsync("kgj-author");
        request.Headers.Add(header, value);

        using var response = await app.Anonymous.SendAsync(request);

        var problem = await BadInputTests.AssertProblemAsync(response, HttpStatusCode.Forbidden, $"{header}: {value}");
        Assert.Contains("跨站", problem.GetProperty("detail").GetString());
        Assert.Equal(before, await app.CountDraftRowsAsync());
    }

    [Fact]
    public async Task A_same_origin_form_post_with_the_cookie_is_accepted()
    {
        using var request = await FormPostAsync("kgj-author");
        request.Headers.Add("Origin", app.Host.BaseAddress.GetLeftPart(UriPartial.Authority));
        request.Headers.Add("Sec-Fetch-Site", "same-origin");

        using var response = await app.Anonymous.SendAsync(request);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var page = await response.Content.ReadAsStringAsync();
        Assert.Contains("魏都区科学技术和工业信息化局", page); // names people read, not the codes kgj / other
        Assert.Contains("“五、其他需要报告的情况”，第", page);
        Assert.DoesNotContain("“other”", page);
    }

    [Fact]
    public async Task The_sign_in_cookie_is_HttpOnly_SameSite_Lax_and_a_tampered_one_signs_nobody_in()
    {
        using var response = await app.Anonymous.SendAsync(SignInPost("kgj-author", "/api/form"));
        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.Equal("/api/form", response.Headers.Location?.ToString());
        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("kgj-author", cookie);

        var value = cookie[..cookie.IndexOf(';')];
        using var tampered = new HttpRequestMessage(HttpMethod.Get, "api/reports/2023/kgj");
        tampered.Headers.Add("Cookie", value[..^4] + "AAAA");
        using var refused = await app.Anonymous.SendAsync(tampered);
        await BadInputTests.AssertProblemAsync(refused, HttpStatusCode.Unauthorized, "tampered cookie");
    }

    [Theory]
    [InlineData("https://evil.example/")]
    [InlineData("//evil.example/")]
    [InlineData("/\\evil.example/")]
    public async Task Signing_in_never_redirects_off_the_app(string returnUrl)
    {
        using var response = await app.Anonymous.SendAsync(SignInPost("kgj-author", returnUrl));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode); // refused, not quietly sent elsewhere
        Assert.Null(response.Headers.Location);
        Assert.False(response.Headers.Contains("Set-Cookie"));
    }

    /// <summary>The sign-in page's form post, as the browser sends it from the page.</summary>
    private HttpRequestMessage SignInPost(string user, string returnUrl)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "api/dev/sign-in")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["user"] = user, ["returnUrl"] = returnUrl }),
        };
        request.Headers.Add("Origin", app.Host.BaseAddress.GetLeftPart(UriPartial.Authority));
        request.Headers.Add("Sec-Fetch-Site", "same-origin");
        return request;
    }

    [Fact]
    public async Task A_forged_App_Service_principal_is_ignored_outside_App_Service()
    {
        var principal = Convert.ToBase64String(
            Encoding.UTF8.GetBytes("""{"auth_typ":"aad","claims":[{"typ":"oid","val":"office-admin"},{"typ":"name","val":"冒名者"}]}"""));
        using var request = new HttpRequestMessage(HttpMethod.Get, "api/members");
        request.Headers.Add("X-MS-CLIENT-PRINCIPAL", principal);
        using var response = await app.Anonymous.SendAsync(request);
        await BadInputTests.AssertProblemAsync(response, HttpStatusCode.Unauthorized, "forged principal");
    }

    [Fact]
    public async Task Every_HTML_response_carries_the_security_headers_and_its_only_script_is_the_hashed_one()
    {
        var cookie = await app.SignInCookieAsync("kgj-author");
        var pages = new List<HttpResponseMessage>
        {
            await app.Anonymous.SendAsync(WithCookie(new HttpRequestMessage(HttpMethod.Get, "api/form"), cookie)),
            await app.Anonymous.GetAsync("api/dev/sign-in"),
            await app.Anonymous.SendAsync(WithCookie(await FormPostAsync("kgj-author"), cookie)),
        };
        foreach (var page in pages)
        {
            Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
            var csp = string.Join(";", page.Headers.GetValues("Content-Security-Policy"));
            Assert.Contains("frame-ancestors 'none'", csp);
            Assert.Contains("default-src 'none'", csp);
            Assert.DoesNotContain("unsafe-inline", csp);
            Assert.DoesNotContain("unsafe-eval", csp);
            Assert.Equal("nosniff", page.Headers.GetValues("X-Content-Type-Options").Single());
            Assert.Equal("same-origin", page.Headers.GetValues("Referrer-Policy").Single());
            var html = await page.Content.ReadAsStringAsync();
            foreach (Match script in Regex.Matches(html, "<script>(.*?)</script>", RegexOptions.Singleline))
                Assert.Contains($"'sha256-{Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(script.Groups[1].Value)))}'", csp);
            foreach (Match style in Regex.Matches(html, "<style>(.*?)</style>", RegexOptions.Singleline))
                Assert.Contains($"'sha256-{Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(style.Groups[1].Value)))}'", csp);
            page.Dispose();
        }
    }

    [Fact]
    public async Task A_script_in_every_field_a_page_could_echo_comes_back_encoded_or_refused()
    {
        var cookie = await app.SignInCookieAsync("kgj-author");
        var escaped = Uri.EscapeDataString(Script);
        var echoes = new List<HttpRequestMessage>
        {
            WithCookie(new HttpRequestMessage(HttpMethod.Get, $"api/form?year={escaped}&department={escaped}&section={escaped}"), cookie),
            new(HttpMethod.Get, $"api/dev/sign-in?returnUrl=%2F{escaped}"),
        };
        // Every field of a form post at once (an accepted one: the script sits in the body, where it is just text).
        var post = WithCookie(await FormPostAsync("kgj-author", body: "正文" + Script, author: Script), cookie);
        echoes.Add(post);
        foreach (var field in new[] { "year", "department", "section" })
            echoes.Add(WithCookie(await FormPostAsync("kgj-author", overrideField: (field, Script)), cookie));

        foreach (var request in echoes)
        {
            using var response = await app.Anonymous.SendAsync(request);
            var text = await response.Content.ReadAsStringAsync();
            Assert.True((int)response.StatusCode < 500, $"{request.RequestUri}: {(int)response.StatusCode}");
            Assert.DoesNotContain(Script, text);
            Assert.DoesNotContain(Script, response.Headers.Location?.ToString() ?? "");
            if (response.Content.Headers.ContentType?.MediaType != "text/html")
                Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }
    }

    private static int _posts;

    /// <summary>
    /// A form post of 科工局's part 五 for 2017; by default with a text no post of this class sent before (the part's newest text again is refused).
    /// </summary>
    private async Task<HttpRequestMessage> FormPostAsync(string user, string? body = null, string author = "",
        (string Field, string Value)? overrideField = null)
    {
        body ??= $"其他有关情况（第 {Interlocked.Increment(ref _posts)} 次提交）。";
        var fields = new Dictionary<string, string> { ["year"] = "2017", ["department"] = "kgj", ["section"] = "other", ["body"] = body, ["author"] = author };
        if (overrideField is { } o) fields[o.Field] = o.Value;
        var request = new HttpRequestMessage(HttpMethod.Post, "api/drafts") { Content = new FormUrlEncodedContent(fields) };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/html"));
        request.Headers.Add("Cookie", await app.SignInCookieAsync(user));
        return request;
    }

    private static HttpRequestMessage WithCookie(HttpRequestMessage request, string cookie)
    {
        request.Headers.Remove("Cookie");
        request.Headers.Add("Cookie", cookie);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/html"));
        return request;
    }
}
