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

        // Remove: 删除 asks first, 确定删除 removes.
        await page.ClickAsync($"tr:has(td.uid:text-is('{user}')) a:text-is('删除')");
        await BrowserPages.ArrivedAsync(page, new Regex(@"/api/admin/members\?delete=[^/]*$"));
        await page.ClickAsync("button:text-is('确定删除')");
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
        await page.FillAsync("#email", "zhao@example.gov.cn");
        await page.SelectOptionAsync("#role", new SelectOptionValue { Label = "起草人" });
        var refused = await SaveAsync(page);
        Assert.Equal(400, refused.Status);
        // The refusal names the field as the form labels it (部门), above the form and beside the field, which it describes;
        // the form keeps what was typed.
        var alert = await page.InnerTextAsync("[role=alert]");
        Assert.Contains("部门：起草人和审核人须属于一个部门，请选择部门。", alert);
        Assert.DoesNotContain("department", alert);
        Assert.DoesNotContain("部门代码", alert);
        Assert.Equal("部门", await page.InnerTextAsync("label[for=department]"));
        Assert.Equal("部门：起草人和审核人须属于一个部门，请选择部门。", await page.InnerTextAsync("#department-error"));
        Assert.Contains("department-error", await page.GetAttributeAsync("#department", "aria-describedby"));
        Assert.Equal("true", await page.GetAttributeAsync("#department", "aria-invalid"));
        Assert.Null(await page.GetAttributeAsync("#userId", "aria-invalid"));
        Assert.Equal(user, await page.InputValueAsync("#userId"));
        Assert.Equal("author", await page.InputValueAsync("#role"));
        Assert.Equal("zhao@example.gov.cn", await page.InputValueAsync("#email"));
        Assert.Null(await StoredAsync(user));
        await BrowserPages.CheckAsync(page, "members-admin-refused-390", ".uid");

        // A user id that cannot be one.
        await page.FillAsync("#userId", "张三 <b>");
        await page.SelectOptionAsync("#department", new SelectOptionValue { Label = "魏都区教育局" });
        refused = await SaveAsync(page);
        Assert.Equal(400, refused.Status);
        Assert.Contains("用户：请填写用户标识（只能由字母、数字", await page.InnerTextAsync("#userId-error"));
        Assert.Equal("张三 <b>", await page.InputValueAsync("#userId"));
        Assert.Equal("jyj", await page.InputValueAsync("#department"));

        // A malformed e-mail address: 电子邮箱 is named, and nothing is stored.
        await page.FillAsync("#userId", user);
        // As a browser that does not check type=email itself would send it: the server's check is the one that counts.
        await page.EvalOnSelectorAsync("#email", "e => e.type = 'text'");
        await page.FillAsync("#email", "zhao at example");
        refused = await SaveAsync(page);
        Assert.Equal(400, refused.Status);
        Assert.StartsWith("电子邮箱：格式不正确", await page.InnerTextAsync("#email-error"));
        Assert.Null(await StoredAsync(user));
        await BrowserPages.CheckAsync(page, "members-admin-refused-email-390", ".uid");
        await page.FillAsync("#email", "");

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
        // A version mark that this page never handed out (changed on the way) is named in the page's words, not as If-Match.
        await page.EvalOnSelectorAsync("input[name=etag]", "e => e.value = 'garbage'");
        refused = await SaveAsync(page);
        Assert.Equal(400, refused.Status);
        Assert.Contains("页面记录的成员版本无效", await page.InnerTextAsync("[role=alert]"));
        Assert.DoesNotContain("If-Match", await page.InnerTextAsync("[role=alert]"));
        Assert.Equal(("approver", "kgj"), await StoredAsync(user));
        using (var delete = await app.ClientAs(Admin).DeleteAsync($"api/members/{user}"))
            Assert.Equal(HttpStatusCode.NoContent, delete.StatusCode);
    }

    [Fact]
    public async Task Removing_asks_first_and_a_stale_confirmation_of_a_member_already_removed_changes_nothing()
    {
        var user = "zhou9-page-" + Guid.NewGuid().ToString("N")[..6];
        using (var put = await app.ClientAs(Admin).PutAsync($"api/members/{user}", Json("""{"role":"approver","department":"kgj"}""")))
            Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        await using var chromium = await app.Chromium.LeaseAsync();
        var browser = chromium.Browser;
        var page = await BrowserPages.SignedInAsync(app, browser, Admin, "api/admin/members", 1280);
        var before = await CountAsync(page);

        // 删除 leads to a confirmation naming the person, department and role; nothing is removed yet, and 取消 goes back.
        await page.ClickAsync($"tr:has(td.uid:text-is('{user}')) a:text-is('删除')");
        await BrowserPages.ArrivedAsync(page, new Regex(@"/api/admin/members\?delete=[^/]*$"));
        Assert.Equal($"确定删除 {user}（科工局 审核人）？", await page.InnerTextAsync("section.confirm p:first-of-type"));
        Assert.Equal(("approver", "kgj"), await StoredAsync(user));
        await BrowserPages.CheckAsync(page, "members-confirm-1280", ".uid");
        await page.ClickAsync("a:text-is('取消')");
        await BrowserPages.ArrivedAsync(page, BrowserPages.EndsWith("/api/admin/members"));
        Assert.Equal(before, await CountAsync(page));
        Assert.Equal(("approver", "kgj"), await StoredAsync(user));
        // A page from before the confirmation step posts its 删除 straight away: that post too only asks.
        var unconfirmed = new FormUrlEncodedContent(new Dictionary<string, string> { ["action"] = "remove", ["userId"] = user });
        using (var asked = await app.ClientAs(Admin).PostAsync("api/admin/members", unconfirmed))
        {
            Assert.Equal(HttpStatusCode.OK, asked.StatusCode);
            Assert.Contains("确定删除", await asked.Content.ReadAsStringAsync());
        }
        Assert.Equal(("approver", "kgj"), await StoredAsync(user));

        // A second window opens the same confirmation and keeps it; the first confirms: one member fewer.
        var stale = await BrowserPages.SignedInAsync(app, browser, Admin, $"api/admin/members?delete={user}", 390);
        await BrowserPages.CheckAsync(stale, "members-confirm-390", ".uid");
        var confirmedETag = await stale.InputValueAsync("input[name=etag]");
        await page.ClickAsync($"tr:has(td.uid:text-is('{user}')) a:text-is('删除')");
        await BrowserPages.ArrivedAsync(page, new Regex(@"/api/admin/members\?delete=[^/]*$"));
        await page.ClickAsync("button:text-is('确定删除')");
        await BrowserPages.ArrivedAsync(page, new Regex(@"/api/admin/members\?removed=[^/]*$"));
        Assert.Equal(before - 1, await CountAsync(page));
        Assert.Null(await StoredAsync(user));
        var audited = await AuditCountAsync(user);

        // The stale window's 确定删除: nothing more is removed or audited, and the page says the member was already gone.
        await stale.ClickAsync("button:text-is('确定删除')");
        await BrowserPages.ArrivedAsync(stale, new Regex(@"/api/admin/members\?gone=[^/]*$"));
        Assert.Contains($"用户 {user} 已不在成员名单中（已被删除），这次没有删除任何记录。", await stale.InnerTextAsync("[role=status]"));
        Assert.Equal(before - 1, await CountAsync(stale));
        Assert.Equal(audited, await AuditCountAsync(user));

        // Added again meanwhile: the old confirmation, replayed, does not remove the new membership (409, it stays).
        using (var put = await app.ClientAs(Admin).PutAsync($"api/members/{user}", Json("""{"role":"author","department":"jyj"}""")))
            Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        var replay = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["action"] = "remove-confirmed", ["userId"] = user, ["etag"] = confirmedETag,
        });
        using (var replayed = await app.ClientAs(Admin).PostAsync("api/admin/members", replay))
        {
            Assert.Equal(HttpStatusCode.Conflict, replayed.StatusCode);
            Assert.Contains("已被其他管理员修改或删除", await replayed.Content.ReadAsStringAsync());
        }
        Assert.Equal(("author", "jyj"), await StoredAsync(user));
        using (var delete = await app.ClientAs(Admin).DeleteAsync($"api/members/{user}"))
            Assert.Equal(HttpStatusCode.NoContent, delete.StatusCode);
    }

    [Fact]
    public async Task The_list_filters_by_department_and_role_and_keeps_the_year_the_page_came_from()
    {
        await using var chromium = await app.Chromium.LeaseAsync();
        var browser = chromium.Browser;
        var page = await BrowserPages.SignedInAsync(app, browser, Admin, "api/admin/members?year=2026", 1280);
        var total = await CountAsync(page);
        Assert.Equal($"共 {total} 人", await page.InnerTextAsync("#members-count"));

        await page.SelectOptionAsync("#filter-department", new SelectOptionValue { Label = "魏都区科学技术和工业信息化局" });
        await page.SelectOptionAsync("#filter-role", new SelectOptionValue { Label = "审核人" });
        await page.ClickAsync("button:text-is('筛选')");
        await BrowserPages.ArrivedAsync(page, BrowserPages.EndsWith("/api/admin/members?year=2026&department=kgj&role=approver"));
        var rows = await page.Locator("table.members tbody tr").CountAsync();
        Assert.Equal($"共 {total} 人，筛选后 {rows} 人", await page.InnerTextAsync("#members-count"));
        Assert.True(rows >= 2 && rows < total, $"{rows} of {total}");
        Assert.Equal(1, await page.Locator("td.uid:text-is('kgj-approver2')").CountAsync());
        Assert.Equal(0, await page.Locator("td.uid:text-is('kgj-author')").CountAsync());
        Assert.All(await page.Locator("table.members tbody td[data-label=角色]").AllInnerTextsAsync(), r => Assert.Equal("审核人", r));
        Assert.All(await page.Locator("table.members tbody td[data-label=部门]").AllInnerTextsAsync(), d => Assert.Equal("魏都区科学技术和工业信息化局", d));
        // The year stays in the navigation and in the page's own links.
        Assert.EndsWith("/api/todo?year=2026", await page.GetAttributeAsync("nav a[href*='/api/todo']", "href"));
        Assert.EndsWith("/api/admin/members?year=2026", await page.GetAttributeAsync("nav a[href*='/api/admin/members']", "href"));
        Assert.Contains("year=2026", await page.GetAttributeAsync("tr:has(td.uid:text-is('kgj-approver2')) a:text-is('修改')", "href"));
        await BrowserPages.CheckAsync(page, "members-filtered-1280", ".uid");

        // The district office's roles: members of no department; 清除筛选 shows everyone again.
        await page.SelectOptionAsync("#filter-department", new SelectOptionValue { Label = "区法治办（不属于部门）" });
        await page.SelectOptionAsync("#filter-role", new SelectOptionValue { Label = "全部角色" });
        await page.ClickAsync("button:text-is('筛选')");
        await BrowserPages.ArrivedAsync(page, BrowserPages.EndsWith("/api/admin/members?year=2026&department=none&role="));
        Assert.Equal(1, await page.Locator("td.uid:text-is('office-admin')").CountAsync());
        Assert.All(await page.Locator("table.members tbody td[data-label=部门]").AllInnerTextsAsync(), d => Assert.Equal("—", d));
        await page.ClickAsync("a:text-is('清除筛选')");
        await BrowserPages.ArrivedAsync(page, BrowserPages.EndsWith("/api/admin/members?year=2026"));
        Assert.Equal(total, await page.Locator("table.members tbody tr").CountAsync());

        var narrow = await BrowserPages.SignedInAsync(app, browser, Admin, "api/admin/members?year=2026&department=kgj&role=approver", 390);
        await BrowserPages.CheckAsync(narrow, "members-filtered-390", ".uid");
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

    /// <summary>The page's 共 N 人: every member, whatever the filter.</summary>
    private static async Task<int> CountAsync(IPage page) =>
        int.Parse(Regex.Match(await page.InnerTextAsync("#members-count"), @"^共 (\d+) 人").Groups[1].Value);

    /// <summary>How many audit entries of the members trail name <paramref name="user"/>.</summary>
    private async Task<int> AuditCountAsync(string user)
    {
        var count = 0;
        await foreach (var row in app.Storage.Table(app.Storage.Options.AuditTable)
            .QueryAsync<global::Azure.Data.Tables.TableEntity>(e => e.PartitionKey == "members"))
            if (row.GetString("Detail")?.Contains(user, StringComparison.Ordinal) == true) count++;
        return count;
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
