using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Reporting.Core.Calendar;
using Reporting.Core.YearEnd;
using Reporting.Functions.Pages;
using Xunit;

namespace Reporting.EndToEnd.Tests;

/// <summary>
/// The district office's pages in Debian's Chromium at 1280 and 390 px: a navigation without 提交/修改草稿, 全部催报 once a
/// day with one 附言 (one e-mail per department, the answer counting those skipped), each 催报 row saying when and by whom
/// the department was last chased, and 立即汇编's page following the run by script (no timed reload) until it shows the volume.
/// </summary>
[Collection(LocalHostCollection.Name)]
public sealed class OfficePagesBrowserTests(LocalHostFixture app)
{
    private const int Year = 2018;   // no department of 2018 ever finishes (RulesTests' open year), and nobody else chases it

    private const string Note = "请各部门于本周五前完成并提交审核。";

    [Fact]
    public async Task The_office_chases_every_unfinished_department_at_once_with_one_message_once_a_day()
    {
        // 审计局 was chased earlier today by a colleague: 全部催报 skips it and says so.
        using (var earlier = await app.ClientAs("office-admin").PostAsJsonAsync($"api/reports/{Year}/sjj/chase", new { id = Guid.NewGuid().ToString("N") }))
            Assert.Equal("queued", JsonDocument.Parse(await earlier.Content.ReadAsStringAsync()).RootElement.GetProperty("outcome").GetString());

        await using var chromium = await app.Chromium.LeaseAsync();
        var browser = chromium.Browser;
        var page = await BrowserPages.SignedInAsync(app, browser, LocalHostFixture.Office, $"api/overview?year={Year}", 1280);

        // The office's navigation offers nothing that would only lead to a refusal.
        var nav = (await page.Locator("nav a").AllInnerTextsAsync()).Select(t => t.Trim()).ToList();
        Assert.Equal(["我的待办", "本部门报告", "全区总览"], nav);
        // The progress grid comes before the 催报 table.
        Assert.Equal(["各部门进度", "催报", "报告汇编", "向社会公开"], (await page.Locator("main h2").AllInnerTextsAsync()).Select(t => t.Trim()));

        var rows = page.Locator("table.chases tbody tr");
        var departments = await rows.CountAsync();
        Assert.True(departments >= 2, $"{departments} departments to chase");
        var sjj = rows.Filter(new LocatorFilterOptions { Has = page.Locator("th", new() { HasTextString = "魏都区审计局" }) });
        Assert.Matches(@"^今天 \d{2}:\d{2}，区法治办管理员$", (await sjj.Locator("td").Nth(1).InnerTextAsync()).Trim());
        var id = await page.Locator("form.chase-all input[name=id]").InputValueAsync();

        await page.Locator("form.chase-all textarea[name=message]").FillAsync(Note);
        await page.ClickAsync("form.chase-all button");
        await BrowserPages.ArrivedAsync(page, BrowserPages.EndsWith($"/api/overview?year={Year}&chasedAll={departments - 1}&skipped=1"));
        Assert.Equal($"已催报 {departments - 1} 个部门，跳过 1 个（今天已催报）。", (await page.InnerTextAsync("p.ok[role=status]")).Trim());
        var lastChased = (await page.Locator("table.chases tbody tr td:nth-child(3)").AllInnerTextsAsync()).Select(t => t.Trim()).ToList();
        Assert.Equal(departments, lastChased.Count);
        Assert.All(lastChased, cell => Assert.Matches(@"^今天 \d{2}:\d{2}，区法治办(工作人员|管理员)$", cell));
        Assert.Single(lastChased, cell => cell.EndsWith("区法治办管理员", StringComparison.Ordinal));
        await BrowserPages.CheckAsync(page, "overview-chased-all-1280");

        // The same form posted again (a double click, a reload) sends nothing more and answers the same counts.
        using (var again = await app.ClientAs(LocalHostFixture.Office).PostAsJsonAsync($"api/reports/{Year}/chase", new { id, message = Note }))
        {
            Assert.Equal(HttpStatusCode.OK, again.StatusCode);
            var answer = JsonDocument.Parse(await again.Content.ReadAsStringAsync()).RootElement;
            Assert.Equal(departments - 1, answer.GetProperty("chased").GetArrayLength());
            Assert.Equal(["sjj"], answer.GetProperty("skippedToday").EnumerateArray().Select(d => d.GetString()));
        }

        // One e-mail per department, the 附言 in each one 全部催报 sent; 审计局's is the colleague's, without it.
        var day = ChaseBrowserTests.ChaseDay();
        var chased = JsonDocument.Parse(await app.ClientAs(LocalHostFixture.Office).GetStringAsync($"api/reports/{Year}")).RootElement
            .GetProperty("departments").EnumerateArray().Select(d => d.GetProperty("department").GetString()!).ToList();
        foreach (var department in chased)
        {
            var mail = await app.Smtp.WaitForAsync(m => m.Headers["X-Report-Key"] == $"{Year}-{department}-chase-{day}", TimeSpan.FromSeconds(120));
            Assert.Equal(department != "sjj", mail.TextBody!.Contains(Note, StringComparison.Ordinal));
        }
        await app.WaitForQueuesToDrainAsync();
        Assert.All(chased, department => Assert.Equal(1, app.Smtp.Count($"{Year}-{department}-chase-{day}")));

        var narrow = await BrowserPages.SignedInAsync(app, browser, LocalHostFixture.Office, $"api/overview?year={Year}", 390);
        Assert.Equal("上次催报：", await narrow.EvaluateAsync<string>(
            "getComputedStyle(document.querySelector('table.chases tbody td:nth-child(3)'), '::before').content.replaceAll('\"', '')"));
        await BrowserPages.CheckAsync(narrow, "overview-chased-all-390");

        // A department's author still finds 提交/修改草稿 in the navigation.
        var author = await BrowserPages.SignedInAsync(app, browser, "kgj-author", $"api/todo?year={Year}", 1280);
        Assert.Contains("提交/修改草稿", await author.InnerTextAsync("nav"));
    }

    [Theory]
    [InlineData("kgj-author", "{\"id\":\"abcdef0123\"}", HttpStatusCode.Forbidden)]
    [InlineData("office", "{\"id\":\"x\"}", HttpStatusCode.BadRequest)]
    [InlineData("office", "{\"id\":\"abcdef0123\",\"message\":42}", HttpStatusCode.BadRequest)]
    public async Task Chasing_all_by_someone_else_than_the_office_or_with_bad_input_is_refused_and_chases_nobody(string user, string body,
        HttpStatusCode status)
    {
        const int year = 2007;   // nobody chases 2007
        using var response = await app.ClientAs(user).PostAsync($"api/reports/{year}/chase",
            new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        await BadInputTests.AssertProblemAsync(response, status, $"全部催报 by {user}: {body}");
        var chases = (IChaseRecordRepository)app.Host.Services.GetService(typeof(IChaseRecordRepository))!;
        Assert.Empty(await chases.ListAsync(year));
    }

    [Fact]
    public async Task A_year_end_run_s_page_follows_the_run_by_script_and_shows_the_volume_once_done_without_a_timed_reload()
    {
        // A run recorded as queued whose message has not been taken up yet (as when the queue is busy); the test then moves it on as
        // the worker would, so each state is seen however fast the machine.
        var requests = (IYearEndRequestRepository)app.Host.Services.GetService(typeof(IYearEndRequestRepository))!;
        await using var chromium = await app.Chromium.LeaseAsync();
        foreach (var width in new[] { 1280, 390 })
        {
            var id = Guid.NewGuid().ToString("N");
            var run = await requests.TrySaveAsync(new YearEndRequest(Year, id, "office", "区法治办工作人员", DateTimeOffset.UtcNow));
            Assert.NotNull(run);
            var path = $"api/reports/{Year}/year-end/{id}";
            var page = await BrowserPages.SignedInAsync(app, chromium.Browser, LocalHostFixture.Office, path, width);
            var status = page.GetByRole(AriaRole.Status);
            Assert.Matches(new Regex(@"^已加入汇编队列（\d{4}-\d{2}-\d{2} \d{2}:\d{2}（北京时间），区法治办工作人员），等待处理。$"), (await status.InnerTextAsync()).Trim());
            // No timed reload (WCAG 2.2.1, 3.2.5): one script follows the run, the same that follows 本部门报告's PDF, beside the navigation's count.
            Assert.Equal(0, await page.Locator("meta[http-equiv=refresh]").CountAsync());
            Assert.Equal([HtmlPage.FollowScript, HtmlPage.TodoCountScript, HtmlPage.PostOnceScript], await page.Locator("script").AllTextContentsAsync());
            Assert.EndsWith($"/api/reports/{Year}/year-end/{id}", await status.GetAttributeAsync("data-follow"));
            // The script runs: it offers 停止自动刷新 in place of the plain 刷新 link a page without script shows.
            var stop = page.GetByRole(AriaRole.Link, new() { Name = "停止自动刷新" });
            await Assertions.Expect(stop).ToBeVisibleAsync(new() { Timeout = DebianChromium.StepTimeoutMs });
            Assert.False(await page.GetByRole(AriaRole.Link, new() { Name = "刷新", Exact = true }).IsVisibleAsync());
            await BrowserPages.CheckAsync(page, $"year-end-run-queued-{width}");

            // 停止自动刷新 stops the following: the page as it stands, no script, a link to look again and one to follow again.
            await stop.ClickAsync();
            await BrowserPages.ArrivedAsync(page, BrowserPages.EndsWith($"/{path}?refresh=off"));
            Assert.Equal([HtmlPage.TodoCountScript, HtmlPage.PostOnceScript], await page.Locator("script").AllTextContentsAsync());
            Assert.Equal(0, await page.Locator("[data-follow]").CountAsync());
            Assert.Contains("自动刷新已停止", await page.InnerTextAsync("main"));
            Assert.EndsWith($"/{path}?refresh=off", await page.GetAttributeAsync("a:has-text('刷新查看进度')", "href"));
            await BrowserPages.CheckAsync(page, $"year-end-run-queued-stopped-{width}");
            await page.ClickAsync("a:has-text('恢复自动刷新')");
            await BrowserPages.ArrivedAsync(page, BrowserPages.EndsWith($"/{path}"));
            await Assertions.Expect(stop).ToBeVisibleAsync(new() { Timeout = DebianChromium.StepTimeoutMs });
            var loads = 0;
            page.Load += (_, _) => Interlocked.Increment(ref loads);

            // The worker takes the run up: the status region says so, read out where it is, without a reload.
            run = await requests.TrySaveAsync(run! with { State = YearEndState.Running, StartedAt = DateTimeOffset.UtcNow, Attempts = 1 });
            Assert.NotNull(run);
            await Assertions.Expect(status).ToHaveTextAsync("正在汇编：为已全部通过的报告生成 PDF，再汇编成册。", new() { Timeout = DebianChromium.StepTimeoutMs });
            Assert.Equal(0, loads);
            await BrowserPages.CheckAsync(page, $"year-end-run-running-{width}");

            // Done: the page shows itself finished, with the volume's links, and follows nothing any more.
            Assert.NotNull(await requests.TrySaveAsync(run! with
            {
                State = YearEndState.Done,
                FinishedAt = DateTimeOffset.UtcNow,
                Outcome = "created",
                VolumeVersion = 1,
                PageCount = 12,
            }));
            await Assertions.Expect(status).ToHaveTextAsync("汇编完成：已生成第 1 版报告汇编。", new() { Timeout = DebianChromium.StepTimeoutMs });
            await page.WaitForFunctionAsync("() => document.readyState !== 'loading'");
            Assert.True(loads >= 1);
            Assert.EndsWith($"/reports/{Year}/volume/pdf?version=1", await page.GetAttributeAsync("a[href*='volume/pdf']", "href"));
            Assert.Equal([HtmlPage.TodoCountScript, HtmlPage.PostOnceScript], await page.Locator("script").AllTextContentsAsync());
            await BrowserPages.CheckAsync(page, $"year-end-run-followed-done-{width}");
        }
    }

    [Fact]
    public async Task A_year_end_run_s_page_stops_asking_after_its_tries_and_says_so_with_a_link_to_reload()
    {
        var requests = (IYearEndRequestRepository)app.Host.Services.GetService(typeof(IYearEndRequestRepository))!;
        var id = Guid.NewGuid().ToString("N");
        Assert.NotNull(await requests.TrySaveAsync(new YearEndRequest(Year, id, "office", "区法治办工作人员", DateTimeOffset.UtcNow)));
        var path = $"api/reports/{Year}/year-end/{id}";

        await using var chromium = await app.Chromium.LeaseAsync();
        var page = await BrowserPages.SignedInAsync(app, chromium.Browser, LocalHostFixture.Office, path, 390);
        // The page as served, but with two tries 50 ms apart instead of ten minutes' worth: the run stays queued, so the script gives up.
        var tries = await page.GetByRole(AriaRole.Status).GetAttributeAsync("data-tries");
        Assert.Equal(((int)(YearEndRunPage.Patience / YearEndRunPage.AskEvery)).ToString(System.Globalization.CultureInfo.InvariantCulture), tries);
        await page.RouteAsync(BrowserPages.EndsWith("/" + path), async route =>
        {
            if (route.Request.ResourceType != "document")
            {
                await route.ContinueAsync();
                return;
            }
            var served = await route.FetchAsync();
            var body = Regex.Replace(await served.TextAsync(), @"data-tries=""\d+"" ", @"data-tries=""2"" ");
            await route.FulfillAsync(new() { Response = served, Body = Regex.Replace(body, @"data-every=""\d+"" ", @"data-every=""50"" ") });
        });
        await page.GotoAsync(new Uri(app.Host.BaseAddress, path).ToString());
        await BrowserPages.ArrivedAsync(page, BrowserPages.EndsWith("/" + path));

        var status = page.GetByRole(AriaRole.Status);
        await Assertions.Expect(status).ToHaveTextAsync("汇编仍未完成，本页已停止自动查看。 刷新本页", new() { Timeout = DebianChromium.StepTimeoutMs });
        Assert.EndsWith("/" + path, await status.GetByRole(AriaRole.Link, new() { Name = "刷新本页" }).GetAttributeAsync("href"));
        Assert.False(await page.GetByRole(AriaRole.Link, new() { Name = "停止自动刷新" }).IsVisibleAsync());
        Assert.True(await page.GetByRole(AriaRole.Link, new() { Name = "刷新", Exact = true }).IsVisibleAsync());
        await page.UnrouteAllAsync();
        await BrowserPages.CheckAsync(page, "year-end-run-gave-up-390");
    }

    [Fact]
    public async Task Without_script_a_year_end_run_s_page_offers_a_plain_link_to_look_again()
    {
        var requests = (IYearEndRequestRepository)app.Host.Services.GetService(typeof(IYearEndRequestRepository))!;
        var id = Guid.NewGuid().ToString("N");
        Assert.NotNull(await requests.TrySaveAsync(new YearEndRequest(Year, id, "office", "区法治办工作人员", DateTimeOffset.UtcNow)));

        await using var chromium = await app.Chromium.LeaseAsync();
        var context = await DebianChromium.NewContextAsync(chromium.Browser, new BrowserNewContextOptions
        {
            Locale = "zh-CN", ViewportSize = new ViewportSize { Width = 390, Height = 900 }, JavaScriptEnabled = false,
        });
        var page = await context.NewPageAsync();
        var path = $"api/reports/{Year}/year-end/{id}";
        await page.GotoAsync(new Uri(app.Host.BaseAddress, path).ToString());
        await page.ClickAsync(BrowserPages.UserButton(LocalHostFixture.Office));
        await BrowserPages.CommittedAsync(page, BrowserPages.EndsWith("/" + path));

        // Seen once the page is there (the link shows): with no script nothing follows the run, so nothing may say it does.
        var again = page.GetByRole(AriaRole.Link, new() { Name = "刷新", Exact = true });
        await Assertions.Expect(again).ToBeVisibleAsync(new() { Timeout = DebianChromium.StepTimeoutMs });
        Assert.EndsWith($"/{path}", await again.GetAttributeAsync("href"));
        Assert.False(await page.GetByRole(AriaRole.Link, new() { Name = "停止自动刷新" }).IsVisibleAsync());
        Assert.DoesNotContain("自动查看", await page.InnerTextAsync("main"));
        Assert.Contains("等待处理", await page.InnerTextAsync("main"));
    }
}
