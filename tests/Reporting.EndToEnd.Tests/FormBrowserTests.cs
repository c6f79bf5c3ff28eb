using Microsoft.Playwright;
using Xunit;

namespace Reporting.EndToEnd.Tests;

/// <summary>The form as a person uses it, in Debian's Chromium (never a downloaded browser).</summary>
[Collection(LocalHostCollection.Name)]
public sealed class FormBrowserTests(LocalHostFixture app)
{
    [Fact]
    public async Task A_person_submits_a_part_through_the_form_and_sees_its_version()
    {
        await using var chromium = await app.Chromium.LeaseAsync();
        var browser = chromium.Browser;
        var page = await (await DebianChromium.NewContextAsync(browser, new() { Locale = "zh-CN" })).NewPageAsync();
        // Not signed in: the form sends the browser to the development sign-in, which comes back to the form.
        await page.GotoAsync(new Uri(app.Host.BaseAddress, "api/form?year=2026&department=wjw&section=duty").ToString());
        Assert.Equal("开发登录", await page.TitleAsync());
        await page.ClickAsync(BrowserPages.UserButton("wjw-author"));
        await BrowserPages.ArrivedAsync(page, BrowserPages.EndsWith("/api/form?year=2026&department=wjw&section=duty"));
        Assert.Equal("提交报告草稿", await page.TitleAsync());
        Assert.Contains("卫生健康委员会起草人", await page.InnerTextAsync("p.who"));
        Assert.Equal(0, await page.Locator("input[name=author]").CountAsync());
        Assert.Equal("wjw", await page.InputValueAsync("select[name=department]"));
        Assert.Equal("duty", await page.InputValueAsync("select[name=section]"));

        await page.FillAsync("textarea[name=body]", "一、党政主要负责人履行推进法治建设第一责任人职责\n局主要负责人认真履行第一责任人职责。");
        await page.ClickAsync("button[type=submit]");
        var status = page.Locator("#result.ok");
        await status.WaitForAsync();
        var saved = await status.InnerTextAsync();
        Assert.Contains("魏都区卫生健康委员会“一、党政主要负责人履行推进法治建设第一责任人职责", saved); // names people read, not the codes wjw / duty
        Assert.Contains("第 1 版", saved);
        Assert.DoesNotMatch("wjw|duty", saved);

        // A mistake the browser cannot catch is explained in Chinese next to the form, and nothing is stored.
        await page.FillAsync("textarea[name=body]", "");
        await page.ClickAsync("button[type=submit]");
        var error = page.Locator("#result.error");
        await error.WaitForAsync();
        Assert.Contains("正文不能为空", await error.InnerTextAsync());

        var report = await app.GetReportAsync(2026, "wjw");
        var duty = report.GetProperty("sections").EnumerateArray().Single(s => s.GetProperty("section").GetString() == "duty");
        var draft = Assert.Single(duty.GetProperty("drafts").EnumerateArray());
        Assert.Equal("wjw-author", draft.GetProperty("authorId").GetString());
    }
}
