using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Reporting.Functions.Http;
using Reporting.TestSupport;
using Xunit;
using Xunit.Abstractions;

namespace Reporting.EndToEnd.Tests;

/// <summary>
/// 本部门报告 in Debian's Chromium: the parts and PDF versions in Chinese, the notice per channel (sent, or failed with
/// its next attempt), a download button that fetches the PDF through the API, and the download URL opened by a browser
/// that is not signed in (as from an e-mail): sign in, then the PDF. Refusals are pages for browsers, JSON for programs.
/// </summary>
[Collection(LocalHostCollection.Name)]
public sealed class DepartmentPageTests(LocalHostFixture app, ITestOutputHelper output)
{
    private const int Year = 2014;
    private const string Kgj = "魏都区科学技术和工业信息化局";

    /// <summary>Codes that must never reach a reader: department slugs, part keys, statuses and channels in English, exception names.</summary>
    private static readonly Regex Codes = new(
        @"\b(kgj|czj|sfj|preamble|duty|measures|shortcomings|plans|other|submitted|approved|rejected|pending|drafting|reviewing"
        + @"|assembling|assembled|sending|retrying|sent|email|webhook)\b|Exception");

    private static readonly TimeZoneInfo Beijing = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    private Routes Routes => (Routes)app.Host.Services.GetService(typeof(Routes))!;

    private string Url(string path) => new Uri(app.Host.BaseAddress, path).ToString();

    [Fact]
    public async Task The_author_sees_parts_and_the_notified_pdf_in_chinese_and_downloads_it_through_a_fresh_link()
    {
        await app.SubmitFixtureAsync(Year, "kgj");
        var report = await app.WaitForReportAsync(Year, "kgj", r => LocalHostFixture.VersionNotified(r, 1));
        var pdf = report.GetProperty("versions")[0];
        var pages = pdf.GetProperty("pageCount").GetInt32();
        var notifiedAt = pdf.GetProperty("notifiedAt").GetDateTimeOffset();

        await using var chromium = await app.Chromium.LeaseAsync();
        var browser = chromium.Browser;

        // A member asking for another department still reads their own.
        var page = await OpenSignedInAsync(browser, "kgj-author", Routes.DepartmentPage(Year, "sfj"), 1280);
        var text = await page.InnerTextAsync("main");
        Assert.Contains($"{Year} 年{Kgj}", text);
        Assert.Contains("报告状态：已生成 PDF", text);
        Assert.Contains("最新通过的各部分均已生成 PDF。", text);
        var parts = await page.Locator("main table").First.Locator("tbody tr").AllInnerTextsAsync();
        Assert.Equal(6, parts.Count);
        Assert.All(parts.Take(5), row => Assert.Matches(@"已通过[\s\S]*第 1 版，科工局起草人，\d{4}-\d\d-\d\d \d\d:\d\d（北京时间）提交[\s\S]*第 1 版", row));
        Assert.Contains("一、党政主要负责人履行推进法治建设第一责任人职责", parts[1]);
        Assert.Matches(@"五、其他需要报告的情况（选填）\s+未提交\s+—\s+无", parts[5]);

        var row = await page.Locator("table.pdfs tbody tr").AllInnerTextsAsync();
        var v1 = Assert.Single(row);
        Assert.Contains("第 1 版", v1);
        Assert.Contains($"{pages} 页", v1);
        Assert.Contains("已生成，已通知区法治办", v1);
        Assert.Contains($"已于 {BeijingTime(notifiedAt)}通知", v1);
        Assert.Matches(@"邮件：已于 \d{4}-\d\d-\d\d \d\d:\d\d（北京时间）送达", v1);
        Assert.Matches(@"推送：已于 \d{4}-\d\d-\d\d \d\d:\d\d（北京时间）送达", v1);
        await CheckPageAsync(page, "department-author-1280");

        // The button asks the API (which checks the reader) and follows its redirect to a fresh short link: the PDF itself.
        var button = page.GetByRole(AriaRole.Link, new() { Name = "下载第 1 版 PDF" });
        Assert.Equal(Routes.ReportPdf(Year, "kgj", 1), await button.GetAttributeAsync("href"));
        var download = await page.RunAndWaitForDownloadAsync(() => button.ClickAsync());
        await AssertPdfAsync(download, $"{Year}/kgj/{Year}-kgj-v1.pdf");

        await page.SetViewportSizeAsync(390, 900);
        await page.ReloadAsync();
        await CheckPageAsync(page, "department-author-390");

        // The district office picks the department.
        var office = await OpenSignedInAsync(browser, LocalHostFixture.Office, Routes.DepartmentPage(Year), 390);
        Assert.Contains("请选择要查看的部门。", await office.InnerTextAsync("main"));
        await office.SelectOptionAsync("select#department", new SelectOptionValue { Label = Kgj });
        await office.GetByRole(AriaRole.Button, new() { Name = "查看" }).ClickAsync();
        await BrowserPages.ArrivedAsync(office, BrowserPages.Exactly(Url(Routes.DepartmentPage(Year, "kgj"))));
        Assert.Contains($"已于 {BeijingTime(notifiedAt)}通知", await office.InnerTextAsync("table.pdfs"));
        Assert.DoesNotContain("撰写", await office.InnerTextAsync("main table"));
        await CheckPageAsync(office, "department-office-390");

        // The e-mail's link opened in a fresh browser: sign in, then straight back to the PDF.
        var fresh = await NewPageAsync(browser, 1280);
        await fresh.GotoAsync(Url(Routes.ReportPdf(Year, "kgj", 1)));
        Assert.StartsWith(Url(Routes.SignIn()), fresh.Url);
        Assert.Contains(Uri.EscapeDataString(Routes.ReportPdf(Year, "kgj", 1)), fresh.Url);
        var afterSignIn = await fresh.RunAndWaitForDownloadAsync(() => fresh.ClickAsync(BrowserPages.UserButton("kgj-author")));
        await AssertPdfAsync(afterSignIn, $"{Year}/kgj/{Year}-kgj-v1.pdf");

        // What the page costs over the JSON it reads (same queries): 20 requests each, one after another.
        using var html = HtmlClient();
        var cookie = await app.SignInCookieAsync("kgj-author");
        var pageTimes = await TimeAsync(async () =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, Routes.DepartmentPage(Year));
            request.Headers.Add("Cookie", cookie);
            using var response = await html.SendAsync(request);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains("下载第 1 版 PDF", await response.Content.ReadAsStringAsync());
        });
        var jsonTimes = await TimeAsync(async () => await app.ClientAs("kgj-author").GetStringAsync(Routes.Report(Year, "kgj")));
        output.WriteLine($"本部门报告 page: p50 {pageTimes[10]:F0} ms, max {pageTimes[^1]:F0} ms; "
            + $"GET report JSON: p50 {jsonTimes[10]:F0} ms, max {jsonTimes[^1]:F0} ms (20 requests each)");
    }

    private static async Task<List<double>> TimeAsync(Func<Task> request)
    {
        var times = new List<double>();
        for (var i = 0; i < 20; i++)
        {
            var clock = Stopwatch.StartNew();
            await request();
            times.Add(clock.Elapsed.TotalMilliseconds);
        }
        times.Sort();
        return times;
    }

    /// <summary>A client that asks as a browser navigating does (text/html), follows no redirect and keeps no cookie.</summary>
    private HttpClient HtmlClient()
    {
        var client = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = app.Host.BaseAddress };
        client.DefaultRequestHeaders.Accept.ParseAdd("text/html,application/xhtml+xml,*/*;q=0.8");
        return client;
    }

    [Fact]
    public async Task Download_refusals_are_readable_pages_for_a_browser_and_problem_json_for_api_clients()
    {
        await app.SubmitFixtureAsync(Year, "sfj");
        await app.WaitForReportAsync(Year, "sfj", r => LocalHostFixture.VersionNotified(r, 1));
        var pdf = Routes.ReportPdf(Year, "sfj", 1);

        await using var chromium = await app.Chromium.LeaseAsync();
        var browser = chromium.Browser;

        // Another department's member: signs in from the link, then a 403 page in Chinese.
        var other = await NewPageAsync(browser, 390);
        await other.GotoAsync(Url(pdf));
        var refused = await other.RunAndWaitForResponseAsync(() => other.ClickAsync(BrowserPages.UserButton("kgj-author")), r => r.Url == Url(pdf));
        Assert.Equal(403, refused.Status);
        Assert.Contains("您只能处理本部门的报告", await other.InnerTextAsync("main"));
        await CheckPageAsync(other, "department-download-refused-390");

        // A version that does not exist: 404, named in words.
        var missing = await other.GotoAsync(Url(Routes.ReportPdf(Year, "kgj", 9)));
        Assert.Equal(404, missing!.Status);
        Assert.Contains($"{Year} 年{Kgj}报告的第 9 版 PDF不存在或尚未生成。", await other.InnerTextAsync("main"));
        await CheckPageAsync(other, "department-download-missing-390");

        // Programs keep the JSON API: 401, 403, 404 problem+json; a 302 to the blob when allowed.
        await AssertProblemAsync(app.Anonymous, pdf, HttpStatusCode.Unauthorized);
        await AssertProblemAsync(app.ClientAs("kgj-author"), pdf, HttpStatusCode.Forbidden);
        await AssertProblemAsync(app.ClientAs("sfj-author"), Routes.ReportPdf(Year, "sfj", 9), HttpStatusCode.NotFound);
        using (var allowed = await app.ClientAs("sfj-author").GetAsync(pdf))
        {
            Assert.Equal(HttpStatusCode.Found, allowed.StatusCode);
            Assert.Contains($"{Year}-sfj-v1.pdf", allowed.Headers.Location!.ToString());
        }

        // The volume download too: a browser not signed in is sent to sign in; the office finds none for this year (a page).
        using var html = HtmlClient();
        using (var anonymous = await html.GetAsync(Routes.VolumePdf(Year)))
        {
            Assert.Equal(HttpStatusCode.Found, anonymous.StatusCode);
            Assert.Equal(Routes.SignIn(Routes.VolumePdf(Year)), anonymous.Headers.Location!.ToString());
        }
        using var asOffice = new HttpRequestMessage(HttpMethod.Get, Routes.VolumePdf(Year));
        asOffice.Headers.Add("Cookie", await app.SignInCookieAsync(LocalHostFixture.Office));
        using var none = await html.SendAsync(asOffice);
        Assert.Equal(HttpStatusCode.NotFound, none.StatusCode);
        Assert.Equal("text/html", none.Content.Headers.ContentType!.MediaType);
        Assert.Contains($"{Year} 年度报告汇编不存在或尚未生成。", await none.Content.ReadAsStringAsync());
        await AssertProblemAsync(app.ClientAs(LocalHostFixture.Office), Routes.VolumePdf(Year), HttpStatusCode.NotFound);

        // The page itself refuses a department that does not exist with a page too.
        using var unknown = new HttpRequestMessage(HttpMethod.Get, Routes.DepartmentPage(Year, "nosuch"));
        unknown.Headers.Add("Cookie", await app.SignInCookieAsync(LocalHostFixture.Office));
        using var refusedPage = await html.SendAsync(unknown);
        Assert.Equal(HttpStatusCode.BadRequest, refusedPage.StatusCode);
        Assert.Equal("text/html", refusedPage.Content.Headers.ContentType!.MediaType);
        Assert.Contains("未知的部门代码“nosuch”。", await refusedPage.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_notice_that_failed_shows_each_channels_reason_in_chinese_the_attempts_and_the_next_attempt_then_its_delivery()
    {
        const string department = "czj";
        IPage page;
        await using var chromium = await app.Chromium.LeaseAsync();
        var browser = chromium.Browser;
        await app.Smtp.StopAsync();
        app.Webhook.FailWith = HttpStatusCode.InternalServerError;
        try
        {
            await app.SubmitFixtureAsync(Year, department);
            await app.WaitForReportAsync(Year, department, r => Retrying(r, "email") && Retrying(r, "webhook"));

            page = await OpenSignedInAsync(browser, "czj-author", Routes.DepartmentPage(Year, department), 1280);
            // Attempts go on every few seconds here (1 s, 2 s, 4 s…): read the page when it catches one between attempts.
            string row = "";
            await Eventually.HoldsAsync(async () =>
            {
                row = await page.InnerTextAsync("table.pdfs tbody tr");
                if (Regex.Matches(row, "发送失败").Count == 2) return true;
                await page.ReloadAsync();
                return false;
            }, TimeSpan.FromSeconds(120), () => "the page never showed the failed e-mail: " + row);
            Assert.Contains("已生成，通知未送达，正在重试", row);
            Assert.Contains("尚未通知", row);
            Assert.Matches(@"邮件：发送失败：无法连接邮件服务器。已尝试 \d+ 次，将于 \d{4}-\d\d-\d\d \d\d:\d\d（北京时间）再次尝试", row);
            Assert.Matches(@"推送：发送失败：推送地址返回错误（状态码 500）。已尝试 \d+ 次，将于 \d{4}-\d\d-\d\d \d\d:\d\d（北京时间）再次尝试", row);
            await CheckPageAsync(page, "department-notice-failed-1280");
            await page.SetViewportSizeAsync(390, 900);
            await CheckPageAsync(page, "department-notice-failed-390");
        }
        finally
        {
            app.Webhook.FailWith = null;
            await app.Smtp.InitializeAsync();
        }

        var notified = await app.WaitForReportAsync(Year, department, r => LocalHostFixture.VersionNotified(r, 1));
        await page.ReloadAsync();
        var delivered = await page.InnerTextAsync("table.pdfs tbody tr");
        Assert.Contains("已生成，已通知区法治办", delivered);
        Assert.Contains($"已于 {BeijingTime(notified.GetProperty("versions")[0].GetProperty("notifiedAt").GetDateTimeOffset())}通知", delivered);
        Assert.Matches(@"邮件：已于 \d{4}-\d\d-\d\d \d\d:\d\d（北京时间）送达", delivered);
        Assert.Matches(@"推送：已于 \d{4}-\d\d-\d\d \d\d:\d\d（北京时间）送达", delivered);
        await app.WaitForQueuesToDrainAsync();
        Assert.Equal(1, app.Smtp.Count($"{Year}-{department}-v1"));
        Assert.Equal(1, app.Webhook.Count($"{Year}-{department}-v1"));
    }

    private static string BeijingTime(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, Beijing).ToString("yyyy-MM-dd HH:mm") + "（北京时间）";

    /// <summary>The status JSON says the channel failed and will be tried again.</summary>
    private static bool Retrying(JsonElement report, string channel) =>
        LocalHostFixture.Notification(report, 1) is { } notification
        && notification.GetProperty("channels").EnumerateArray()
            .Any(c => c.GetProperty("channel").GetString() == channel && c.GetProperty("status").GetString() == "retrying");

    private static async Task<IPage> NewPageAsync(IBrowser browser, int width)
    {
        var context = await DebianChromium.NewContextAsync(browser,
            new BrowserNewContextOptions { Locale = "zh-CN", ViewportSize = new ViewportSize { Width = width, Height = 900 }, AcceptDownloads = true });
        return await context.NewPageAsync();
    }

    /// <summary>Opens <paramref name="path"/> not signed in, is sent to sign in, picks <paramref name="user"/> and lands back on it.</summary>
    private async Task<IPage> OpenSignedInAsync(IBrowser browser, string user, string path, int width)
    {
        var page = await NewPageAsync(browser, width);
        await page.GotoAsync(Url(path));
        Assert.StartsWith(Url(Routes.SignIn()), page.Url);
        await page.ClickAsync(BrowserPages.UserButton(user));
        await BrowserPages.ArrivedAsync(page, BrowserPages.Exactly(Url(path)));
        return page;
    }

    /// <summary>The browser got the very PDF stored for that version.</summary>
    private async Task AssertPdfAsync(IDownload download, string blobName)
    {
        Assert.Null(await download.FailureAsync());
        var bytes = await File.ReadAllBytesAsync((await download.PathAsync())!);
        Assert.Equal("%PDF", Encoding.ASCII.GetString(bytes, 0, 4));
        var stored = await app.Storage.Blobs.GetBlobContainerClient(app.Storage.Options.ReportsContainer).GetBlobClient(blobName).DownloadContentAsync();
        Assert.Equal(stored.Value.Content.ToArray(), bytes);
    }

    private static async Task AssertProblemAsync(HttpClient client, string path, HttpStatusCode status)
    {
        using var response = await client.GetAsync(path);
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal((int)status, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("status").GetInt32());
    }

    /// <summary>No code where people read, no serious or critical axe violation, nothing wider than the window; a screenshot to look at.</summary>
    private static async Task CheckPageAsync(IPage page, string name)
    {
        Assert.Equal("zh-CN", await page.GetAttributeAsync("html", "lang"));
        Assert.DoesNotMatch(Codes, await page.InnerTextAsync("body"));
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"), $"{name}: wider than the window");
        var axe = await page.RunAxe(BrowserPages.ViolationsOnly);
        var bad = axe.Violations.Where(v => v.Impact is "serious" or "critical").Select(v => $"{v.Id}: {v.Help}").ToList();
        Assert.True(bad.Count == 0, $"{name}: {string.Join("; ", bad)}");
        var directory = Path.Combine(RepoPaths.Root, ".local", "screenshots");
        Directory.CreateDirectory(directory);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(directory, name + ".png"), FullPage = true });
    }
}
