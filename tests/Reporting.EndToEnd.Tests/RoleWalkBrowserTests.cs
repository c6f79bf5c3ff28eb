using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Reporting.Functions.Http;
using Xunit;

namespace Reporting.EndToEnd.Tests;

/// <summary>
/// One year walked end to end through the pages alone, as the three roles do it in Debian's Chromium: the author writes
/// the real report (one part uploaded as a GBK .txt), the approver sends one part back with a comment and passes the rest,
/// the author revises it, the diff shows the change, the PDF is downloaded, the office compiles the volume. Every page is
/// checked (axe, no codes, fits the window) and photographed as .local/screenshots/walk-NN-*.png.
/// </summary>
[Collection(LocalHostCollection.Name)]
public sealed class RoleWalkBrowserTests(LocalHostFixture app)
{
    private const int Year = 2006;
    private const string Kgj = "魏都区科学技术和工业信息化局";
    private const string Rejected = "measures";
    private const string Uploaded = "shortcomings";
    private const string Comment = "请将“沟通联系”改为“沟通交流”，并写明持续开展。";
    private const string Before = "不断加强与企业的沟通联系";
    private const string After = "持续加强与企业的沟通交流";

    private Routes Routes => (Routes)app.Host.Services.GetService(typeof(Routes))!;

    [Fact]
    public async Task Author_approver_and_office_take_a_report_from_drafts_through_a_rejection_to_the_pdf_and_the_volume_in_the_browser()
    {
        Assert.Contains(Before, FixtureReport.Parts[Rejected]);
        await using var chromium = await app.Chromium.LeaseAsync();
        var browser = chromium.Browser;
        var shot = 0;
        Task CheckAsync(IPage page, string step) => BrowserPages.CheckAsync(page, $"walk-{++shot:D2}-{step}");

        // The author starts from 我的待办, follows 去撰写 to the form and submits the five parts; one is a GBK .txt file.
        var author = await SignedInAsync(browser, "kgj-author", Routes.Todo(Year));
        Assert.Equal(5, await author.GetByRole(AriaRole.Link, new() { Name = "去撰写" }).CountAsync());
        await CheckAsync(author, "todo-author");
        await BrowserPages.CountClicksAsync(author);
        await author.GetByRole(AriaRole.Link, new() { Name = "去撰写" }).First.ClickAsync();
        await BrowserPages.ArrivedAsync(author, new Regex(@"/api/form\?"));
        var file = Path.Combine(Path.GetTempPath(), $"第三部分-{Guid.NewGuid():N}.txt");
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        await File.WriteAllBytesAsync(file, Encoding.GetEncoding("GB18030").GetBytes(FixtureReport.Parts[Uploaded]));
        try
        {
            // Clicks (counted in the page): 去撰写 once, then 提交草稿 per part (choosing the uploaded part's file, like pasting a text, is not
            // counted): the form selects the next part not yet submitted after each save, so the author never picks a part (14 clicks before:
            // the list opened and a part picked each time).
            foreach (var section in FixtureReport.RequiredSections)
            {
                Assert.Equal(section, await author.GetByLabel("报告部分").InputValueAsync());
                // The form keeps the last text after a submission; a person uploading a file empties the box first.
                await author.GetByLabel("正文", new() { Exact = true }).FillAsync(section == Uploaded ? "" : FixtureReport.Parts[section]);
                if (section == Uploaded) await author.GetByLabel("或上传文件").SetInputFilesAsync(file);
                await SubmitFormAsync(author, 1);
                if (section == Uploaded) await CheckAsync(author, "form-author-gbk-file");
            }
        }
        finally { File.Delete(file); }
        Assert.Equal(6, await BrowserPages.ClicksAsync(author));
        var stored = await app.ClientAs(LocalHostFixture.Office).GetStringAsync(Routes.Draft(Year, "kgj", Uploaded, 1));
        Assert.Equal(FixtureReport.Parts[Uploaded], JsonDocument.Parse(stored).RootElement.GetProperty("body").GetString()?.Replace("\r\n", "\n").Trim());

        // The approver works down 待审核 (first in, first reviewed): 退回 one part with a comment, 通过 the others. One click opens
        // the first; each decision goes on to the next (naming the decision at its top), the last back to 我的待办.
        var approver = await SignedInAsync(browser, "kgj-approver", Routes.Todo(Year));
        Assert.Equal(5, await ReviewLinks(approver).CountAsync());
        await CheckAsync(approver, "todo-approver");
        await BrowserPages.CountClicksAsync(approver);
        await ReviewLinks(approver).First.ClickAsync();
        await BrowserPages.ArrivedAsync(approver, new Regex(@"/api/review\?"));
        for (var left = 5; left > 0; left--)
        {
            var reject = approver.Url.Contains($"section={Rejected}&", StringComparison.Ordinal);
            if (reject)
            {
                await CheckAsync(approver, "review-approver");
                await approver.GetByLabel("审核意见").FillAsync(Comment);
                await approver.GetByRole(AriaRole.Button, new() { Name = "退回" }).ClickAsync();
            }
            else await approver.GetByRole(AriaRole.Button, new() { Name = "通过" }).ClickAsync();
            await BrowserPages.ArrivedAsync(approver, new Regex(left > 1 ? @"/api/review\?.*&decided=" : @"/api/todo\?.*&decided="));
            Assert.Contains(reject ? "第 1 版已退回" : "第 1 版已通过", await approver.GetByRole(AriaRole.Status).InnerTextAsync());
            if (reject) await CheckAsync(approver, "review-after-rejected");
        }
        Assert.Equal(0, await ReviewLinks(approver).CountAsync());
        // Clicks: 审核 once, then 通过 or 退回 per part (15 before: 审核, 通过, back to 我的待办 per part).
        Assert.Equal(6, await BrowserPages.ClicksAsync(approver));
        var report = await app.GetReportAsync(Year, "kgj");
        Assert.All(FixtureReport.RequiredSections,
            s => Assert.Equal(s == Rejected ? "rejected" : "approved", Newest(report, s).GetProperty("status").GetString()));

        // The author reads 已退回 and the comment on 我的待办, and resubmits the part changed.
        await NavigateAsync(author, "我的待办");
        var todo = await author.InnerTextAsync("main");
        Assert.Contains("二、推进法治政府建设的主要举措和成效：第 1 版已退回", todo);
        Assert.Contains("审核意见：" + Comment, todo);
        await CheckAsync(author, "todo-author-rejected");
        await author.GetByRole(AriaRole.Link, new() { Name = "修改后重新提交" }).ClickAsync();
        await BrowserPages.ArrivedAsync(author, new Regex(@"/api/form\?"));
        Assert.Equal(Rejected, await author.GetByLabel("报告部分").InputValueAsync());
        await author.GetByLabel("正文", new() { Exact = true }).FillAsync(FixtureReport.Parts[Rejected].Replace(Before, After, StringComparison.Ordinal));
        await SubmitFormAsync(author, 2);
        await CheckAsync(author, "form-author-resubmitted");

        // The approver passes version 2 and compares it with version 1 on the 草稿 page.
        await approver.ReloadAsync();
        await ReviewLinks(approver).ClickAsync();
        await BrowserPages.ArrivedAsync(approver, new Regex($@"/api/review\?.*section={Rejected}&version=2$"));
        await CheckAsync(approver, "review-approver-v2");
        await approver.GetByLabel("审核意见").FillAsync("同意。");
        await approver.GetByRole(AriaRole.Button, new() { Name = "通过" }).ClickAsync();
        await BrowserPages.ArrivedAsync(approver, new Regex(@"/api/todo\?.*&decided="));
        Assert.Contains("第 2 版已通过", await approver.GetByRole(AriaRole.Status).InnerTextAsync());
        await approver.GetByRole(AriaRole.Link, new() { Name = "查看该草稿" }).ClickAsync();
        await BrowserPages.ArrivedAsync(approver, new Regex(@"/api/draft\?"));
        await approver.GetByLabel("原版本").SelectOptionAsync(new SelectOptionValue { Label = "第 1 版" });
        await approver.GetByLabel("新版本").SelectOptionAsync(new SelectOptionValue { Label = "第 2 版" });
        await approver.GetByRole(AriaRole.Button, new() { Name = "比较" }).ClickAsync();
        await BrowserPages.ArrivedAsync(approver, new Regex("from=1&to=2"));
        Assert.Equal("不断联系", string.Concat(await approver.Locator("table.diff del").AllInnerTextsAsync()));
        Assert.Equal("持续交流", string.Concat(await approver.Locator("table.diff ins").AllInnerTextsAsync()));
        await CheckAsync(approver, "draft-diff");

        // The author opens 本部门报告 once the PDF is made (the page offers the download of an assembled version), and downloads it.
        await app.WaitForReportAsync(Year, "kgj", r => r.GetProperty("versions").EnumerateArray()
            .Any(v => v.GetProperty("version").GetInt32() == 1 && v.GetProperty("status").GetString() == "assembled"), TimeSpan.FromMinutes(3));
        await NavigateAsync(author, "本部门报告");
        var download = author.GetByRole(AriaRole.Link, new() { Name = "下载第 1 版 PDF" });
        Assert.True(await download.CountAsync() == 1, "本部门报告 does not list PDF v1, which is assembled: " + await author.InnerTextAsync("main"));
        await CheckAsync(author, "department-author");
        Assert.Equal("%PDF", await DownloadedStartAsync(author, () => download.ClickAsync()));

        // The office sees 科工局 complete on 全区总览, compiles the volume and downloads it.
        await app.WaitForReportAsync(Year, "kgj", r => LocalHostFixture.VersionNotified(r, 1));
        var office = await SignedInAsync(browser, LocalHostFixture.Office, Routes.Todo(Year));
        await NavigateAsync(office, "全区总览");
        Assert.Contains("完成 1 个部门", await office.InnerTextAsync(".counts"));
        var row = await office.GetByRole(AriaRole.Row).Filter(new() { HasTextString = Kgj }).Locator("td").AllInnerTextsAsync();
        Assert.Equal(["已通过", "已通过", "已通过", "已通过", "已通过", "未提交", "第 1 版 下载 OFD", "未发布 发布"], row.Select(c => c.Trim()));
        await CheckAsync(office, "overview-office");
        await office.GetByRole(AriaRole.Button, new() { Name = "立即汇编" }).ClickAsync();
        await BrowserPages.ArrivedAsync(office, new Regex($@"/api/reports/{Year}/year-end/[0-9a-f]{{32}}$"));
        await Assertions.Expect(office.GetByRole(AriaRole.Status)).ToContainTextAsync("汇编完成", new() { Timeout = DebianChromium.StepTimeoutMs });
        await office.WaitForFunctionAsync("() => document.readyState !== 'loading'");
        await CheckAsync(office, "year-end-run-office");
        var volume = office.GetByRole(AriaRole.Link, new() { NameRegex = new Regex($"^下载 {Year} 年度报告汇编") });
        Assert.Equal("%PDF", await DownloadedStartAsync(office, () => volume.ClickAsync()));
    }

    /// <summary>
    /// Follows a link of the main navigation, which keeps the year of the page it is on; on a page of another year it
    /// picks this walk's year in the page's own 年度 select, as a person does.
    /// </summary>
    private static async Task NavigateAsync(IPage page, string link)
    {
        var from = page.Url;
        var nav = page.GetByRole(AriaRole.Navigation, new() { Name = "主导航" });
        // 我的待办 may carry its count, （3）, once the page has asked for it.
        await nav.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^" + Regex.Escape(link) + "(（\\d+）)?$") }).ClickAsync();
        // Any URL but the one it left: the page the link leads to.
        await BrowserPages.ArrivedAsync(page, new Regex("^(?!" + Regex.Escape(from) + "$)"));
        if (page.Url.Contains($"year={Year}", StringComparison.Ordinal)) return;
        await page.GetByLabel("年度").SelectOptionAsync(Year.ToString());
        await page.GetByRole(AriaRole.Button, new() { Name = "查看" }).ClickAsync();
        await BrowserPages.ArrivedAsync(page, new Regex($"year={Year}"));
    }

    /// <summary>Clicks 提交草稿 and waits for the form's own answer naming this version.</summary>
    private static async Task SubmitFormAsync(IPage page, int version)
    {
        var part = await page.GetByLabel("报告部分").EvaluateAsync<string>("s => s.selectedOptions[0].textContent");
        await page.GetByRole(AriaRole.Button, new() { Name = "提交草稿" }).ClickAsync();
        var answer = page.Locator("#result");
        await answer.Filter(new() { HasTextString = $"“{part}”，第 {version} 版" }).WaitForAsync();
        Assert.Equal("ok", await answer.GetAttributeAsync("class"));
    }

    private static ILocator ReviewLinks(IPage page) => page.GetByRole(AriaRole.Link, new() { Name = "审核", Exact = true });

    private static JsonElement Newest(JsonElement report, string section) =>
        report.GetProperty("sections").EnumerateArray().Single(s => s.GetProperty("section").GetString() == section)
            .GetProperty("drafts").EnumerateArray().MaxBy(d => d.GetProperty("version").GetInt32());

    /// <summary>The first four bytes of the file the browser downloads when <paramref name="click"/> runs.</summary>
    private static async Task<string> DownloadedStartAsync(IPage page, Func<Task> click)
    {
        var download = await page.RunAndWaitForDownloadAsync(click);
        Assert.Null(await download.FailureAsync());
        var bytes = await File.ReadAllBytesAsync((await download.PathAsync())!);
        return Encoding.ASCII.GetString(bytes, 0, 4);
    }

    /// <summary>A 1280 px zh-CN window that accepts downloads; opens <paramref name="path"/>, signs in as <paramref name="user"/> on the page it is sent to,
    /// and lands back.</summary>
    private async Task<IPage> SignedInAsync(IBrowser browser, string user, string path)
    {
        var context = await DebianChromium.NewContextAsync(browser, new BrowserNewContextOptions
        {
            Locale = "zh-CN", ViewportSize = new ViewportSize { Width = 1280, Height = 900 }, AcceptDownloads = true,
        });
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(app.Host.BaseAddress, path).ToString());
        await page.ClickAsync(BrowserPages.UserButton(user));
        await BrowserPages.ArrivedAsync(page, BrowserPages.Exactly(new Uri(app.Host.BaseAddress, path).ToString()));
        return page;
    }
}
