using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Xunit;

namespace Reporting.EndToEnd.Tests;

/// <summary>
/// Values that once made the server fail with 500 (a user id ending in a line feed, an ETag that is no ETag) are
/// refused with a 4xx (problem+json, or the zh-CN page for a page's form) and change nothing.
/// </summary>
[Collection(LocalHostCollection.Name)]
public sealed class OddValuesNeverFailTests(LocalHostFixture app)
{
    private const string Admin = "office-admin";

    [Theory]
    [InlineData("probe-lf%0A")]
    [InlineData("probe-crlf%0D%0A")]
    [InlineData("probe%0Alf")]
    [InlineData("probe-tab%09")]
    public async Task A_user_id_with_a_line_feed_or_control_character_is_refused_with_400_and_stores_nothing(string escapedId)
    {
        var admin = app.ClientAs(Admin);
        using (var put = await admin.PutAsync($"api/members/{escapedId}", Json("""{"role":"office"}""")))
        {
            var problem = await BadInputTests.AssertProblemAsync(put, HttpStatusCode.BadRequest, escapedId);
            Assert.Contains("用户标识", problem.GetProperty("detail").GetString() + problem.GetRawText());
        }
        using (var get = await admin.GetAsync($"api/members/{escapedId}"))
            Assert.InRange((int)get.StatusCode, 400, 499);
        using (var delete = await admin.DeleteAsync($"api/members/{escapedId}"))
            Assert.InRange((int)delete.StatusCode, 400, 499);
        var list = JsonDocument.Parse(await admin.GetStringAsync("api/members")).RootElement;
        Assert.DoesNotContain(list.EnumerateArray(), m => m.GetProperty("userId").GetString()!.StartsWith("probe", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("garbage")]
    [InlineData("W/\"garbage\"")]
    [InlineData("\"\"")]
    public async Task An_if_match_that_is_no_etag_of_the_member_is_refused_with_a_4xx_and_changes_nothing(string ifMatch)
    {
        var user = "odd-etag-api-" + Guid.NewGuid().ToString("N")[..6];
        var admin = app.ClientAs(Admin);
        using (var put = await admin.PutAsync($"api/members/{user}", Json("""{"role":"author","department":"kgj"}""")))
            Assert.Equal(HttpStatusCode.OK, put.StatusCode);

        using var change = new HttpRequestMessage(HttpMethod.Put, $"api/members/{user}") { Content = Json("""{"role":"approver","department":"jyj"}""") };
        change.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        using var response = await admin.SendAsync(change);

        Assert.InRange((int)response.StatusCode, 400, 499);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(("author", "kgj"), await StoredAsync(user));
    }

    [Fact]
    public async Task The_members_form_with_a_garbage_etag_shows_the_reason_on_the_page_and_changes_nothing()
    {
        var user = "odd-etag-form-" + Guid.NewGuid().ToString("N")[..6];
        using (var put = await app.ClientAs(Admin).PutAsync($"api/members/{user}", Json("""{"role":"author","department":"kgj"}""")))
            Assert.Equal(HttpStatusCode.OK, put.StatusCode);

        using var post = new HttpRequestMessage(HttpMethod.Post, "api/admin/members")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["action"] = "save", ["userId"] = user, ["role"] = "approver", ["department"] = "jyj", ["etag"] = "garbage",
            }),
        };
        post.Headers.Add("Cookie", await app.SignInCookieAsync(Admin));
        post.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/html"));
        post.Headers.Add("Origin", app.Host.BaseAddress.GetLeftPart(UriPartial.Authority));
        post.Headers.Add("Sec-Fetch-Site", "same-origin");
        using var response = await app.Anonymous.SendAsync(post);

        Assert.InRange((int)response.StatusCode, 400, 499);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("成员管理", await response.Content.ReadAsStringAsync());
        Assert.Equal(("author", "kgj"), await StoredAsync(user));
    }

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    private async Task<(string Role, string? Department)?> StoredAsync(string user)
    {
        var list = JsonDocument.Parse(await app.ClientAs(Admin).GetStringAsync("api/members")).RootElement;
        return list.EnumerateArray().Where(m => m.GetProperty("userId").GetString() == user && m.GetProperty("source").GetString() == "stored")
            .Select(m => ((string Role, string? Department)?)(m.GetProperty("role").GetString()!, m.GetProperty("department").GetString()))
            .FirstOrDefault();
    }
}
