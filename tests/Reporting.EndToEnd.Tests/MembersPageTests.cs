using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Xunit;

namespace Reporting.EndToEnd.Tests;

/// <summary>成员管理 in Debian's Chromium: add, change and remove a member with plain forms, seen in GET /api/members afterwards.</summary>
[Collection(LocalHostCollection.Name)]
public sealed class MembersPageTests(LocalHostFixture app)
{
    private const string Admin = "office-admin";

    [Fact]
    public async Task An_administrator_adds_changes_and_removes_a_member_on_the_page()
    {
        var user = "zhao6-page-" + Guid.NewGuid().ToString("N")[..6];
        await using var chromium = await app.Chromium.LeaseAsync();
        var browser = chromium.Browser;
        var page = await BrowserPages.SignedInAsync(app, browser, Admin, "api/admin/members", 1280);

        // The configured members are listed by name, role and department in words; the nav bar offers both office pages.
        Assert.Equal(["我的待办", "本部门报告", "全区总览", "成员管理", "印章管理"], await page.Locator("nav a").AllInnerTextsAsync());
        var kgj = await Cells(page, "kgj-author");
        Assert.Equal(["kgj-author", "起草人", "魏都区科学技术和工业信息化局", "配置"], kgj[..4]);
        Assert.Equal("科工局起草人", await page.InnerTextAsync("tr:has(td.uid:text-is('kgj-author')) th"));
        await BrowserPages.CheckAsync(page, "members-admin-1280", ".uid");

        // Add.
        await page.FillAsync("#userId", user);
        await page.SelectOptionAsync("#role", new SelectOptionValue { Label = "起草人" });
        await page.SelectOptionAsync("#department", new SelectOptionValue { Label = "魏都区教育局" });
        await page.ClickAsync("button:text-is('保存')");
        await BrowserPages.ArrivedAsync(page, new Regex(@"/api/admin/members\?saved=[^/]*$"));
        Assert.Contains($"已保存成员 {user}", await page.InnerTextAsync("[role=status]"));
        Assert.Equal([user, "起草人", "魏都区教育局", "数据表"], (await Cells(page, user))[..4]);
        Assert.Equal(("author", "jyj"), await StoredAsync(user));
        await BrowserPages.CheckAsync(page, "members-admin-saved-1280", ".uid");

        // Change: the row's 修改 fills the form (with the ETag it read), the role becomes 审核人.
        await page.ClickAsync($"tr:has(td.uid:text-is('{user}')) a:text-is('修改')");
        Assert.Equal(user, await page.InputValueAsync("#userId"));
        Assert.Equal("jyj", await page.InputValueAsync("#department"));
        await page.SelectOptionAsync("#role", new SelectOptionValue { Label = "审核人" });
        await page.ClickAsync("button:text-is('保存')");
        await BrowserPages.ArrivedAsync(page, new Regex(@"/api/admin/members\?saved=[^/]*$"));
        Assert.Equal("审核人", (await Cells(page, user))[1]);
        Assert.Equal(("approver", "jyj"), await StoredAsync(user));

        // Remove.
        await page.ClickAsync($"tr:has(td.uid:text-is('{user}')) button:text-is('删除')");
        await BrowserPages.ArrivedAsync(page, new Regex(@"/api/admin/members\?removed=[^/]*$"));
        Assert.Contains($"已删除成员 {user}", await page.InnerTextAsync("[role=status]"));
        Assert.Equal(0, await page.Locator($"td.uid:text-is('{user}')").CountAsync());
        Assert.Null(await StoredAsync(user));

        var narrow = await BrowserPages.SignedInAsync(app, browser, Admin, "api/admin/members", 390);
        await BrowserPages.CheckAsync(narrow, "members-admin-390", ".uid");
    }

    [Fact]
    public async Task Bad_input_and_a_stale_edit_show_the_reason_and_store_nothing()
    {
        var user = "qian7-page-" + Guid.NewGuid().ToString("N")[..6];
        await using var chromium = await app.Chromium.LeaseAsync();
        var browser = chromium.Browser;
        var page = await BrowserPages.SignedInAsync(app, browser, Admin, "api/admin/members", 390);

        // An author without a department.
        await page.FillAsync("#userId", user);
        await page.SelectOptionAsync("#role", new SelectOptionValue { Label = "起草人" });
        var refused = await SaveAsync(page);
        Assert.Equal(400, refused.Status);
        Assert.Contains("起草人和审核人须属于一个部门", await page.InnerTextAsync("[role=alert]"));
        Assert.Equal(user, await page.InputValueAsync("#userId"));
        Assert.Null(await StoredAsync(user));
        await BrowserPages.CheckAsync(page, "members-admin-refused-390", ".uid");

        // A user id that cannot be one.
        await page.FillAsync("#userId", "张三 <b>");
        await page.SelectOptionAsync("#department", new SelectOptionValue { Label = "魏都区教育局" });
        refused = await SaveAsync(page);
        Assert.Equal(400, refused.Status);
        Assert.Contains("用户标识只能由字母、数字", await page.InnerTextAsync("[role=alert]"));

        // Another administrator changes the member between this one's reading and saving: 409, the other change stands.
        using (var put = await app.ClientAs(Admin).PutAsync($"api/members/{user}", Json("""{"role":"author","department":"kgj"}""")))
            Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        await page.GotoAsync(new Uri(app.Host.BaseAddress, $"api/admin/members?edit={user}").ToString());
        using (var put = await app.ClientAs(Admin).PutAsync($"api/members/{user}", Json("""{"role":"approver","department":"kgj"}""")))
            Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        await page.SelectOptionAsync("#role", new SelectOptionValue { Label = "区法治办工作人员" });
        refused = await SaveAsync(page);
        Assert.Equal(409, refused.Status);
        Assert.Contains("已被其他管理员修改", await page.InnerTextAsync("[role=alert]"));
        Assert.Equal(("approver", "kgj"), await StoredAsync(user));
        using (var delete = await app.ClientAs(Admin).DeleteAsync($"api/members/{user}"))
            Assert.Equal(HttpStatusCode.NoContent, delete.StatusCode);
    }

    [Fact]
    public async Task Only_an_administrator_may_see_or_post_and_a_cross_site_post_is_refused()
    {
        await using var chromium = await app.Chromium.LeaseAsync();
        var browser = chromium.Browser;
        foreach (var user in new[] { LocalHostFixture.Office, "kgj-approver" })
        {
            var page = await BrowserPages.NewPageAsync(browser, 1280);
            await BrowserPages.SignInAsync(app, page, user);
            var response = await page.GotoAsync(new Uri(app.Host.BaseAddress, "api/admin/members").ToString());
            Assert.Equal(403, response!.Status);
            Assert.Contains("无权", await page.InnerTextAsync("h1"));
            Assert.DoesNotContain("成员管理", await page.InnerTextAsync("nav"));
            if (user == LocalHostFixture.Office)
            {
                Assert.Contains("全区总览", await page.InnerTextAsync("nav"));
                await BrowserPages.CheckAsync(page, "members-office-refused-1280");
            }
        }

        const string user2 = "sun8-page-csrf";
        using (var staff = await app.ClientAs(LocalHostFixture.Office).PostAsync("api/admin/members", Form(user2)))
            Assert.Equal(HttpStatusCode.Forbidden, staff.StatusCode);
        var crossSite = new HttpRequestMessage(HttpMethod.Post, "api/admin/members") { Content = Form(user2) };
        crossSite.Headers.Add("Sec-Fetch-Site", "cross-site");
        using (var forged = await app.ClientAs(Admin).SendAsync(crossSite))
            Assert.Equal(HttpStatusCode.Forbidden, forged.StatusCode);
        var otherOrigin = new HttpRequestMessage(HttpMethod.Post, "api/admin/members") { Content = Form(user2) };
        otherOrigin.Headers.Add("Origin", "https://evil.example");
        using (var forged = await app.ClientAs(Admin).SendAsync(otherOrigin))
            Assert.Equal(HttpStatusCode.Forbidden, forged.StatusCode);
        Assert.Null(await StoredAsync(user2));
    }

    /// <summary>Clicks 保存 and returns the answer to the form post (a refusal is shown on the page with its status).</summary>
    private static Task<IResponse> SaveAsync(IPage page) =>
        page.RunAndWaitForResponseAsync(() => page.ClickAsync("button:text-is('保存')"), r => r.Request.Method == "POST" && r.Url.Contains("/admin/members"));

    private static FormUrlEncodedContent Form(string user) =>
        new(new Dictionary<string, string> { ["action"] = "save", ["userId"] = user, ["role"] = "office-admin" });

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    /// <summary>The member's row after its name: 用户标识, 角色, 部门, 来源, 操作.</summary>
    private static async Task<string[]> Cells(IPage page, string user) =>
        (await page.Locator($"tr:has(td.uid:text-is('{user}')) td").AllInnerTextsAsync()).Select(c => c.Trim()).ToArray();

    /// <summary>The member as GET /api/members lists it (stored rows only), or null.</summary>
    private async Task<(string Role, string? Department)?> StoredAsync(string user)
    {
        var list = JsonDocument.Parse(await app.ClientAs(Admin).GetStringAsync("api/members")).RootElement;
        return list.EnumerateArray().Where(m => m.GetProperty("userId").GetString() == user && m.GetProperty("source").GetString() == "stored")
            .Select(m => ((string Role, string? Department)?)(m.GetProperty("role").GetString()!, m.GetProperty("department").GetString()))
            .FirstOrDefault();
    }
}
