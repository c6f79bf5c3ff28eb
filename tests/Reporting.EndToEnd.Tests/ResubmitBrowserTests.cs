using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Xunit;

namespace Reporting.EndToEnd.Tests;

/// <summary>
/// 退回 → 修改后重新提交 and the answer to a save, in Debian's Chromium at 1280 and 390 px (审计局, 2011): the form opens with the
/// returned text and the 审核意见, reviewer and time above it; an unchanged text is refused at the top; a save is announced at the top of
/// the page, focused, with 继续填写下一部分 (the next part not yet submitted, selected in the form) and 查看草稿. Screenshots resubmit-*.png.
/// </summary>
[Collection(LocalHostCollection.Name)]
public sealed class ResubmitBrowserTests(LocalHostFixture app)
{
    private const int Year = 2011;
    private const string Department = "sjj";
    private const string Returned = "一、党政主要负责人履行推进法治建设第一责任人职责\n局主要负责人认真履行第一责任人职责。";
    private const string Comment = "请补充主要负责人述法的情况。";

    [Fact]
    public async Task The_returned_text_comes_back_with_the_comment_and_a_save_is_announced_at_the_top_with_the_next_part_chosen()
    {
        await app.SubmitOkAsync(Year, Department, "preamble", "2011年，我局坚持依法审计。");
        var version = await app.SubmitOkAsync(Year, Department, "duty", Returned);
        using (var rejected = await app.DecideAsync(Year, Department, "duty", version, "reject", comment: Comment))
            Assert.True(rejected.IsSuccessStatusCode, await rejected.Content.ReadAsStringAsync());
        await using var chromium = await app.Chromium.LeaseAsync();
        var browser = chromium.Browser;

        // 我的待办 → 修改后重新提交: the returned text in the box, the comment, reviewer and time above the form.
        var wide = await BrowserPages.SignedInAsync(app, browser, $"{Department}-author", $"api/todo?year={Year}", 1280);
        await wide.GetByRole(AriaRole.Link, new() { Name = "修改后重新提交" }).ClickAsync();
        await BrowserPages.ArrivedAsync(wide, new Regex(@"/api/form\?.*section=duty"));
        await AssertReturnedAsync(wide);
        await BrowserPages.CheckAsync(wide, "resubmit-form-1280");
        var narrow = await BrowserPages.SignedInAsync(app, browser, $"{Department}-author", $"api/form?year={Year}&section=duty", 390);
        await AssertReturnedAsync(narrow);
        await BrowserPages.CheckAsync(narrow, "resubmit-form-390");

        // Sent back unchanged: refused at the top, in view and focused; the text stays.
        await wide.GetByRole(AriaRole.Button, new() { Name = "提交草稿" }).ClickAsync();
        var answer = wide.Locator("#result.error");
        await answer.Filter(new() { HasTextString = "正文没有改动" }).WaitForAsync();
        Assert.Contains("请按审核意见修改正文后再提交", await answer.InnerTextAsync());
        await AssertAtTopAndFocusedAsync(wide);
        Assert.Equal(Returned, await Body(wide).InputValueAsync());
        await BrowserPages.CheckAsync(wide, "resubmit-unchanged-1280");
        await narrow.GetByRole(AriaRole.Button, new() { Name = "提交草稿" }).ClickAsync();
        await narrow.Locator("#result.error").Filter(new() { HasTextString = "正文没有改动" }).WaitForAsync();
        await AssertAtTopAndFocusedAsync(narrow);
        await BrowserPages.CheckAsync(narrow, "resubmit-unchanged-390");

        // Changed and sent: saved as version 2, said at the top, focused; the next part not yet written (一 and the opening are) is chosen.
        await Body(wide).FillAsync(Returned + "\n全年主要负责人述法两次。");
        await wide.GetByRole(AriaRole.Button, new() { Name = "提交草稿" }).ClickAsync();
        var saved = wide.Locator("#result.ok");
        await saved.Filter(new() { HasTextString = "第 2 版" }).WaitForAsync();
        Assert.Contains("“二、推进法治政府建设的主要举措和成效”，已在下方表单中选好", await saved.InnerTextAsync());
        await AssertAtTopAndFocusedAsync(wide);
        Assert.Equal("measures", await wide.GetByLabel("报告部分").InputValueAsync());
        Assert.Equal("", await Body(wide).InputValueAsync());
        Assert.Equal(0, await wide.Locator("#source").CountAsync());
        await BrowserPages.CheckAsync(wide, "resubmit-saved-1280");
        await saved.GetByRole(AriaRole.Link, new() { Name = "查看草稿" }).ClickAsync();
        await BrowserPages.ArrivedAsync(wide, new Regex(@"/api/draft\?.*section=duty&version=2"));

        // On a phone: the next part written and saved; the answer is in view at the top and leads on to the part after it.
        await narrow.GotoAsync(new Uri(app.Host.BaseAddress, $"api/form?year={Year}&section=measures").ToString());
        await Body(narrow).FillAsync("二、推进法治政府建设的主要举措和成效\n我局推进审计领域依法行政。");
        await narrow.GetByRole(AriaRole.Button, new() { Name = "提交草稿" }).ClickAsync();
        var phone = narrow.Locator("#result.ok");
        await phone.Filter(new() { HasTextString = "第 1 版" }).WaitForAsync();
        await AssertAtTopAndFocusedAsync(narrow);
        Assert.Equal("shortcomings", await narrow.GetByLabel("报告部分").InputValueAsync());
        await BrowserPages.CheckAsync(narrow, "resubmit-saved-390");
        await phone.GetByRole(AriaRole.Link, new() { Name = "继续填写下一部分" }).ClickAsync();
        await BrowserPages.ArrivedAsync(narrow, new Regex(@"/api/form\?.*section=shortcomings"));
        Assert.Equal("shortcomings", await narrow.GetByLabel("报告部分").InputValueAsync());
        Assert.Equal("", await Body(narrow).InputValueAsync());
    }

    private static ILocator Body(IPage page) => page.GetByLabel("正文", new() { Exact = true });

    private static async Task AssertReturnedAsync(IPage page)
    {
        Assert.Equal("duty", await page.GetByLabel("报告部分").InputValueAsync());
        Assert.Equal(Returned, await Body(page).InputValueAsync());
        var source = await page.Locator("#source").InnerTextAsync();
        Assert.Contains("在第 1 版的基础上修改", source);
        Assert.Matches(@"第 1 版已退回（审核人 审计局审核人，\d{4}-\d{2}-\d{2} \d{2}:\d{2}（北京时间））", source);
        Assert.Contains("审核意见：" + Comment, source);
        // Above the form: read before the text is edited.
        Assert.True(await page.EvaluateAsync<bool>(
            "() => document.getElementById('source').getBoundingClientRect().bottom <= document.getElementById('body').getBoundingClientRect().top"));
    }

    /// <summary>The answer sits above the form, inside the window as it now stands, and has the focus (so a screen reader reads it).</summary>
    private static async Task AssertAtTopAndFocusedAsync(IPage page)
    {
        Assert.Equal("result", await page.EvaluateAsync<string>("() => document.activeElement.id"));
        Assert.True(await page.EvaluateAsync<bool>("""
            () => { const r = document.getElementById('result').getBoundingClientRect(), f = document.getElementById('draft').getBoundingClientRect();
                    return r.top >= 0 && r.bottom <= window.innerHeight && r.bottom <= f.top; }
            """), "the answer is above the form and in view");
    }
}
