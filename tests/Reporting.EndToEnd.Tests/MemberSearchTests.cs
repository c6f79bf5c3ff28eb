using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using Azure.Data.Tables;
using Microsoft.Playwright;
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
        // A member already: offered for a change of membership, not added again over it.
        Assert.Contains("已是成员：统计局 审核人", await found.InnerTextAsync());
        Assert.Contains("edit=tjj-approver2", await found.Locator("a:text-is('修改')").GetAttributeAsync("href"));
        await BrowserPages.CheckAsync(page, "members-search-1280", ".uid");
        await found.Locator("a:text-is('修改')").ClickAsync();
        await BrowserPages.ArrivedAsync(page, new Regex(@"edit=tjj-approver2#userId$"));
        Assert.Equal(("tjj-approver2", "approver", "tjj"),
            (await page.InputValueAsync("#userId"), await page.InputValueAsync("#role"), await page.InputValueAsync("#department")));
        Assert.Equal("姓名：统计局审核人二", await page.InnerTextAsync("#userId-name"));
        Assert.Contains("userId-name", await page.GetAttributeAsync("#userId", "aria-describedby"));
        await page.ClickAsync("a:text-is('取消修改')");
        await BrowserPages.ArrivedAsync(page, BrowserPages.EndsWith("/api/admin/members"));

        // Someone who is nobody's member yet signs in (an API client names itself); found by part of the id, 选择 fills the form.
        var stranger = "wu10-pick-" + Guid.NewGuid().ToString("N")[..8];
        using (var todo = await app.ClientAs(stranger).GetAsync("api/todo"))
            Assert.NotEqual(HttpStatusCode.Unauthorized, todo.StatusCode);
        await page.FillAsync("#q", stranger[..14]);
        await page.ClickAsync("button:text-is('查找')");
        await BrowserPages.ArrivedAsync(page, BrowserPages.EndsWith("/api/admin/members?q=" + stranger[..14]));
        await page.ClickAsync($"ul.people li:has(.uid:text-is('{stranger}')) a:text-is('选择')");
        await BrowserPages.ArrivedAsync(page, new Regex($@"pick={stranger}#userId$"));
        Assert.Equal(stranger, await page.InputValueAsync("#userId"));
        await page.SelectOptionAsync("#department", new SelectOptionValue { Label = "魏都区统计局" });
        await page.ClickAsync("button:text-is('保存')");
        await BrowserPages.ArrivedAsync(page, new Regex(@"/api/admin/members\?saved=[^/]*$"));
        Assert.Equal(1, await page.Locator($"td.uid:text-is('{stranger}')").CountAsync());
        using (var delete = await app.ClientAs(Admin).DeleteAsync($"api/members/{stranger}"))
            Assert.Equal(HttpStatusCode.NoContent, delete.StatusCode);

        var narrow = await BrowserPages.SignedInAsync(app, browser, Admin, "api/admin/members?q=" + Uri.EscapeDataString("统计局审核人"), 390);
        await BrowserPages.CheckAsync(narrow, "members-search-390", ".uid");
    }

    [Fact]
    public async Task Nobody_is_found_before_signing_in_and_anyone_is_found_after_their_first_request()
    {
        var stranger = "wu10-search-" + Guid.NewGuid().ToString("N")[..8];
        Assert.Contains("没有姓名或用户标识含", await SearchAsync(stranger[..16]));

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

    [Fact]
    public async Task A_member_who_signed_in_is_listed_by_the_name_they_signed_in_with()
    {
        // As App Service's principal names a person in Azure (the local host's sign-in names only its development users), the register's row.
        var oid = Guid.NewGuid().ToString();
        var name = "欧阳" + oid[..4].ToUpperInvariant();
        var row = new TableEntity("person", oid) { ["Name"] = name, ["LastSignIn"] = DateTimeOffset.UtcNow };
        await app.Storage.Table(app.Storage.Options.SignInsTable).UpsertEntityAsync(row);
        using (var put = await app.ClientAs(Admin).PutAsync($"api/members/{oid}",
            new StringContent("""{"role":"author","department":"tjj"}""", Encoding.UTF8, "application/json")))
            Assert.Equal(HttpStatusCode.OK, put.StatusCode);

        var page = await SearchAsync(name);
        Assert.Contains($"<tr><th scope=\"row\">{name}</th><td class=\"uid\" data-label=\"用户标识\">{oid}</td>", page);
        Assert.Contains($"<span class=\"who-name\">{name}</span> <span class=\"uid\">{oid}</span>", page);
        using (var delete = await app.ClientAs(Admin).DeleteAsync($"api/members/{oid}"))
            Assert.Equal(HttpStatusCode.NoContent, delete.StatusCode);
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
