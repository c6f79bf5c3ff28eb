using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Xunit;

namespace Reporting.EndToEnd.Tests;

/// <summary>成员管理 finds a person by name among those who signed in (recorded when a caller is resolved), without script.</summary>
[Collection(LocalHostCollection.Name)]
public sealed class MemberSearchTests(LocalHostFixture app)
{
    private const string Admin = "office-admin";

    [Fact]
    public async Task A_person_who_signed_in_is_found_by_part_of_their_name_and_choosing_them_fills_the_user_id()
    {
        await using var chromium = await app.Chromium.LeaseAsync();
        var browser = chromium.Browser;
        // 统计局审核人二 signs in through the development sign-in, as a person would.
        var person = await BrowserPages.NewPageAsync(browser, 1280);
        await BrowserPages.SignInAsync(app, person, "tjj-approver2");

        var page = await BrowserPages.SignedInAsync(app, browser, Admin, "api/admin/members", 1280);
        await page.FillAsync("#q", "统计局审核人");
        await page.ClickAsync("button:text-is('查找')");
        await BrowserPages.ArrivedAsync(page, BrowserPages.EndsWith("/api/admin/members?q=" + Uri.EscapeDataString("统计局审核人")));
        var found = page.Locator("ul.people li:has(.uid:text-is('tjj-approver2'))");
        Assert.Equal("统计局审核人二", await found.Locator(".who-name").InnerTextAsync());
        Assert.Contains("已是成员：统计局 审核人", await found.InnerTextAsync());
        await BrowserPages.CheckAsync(page, "members-search-1280", ".uid");

        await found.Locator("a:text-is('选择')").ClickAsync();
        await BrowserPages.ArrivedAsync(page, new Regex(@"pick=tjj-approver2#userId$"));
        Assert.Equal("tjj-approver2", await page.InputValueAsync("#userId"));
        Assert.Equal("姓名：统计局审核人二", await page.InnerTextAsync("#userId-name"));
        Assert.Contains("userId-name", await page.GetAttributeAsync("#userId", "aria-describedby"));

        var narrow = await BrowserPages.SignedInAsync(app, browser, Admin, "api/admin/members?q=" + Uri.EscapeDataString("统计局审核人"), 390);
        await BrowserPages.CheckAsync(narrow, "members-search-390", ".uid");
    }

    [Fact]
    public async Task Nobody_is_found_before_signing_in_and_anyone_is_found_after_their_first_request()
    {
        var stranger = "wu10-search-" + Guid.NewGuid().ToString("N")[..8];
        Assert.DoesNotContain(stranger, await SearchAsync(stranger[..16]));

        // Any request of theirs resolves them as a caller, even one they are refused (they belong nowhere yet).
        using (var todo = await app.ClientAs(stranger).GetAsync("api/todo"))
            Assert.NotEqual(HttpStatusCode.Unauthorized, todo.StatusCode);
        var page = await SearchAsync(stranger[..16]);
        Assert.Contains($"<span class=\"uid\">{stranger}</span>", page);
        Assert.Contains("（1 人）", page);

        // Searching is for administrators: the district office's staff are refused.
        using var staff = await app.ClientAs(LocalHostFixture.Office).GetAsync("api/admin/members?q=" + stranger);
        Assert.Equal(HttpStatusCode.Forbidden, staff.StatusCode);
    }

    private async Task<string> SearchAsync(string text)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "api/admin/members?q=" + Uri.EscapeDataString(text));
        request.Headers.Accept.Clear();
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/html"));
        using var response = await app.ClientAs(Admin).SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }
}
