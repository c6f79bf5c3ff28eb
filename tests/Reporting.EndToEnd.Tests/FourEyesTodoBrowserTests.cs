using System.Text;
using Microsoft.Playwright;
using Reporting.Functions.Http;
using Xunit;

namespace Reporting.EndToEnd.Tests;

/// <summary>
/// Four-eyes without dead ends on 我的待办, in Debian's Chromium at 1280 and 390 px (西关街道 xdj-jd, 2018): an approver's own
/// draft names the department's other approvers instead of offering a 审核 link to a refusal; the other approver gets the
/// link; with no other approver the page says so and whom to ask. The waiting table keeps its labels on a phone.
/// </summary>
[Collection(LocalHostCollection.Name)]
public sealed class FourEyesTodoBrowserTests(LocalHostFixture app)
{
    private const int Year = 2018;
    private const string Department = "xdj-jd";

    private Routes Routes => (Routes)app.Host.Services.GetService(typeof(Routes))!;

    [Fact]
    public async Task An_approvers_own_draft_names_the_other_approvers_and_with_none_left_says_whom_to_ask()
    {
        await app.SubmitOkAsync(Year, Department, "duty", "本部门审核人自己起草的第一部分。", asUser: $"{Department}-approver");
        await using var chromium = await app.Chromium.LeaseAsync();
        var todo = Routes.Todo(Year).TrimStart('/');

        foreach (var width in new[] { 1280, 390 })
        {
            var own = await BrowserPages.SignedInAsync(app, chromium.Browser, $"{Department}-approver", todo, width);
            var row = own.Locator("table.pending tbody tr").First;
            Assert.Matches("^待本部门其他审核人审核：.+审核人二$", await row.Locator("td[data-label=下一步]").InnerTextAsync());
            Assert.Equal(0, await row.GetByRole(AriaRole.Link, new() { Name = "审核", Exact = true }).CountAsync());
            Assert.Equal(0, await own.Locator("p.warn").CountAsync());
            if (width == 390)
            {
                // On a phone each cell stands on its own line and says what it is (the table's header row is hidden).
                var labels = await row.Locator("td").EvaluateAllAsync<string[]>("cells => cells.map(c => getComputedStyle(c, '::before').content)");
                Assert.Equal(["\"部分：\"", "\"版本：\"", "\"起草人：\"", "\"提交时间：\"", "\"字数：\"", "\"下一步：\"", "\"操作：\""], labels);
            }
            await BrowserPages.CheckAsync(own, $"todo-own-draft-{width}");

            // The 草稿 page says who acts next, by name.
            await own.GotoAsync(new Uri(app.Host.BaseAddress, Routes.DraftPage(Year, Department, "duty")).ToString());
            Assert.Matches("^下一步：待 .+审核人二 审核第 1 版。$", await own.InnerTextAsync("p.next-step"));

            var other = await BrowserPages.SignedInAsync(app, chromium.Browser, $"{Department}-approver2", todo, width);
            var theirs = other.Locator("table.pending tbody tr").First;
            Assert.Equal(1, await theirs.GetByRole(AriaRole.Link, new() { Name = "审核", Exact = true }).CountAsync());
        }

        // The other approver becomes an author: nobody is left who may decide the draft, and the page says whom to ask.
        var admin = app.ClientAs("office-admin");
        using (var put = await admin.PutAsync($"api/members/{Department}-approver2",
                   new StringContent($$"""{"role":"author","department":"{{Department}}"}""", Encoding.UTF8, "application/json")))
            Assert.True(put.IsSuccessStatusCode, await put.Content.ReadAsStringAsync());
        try
        {
            var alone = await BrowserPages.SignedInAsync(app, chromium.Browser, $"{Department}-approver", todo, 1280);
            Assert.Equal("本部门没有可以审核的其他审核人", await alone.Locator("table.pending td[data-label=下一步]").First.InnerTextAsync());
            Assert.Contains("请联系区法治办管理员在“成员管理”中为本部门添加一名审核人。", await alone.InnerTextAsync("p.warn"));
            await BrowserPages.CheckAsync(alone, "todo-own-draft-alone-1280");
            await alone.SetViewportSizeAsync(390, 900);
            await BrowserPages.CheckAsync(alone, "todo-own-draft-alone-390");
            await alone.GotoAsync(new Uri(app.Host.BaseAddress, Routes.DraftPage(Year, Department, "duty")).ToString());
            Assert.StartsWith("下一步：本部门没有可以审核这一版的审核人", await alone.InnerTextAsync("p.next-step"));
        }
        finally
        {
            using var delete = await admin.DeleteAsync($"api/members/{Department}-approver2");
        }
    }
}
