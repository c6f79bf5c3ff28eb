using System.Text.RegularExpressions;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Xunit;

namespace Reporting.EndToEnd.Tests;

/// <summary>我的待办 and the form as each role sees them, in Debian's Chromium: Chinese names, no codes, axe-clean, screenshots.</summary>
[Collection(LocalHostCollection.Name)]
public sealed class PageBrowserTests(LocalHostFixture app)
{
    private const int Year = 2012;

    /// <summary>Codes that must never reach a reader (department slugs, part keys, statuses in English).</summary>
    private static readonly Regex Codes = new(@"\b(kgj|sfj|wjw|preamble|duty|measures|shortcomings|plans|submitted|approved|rejected|pending)\b");

    [Fact]
    public async Task Each_role_sees_its_todo_in_chinese_with_the_reviewers_comment_and_no_codes()
    {
        // 科工局 2012: duty rejected with a comment, measures waiting for review, the other parts not written.
        var duty = await app.SubmitOkAsync(Year, "kgj", "duty", "局主要负责人认真履行第一责任人职责。");
        using (var rejected = await app.DecideAsync(Year, "kgj", "duty", duty, "reject", comment: "请补充2012年度述法情况。"))
            Assert.True(rejected.IsSuccessStatusCode, await rejected.Content.ReadAsStringAsync());
        await app.SubmitOkAsync(Year, "kgj", "measures", "我局持续推进法治政府建设。");

        await using var chromium = await app.Chromium.LeaseAsync();
        var browser = chromium.Browser;

        var author = await SignedInPageAsync(browser, "kgj-author", $"api/todo?year={Year}", 1280);
        var text = await author.InnerTextAsync("main");
        Assert.Contains("2012 年魏都区科学技术和工业信息化局", text);
        Assert.Contains("开头部分", text);
        Assert.Contains("未提交", text);
        Assert.Contains("一、党政主要负责人履行推进法治建设第一责任人职责", text);
        Assert.Contains("已退回", text);
        Assert.Contains("请补充2012年度述法情况。", text);
        Assert.Contains("待审核", text);
        // The nav bar stays in the year on screen: 提交/修改 and 本部门报告 open 2012, not the default year.
        Assert.All(await author.Locator("nav a").EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))"),
            href => Assert.Contains($"year={Year}", href));
        await CheckPageAsync(author, "todo-author-1280");

        var approver = await SignedInPageAsync(browser, "kgj-approver", $"api/todo?year={Year}", 390);
        Assert.Contains("二、推进法治政府建设的主要举措和成效", await approver.InnerTextAsync("table"));
        await CheckPageAsync(approver, "todo-approver-390");

        var office = await SignedInPageAsync(browser, LocalHostFixture.Office, $"api/todo?year={Year}", 1280);
        var overview = await office.InnerTextAsync("main");
        Assert.Contains("魏都区科学技术和工业信息化局", overview);
        Assert.Contains("第一部分", overview);
        await CheckPageAsync(office, "todo-office-1280");
        await office.SetViewportSizeAsync(390, 900);
        await CheckPageAsync(office, "todo-office-390");
    }

    [Fact]
    public async Task The_form_offers_only_the_members_department_by_name_counts_characters_and_warns_about_file_and_text()
    {
        await using var chromium = await app.Chromium.LeaseAsync();
        var browser = chromium.Browser;
        var page = await SignedInPageAsync(browser, "kgj-author", $"api/form?year={Year}", 390);

        Assert.Equal(["魏都区科学技术和工业信息化局"], await page.Locator("select[name=department] option").AllInnerTextsAsync());
        Assert.Contains("一、党政主要负责人履行推进法治建设第一责任人职责，加强法治政府建设的有关情况",
            await page.Locator("select[name=section] option").AllInnerTextsAsync());

        await page.FillAsync("textarea[name=body]", "吉𠮷野家");
        Assert.Equal("已输入 4 字，上限 200000 字", await page.InnerTextAsync("#count"));

        var file = Path.Combine(Path.GetTempPath(), $"草稿-{Guid.NewGuid():N}.txt");
        await File.WriteAllTextAsync(file, "我局持续推进法治政府建设，成效明显。"); // not the text the other test stored for this part (an unchanged text is refused)
        await page.SetInputFilesAsync("input[name=file]", file);
        Assert.Contains("同时填写了正文并选择了文件", await page.InnerTextAsync("#both"));
        await CheckPageAsync(page, "form-author-390");

        await page.SelectOptionAsync("select[name=section]", "measures");
        await page.ClickAsync("button[type=submit]");
        var status = page.Locator("#result.ok");
        await status.WaitForAsync();
        Assert.Contains("二、推进法治政府建设的主要举措和成效", await status.InnerTextAsync());
        Assert.Equal(0, await page.EvaluateAsync<int>("document.getElementById('file').files.length"));
        Assert.Equal("", await page.InputValueAsync("textarea[name=body]"));
        Assert.Equal("", await page.InnerTextAsync("#both"));
        await CheckPageAsync(page, "form-author-submitted-390");
        File.Delete(file);
    }

    /// <summary>Signs in through the development sign-in page, as a person would, and lands on <paramref name="path"/>.</summary>
    private async Task<IPage> SignedInPageAsync(IBrowser browser, string user, string path, int width)
    {
        var context = await DebianChromium.NewContextAsync(browser,
            new BrowserNewContextOptions { Locale = "zh-CN", ViewportSize = new ViewportSize { Width = width, Height = 900 } });
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(app.Host.BaseAddress, path).ToString());
        await page.ClickAsync(BrowserPages.UserButton(user));
        await BrowserPages.ArrivedAsync(page, BrowserPages.EndsWith("/" + path));
        return page;
    }

    /// <summary>No code where people read, no serious or critical axe violation, nothing wider than the window; a screenshot to look at.</summary>
    private static async Task CheckPageAsync(IPage page, string name)
    {
        Assert.Equal("zh-CN", await page.GetAttributeAsync("html", "lang"));
        var visible = await page.InnerTextAsync("body");
        Assert.DoesNotMatch(Codes, visible);
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"), $"{name}: wider than the window");
        var axe = await page.RunAxe(BrowserPages.ViolationsOnly);
        var bad = axe.Violations.Where(v => v.Impact is "serious" or "critical").Select(v => $"{v.Id}: {v.Help}").ToList();
        Assert.True(bad.Count == 0, $"{name}: {string.Join("; ", bad)}");
        var directory = Path.Combine(TestSupport.RepoPaths.Root, ".local", "screenshots");
        Directory.CreateDirectory(directory);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(directory, name + ".png"), FullPage = true });
    }
}
