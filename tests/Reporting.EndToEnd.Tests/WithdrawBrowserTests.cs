using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Xunit;

namespace Reporting.EndToEnd.Tests;

/// <summary>
/// One submission per click and 撤回, in Debian's Chromium at 1280 and 390 px (市场监督管理局, 2003): while the form's post is under way its
/// button is disabled (the post is held by Playwright's routing until the button is checked), so a second click sends nothing and one
/// version is stored; on 草稿 the author's 撤回 takes that version back and the page says 已撤回. Screenshots withdraw-*.png.
/// </summary>
[Collection(LocalHostCollection.Name)]
public sealed class WithdrawBrowserTests(LocalHostFixture app)
{
    private const int Year = 2003;
    private const string Department = "scjgj";
    private const string Author = $"{Department}-author";

    [Fact]
    public async Task The_submit_button_is_disabled_while_posting_and_the_authors_withdraw_button_on_the_draft_page_takes_the_version_back()
    {
        await using var chromium = await app.Chromium.LeaseAsync();
        var wide = await BrowserPages.SignedInAsync(app, chromium.Browser, Author, $"api/form?year={Year}&section=duty", 1280);
        var id = await wide.Locator("input[name=submissionId]").InputValueAsync();

        // Hold the form's post until the button has been looked at.
        var held = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var posts = 0;
        await wide.RouteAsync("**/api/drafts", async route =>
        {
            Interlocked.Increment(ref posts);
            held.TrySetResult();
            await release.Task;
            await route.ContinueAsync();
        });
        await Body(wide).FillAsync("一、党政主要负责人履行推进法治建设第一责任人职责\n局主要负责人认真履行第一责任人职责。");
        var submit = wide.GetByRole(AriaRole.Button, new() { Name = "提交草稿" });
        await submit.ClickAsync();
        await held.Task.WaitAsync(TimeSpan.FromMilliseconds(DebianChromium.StepTimeoutMs));
        Assert.True(await wide.EvaluateAsync<bool>("() => document.querySelector('#draft button[type=submit]').disabled"), "disabled while posting");
        // A second click on the disabled button sends nothing.
        await submit.ClickAsync(new() { Force = true });
        release.SetResult();
        var saved = wide.Locator("#result.ok");
        await saved.Filter(new() { HasTextString = "第 1 版" }).WaitForAsync();
        Assert.False(await wide.EvaluateAsync<bool>("() => document.querySelector('#draft button[type=submit]').disabled"), "enabled once answered");
        Assert.Equal(1, posts);
        // Saved: the next post is another submission, with an id of its own.
        Assert.NotEqual(id, await wide.Locator("input[name=submissionId]").InputValueAsync());
        await wide.UnrouteAllAsync();
        var report = await app.GetReportAsync(Year, Department);
        var duty = report.GetProperty("sections").EnumerateArray().Single(s => s.GetProperty("section").GetString() == "duty");
        Assert.Equal(1, duty.GetProperty("drafts").GetArrayLength());

        // 草稿 of the version just saved: 撤回 is offered to its author, above the history.
        await saved.GetByRole(AriaRole.Link, new() { Name = "查看草稿" }).ClickAsync();
        await BrowserPages.ArrivedAsync(wide, new Regex(@"/api/draft\?.*section=duty&version=1$"));
        var withdraw = wide.GetByRole(AriaRole.Button, new() { Name = "撤回第 1 版" });
        await withdraw.WaitForAsync();
        await BrowserPages.CheckAsync(wide, "withdraw-draft-1280");
        var narrow = await BrowserPages.SignedInAsync(app, chromium.Browser, Author, $"api/draft?year={Year}&department={Department}&section=duty&version=1",
            390);
        await narrow.GetByRole(AriaRole.Button, new() { Name = "撤回第 1 版" }).WaitForAsync();
        await BrowserPages.CheckAsync(narrow, "withdraw-draft-390");

        // Withdrawn (a plain form post, answered by a redirect back to 草稿): the page says so, and offers 撤回 no more.
        await withdraw.ClickAsync();
        var outcome = wide.Locator("p[role=status]").Filter(new() { HasTextString = "第 1 版已撤回" });
        await outcome.WaitForAsync();
        Assert.Matches(@"第 1 版已撤回：起草人 \S+起草人 于 \d{4}-\d{2}-\d{2} \d{2}:\d{2}（北京时间）撤回，不再审核", await outcome.InnerTextAsync());
        Assert.Equal(0, await wide.GetByRole(AriaRole.Button, new() { Name = "撤回第 1 版" }).CountAsync());
        Assert.Contains("已撤回", await wide.Locator("table.versions").InnerTextAsync());
        Assert.Equal("下一步：第 1 版已撤回，待起草人提交新版本。", await wide.InnerTextAsync("p.next-step"));
        await BrowserPages.CheckAsync(wide, "withdraw-withdrawn-1280");
        await narrow.ReloadAsync();
        await narrow.Locator("p[role=status]").Filter(new() { HasTextString = "第 1 版已撤回" }).WaitForAsync();
        await BrowserPages.CheckAsync(narrow, "withdraw-withdrawn-390");
        var after = await app.GetReportAsync(Year, Department);
        Assert.Equal("withdrawn", after.GetProperty("sections").EnumerateArray().Single(s => s.GetProperty("section").GetString() == "duty")
            .GetProperty("drafts")[0].GetProperty("status").GetString());
    }

    private static ILocator Body(IPage page) => page.GetByLabel("正文", new() { Exact = true });
}
