using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Xunit;
using Xunit.Abstractions;

namespace Reporting.EndToEnd.Tests;

/// <summary>全区总览 in Debian's Chromium: the departments × parts grid in status words, counts, 催报 text and CSV, 立即汇编.</summary>
[Collection(LocalHostCollection.Name)]
public sealed class OverviewPageTests(LocalHostFixture app, ITestOutputHelper output)
{
    private const int Year = 2004;       // the grid, the 催报 list and 立即汇编
    private const int JsonYear = 2005;   // the JSON callers of POST year-end

    private const string Duty = "一、党政主要负责人履行推进法治建设第一责任人职责，加强法治政府建设的有关情况";
    private const string Measures = "二、推进法治政府建设的主要举措和成效";

    [Fact]
    public async Task The_office_sees_every_department_by_part_chases_the_missing_and_compiles_the_volume()
    {
        // 科工局 complete and assembled; 司法局: duty awaiting review, measures rejected; 卫健委: the opening approved; the rest nothing.
        await app.SubmitFixtureAsync(Year, "kgj");
        await app.SubmitOkAsync(Year, "sfj", "duty", "局主要负责人认真履行第一责任人职责。");
        var measures = await app.SubmitOkAsync(Year, "sfj", "measures", "我局持续推进法治政府建设。");
        using (var rejected = await app.DecideAsync(Year, "sfj", "measures", measures, "reject", comment: "请补充具体举措。"))
            Assert.True(rejected.IsSuccessStatusCode, await rejected.Content.ReadAsStringAsync());
        await app.ApproveOkAsync(Year, "wjw", "preamble", await app.SubmitOkAsync(Year, "wjw", "preamble", "2004年，我委坚持以习近平法治思想为指导。"));
        await app.WaitForReportAsync(Year, "kgj", r => LocalHostFixture.VersionNotified(r, 1));

        await using var chromium = await app.Chromium.LeaseAsync();
        var browser = chromium.Browser;
        var page = await BrowserPages.SignedInAsync(app, browser, LocalHostFixture.Office, $"api/overview?year={Year}", 1280);

        Assert.Contains("完成 1 个部门，未完成 23 个", await page.InnerTextAsync(".counts"));
        var headers = await page.Locator(".grid thead th").AllInnerTextsAsync();
        Assert.Equal(["部门", "开头部分", "第一部分", "第二部分", "第三部分", "第四部分", "第五部分（选填）", "报告 PDF", "向社会公开"], headers.Select(h => h.Trim()));
        Assert.Equal(Duty, await page.GetAttributeAsync(".grid thead th:nth-child(3) abbr", "title"));
        Assert.Equal(["已通过", "已通过", "已通过", "已通过", "已通过", "未提交", "第 1 版 下载 OFD", "未发布 发布"], await RowAsync(page, "魏都区科学技术和工业信息化局"));
        Assert.EndsWith($"/reports/{Year}/kgj/ofd?version=1", await page.GetAttributeAsync("a[aria-label='下载 OFD：魏都区科学技术和工业信息化局报告第 1 版']", "href"));
        Assert.Equal(["未提交", "待审核", "已退回", "未提交", "未提交", "未提交", "—", "未发布"], await RowAsync(page, "魏都区司法局"));
        Assert.Equal(["已通过", "未提交", "未提交", "未提交", "未提交", "未提交", "—", "未发布"], await RowAsync(page, "魏都区卫生健康委员会"));
        Assert.Equal(["未提交", "未提交", "未提交", "未提交", "未提交", "未提交", "—", "未发布"], await RowAsync(page, "魏都区教育局"));
        Assert.Equal(24, await page.Locator(".grid tbody tr").CountAsync());
        var pdf = await page.GetAttributeAsync(".grid tbody tr:has(th:text-is('魏都区科学技术和工业信息化局')) a", "href");
        Assert.StartsWith("%PDF", await DownloadAsync(pdf));

        // 催报: 23 departments, required parts not approved, in words; 科工局 is not chased.
        var chase = (await page.InputValueAsync("#chase")).Split('\n');
        Assert.Contains($"魏都区司法局：{Duty}（待审核，请审核人审核）", chase);
        Assert.Contains($"魏都区司法局：{Measures}（已退回，请起草人修改后重新提交）", chase);
        Assert.Contains("魏都区司法局：开头部分（“一、”之前）（未提交，请起草人撰写并提交）", chase);
        Assert.DoesNotContain(chase, l => l.StartsWith("魏都区科学技术和工业信息化局", StringComparison.Ordinal));
        Assert.DoesNotContain(chase, l => l.StartsWith("魏都区卫生健康委员会：开头部分", StringComparison.Ordinal));
        Assert.Equal(21 * 5 + 5 + 4, chase.Length);
        Assert.True(await page.GetAttributeAsync("#chase", "readonly") is not null);
        await BrowserPages.CheckAsync(page, "overview-office-1280");

        // The CSV the browser downloads holds the same rows, in UTF-8 with a BOM, named in Chinese; the list and its CSV
        // sit folded under the 催报 table.
        await page.ClickAsync("details.chase-list summary");
        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("a:has-text('下载催报名单')"));
        Assert.Equal($"{Year}年度法治政府建设报告催报名单.csv", download.SuggestedFilename);
        var bytes = await File.ReadAllBytesAsync(await download.PathAsync());
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        var rows = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("部门,部分,状态,催办事项", rows[0]);
        Assert.Equal(chase, rows[1..].Select(r => r.Split(',')).Select(c => $"{c[0]}：{c[1]}（{c[2]}，{c[3]}）"));

        // 立即汇编: a form post, 303 to the run's page at once, which reloads itself while the run is queued or running
        // and then says what happened and links the volume.
        Assert.Equal(0, await page.Locator("a[href*='volume/pdf']").CountAsync());
        await page.ClickAsync("button:has-text('立即汇编')");
        var runPage = new Regex($@"/api/reports/{Year}/year-end/[0-9a-f]{{32}}$");
        await BrowserPages.ArrivedAsync(page, runPage);
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("汇编完成：已生成第 1 版报告汇编",
            new() { Timeout = DebianChromium.StepTimeoutMs });
        await page.WaitForFunctionAsync("() => document.readyState !== 'loading'");
        Assert.Equal(0, await page.Locator("meta[http-equiv=refresh]").CountAsync());
        var volume = await page.GetAttributeAsync("a[href*='volume/pdf']", "href");
        Assert.EndsWith($"/reports/{Year}/volume/pdf?version=1", volume);
        Assert.StartsWith("%PDF", await DownloadAsync(volume));
        Assert.EndsWith($"/reports/{Year}/volume/ofd?version=1", await page.GetAttributeAsync("a[href*='volume/ofd']", "href"));
        await BrowserPages.CheckAsync(page, "year-end-run-done-1280");
        var run = page.Url;
        await page.ClickAsync("a:has-text('返回全区总览')");
        await BrowserPages.ArrivedAsync(page, BrowserPages.EndsWith($"/api/overview?year={Year}"));
        Assert.EndsWith($"/reports/{Year}/volume/pdf?version=1", await page.GetAttributeAsync("a[href*='volume/pdf']", "href"));
        await BrowserPages.CheckAsync(page, "overview-office-compiled-1280");

        // At 390 px the grid scrolls inside its own box; the page stays within the window.
        var narrow = await BrowserPages.SignedInAsync(app, browser, LocalHostFixture.Office, $"api/overview?year={Year}", 390);
        Assert.True(await narrow.EvaluateAsync<bool>("(() => { const g = document.querySelector('.grid'); return g.scrollWidth > g.clientWidth; })()"));
        await BrowserPages.CheckAsync(narrow, "overview-office-390");
        await narrow.GotoAsync(run);
        Assert.Contains("汇编完成", await narrow.GetByRole(AriaRole.Status).InnerTextAsync());
        await BrowserPages.CheckAsync(narrow, "year-end-run-done-390");
    }

    [Fact]
    public async Task Authors_and_approvers_get_a_refusal_page_and_no_csv()
    {
        await using var chromium = await app.Chromium.LeaseAsync();
        var browser = chromium.Browser;
        foreach (var (user, width) in new[] { ("kgj-author", 1280), ("kgj-approver", 390) })
        {
            var page = await BrowserPages.NewPageAsync(browser, width);
            await BrowserPages.SignInAsync(app, page, user);
            var response = await page.GotoAsync(new Uri(app.Host.BaseAddress, $"api/overview?year={Year}").ToString());
            Assert.Equal(403, response!.Status);
            Assert.Contains("无权", await page.InnerTextAsync("h1"));
            Assert.DoesNotContain("全区总览", await page.InnerTextAsync("nav"));
            await BrowserPages.CheckAsync(page, $"overview-{user.Split('-')[1]}-refused-{width}");
        }
        using var csv = await app.ClientAs("kgj-author").GetAsync($"api/overview/missing.csv?year={Year}");
        Assert.Equal(HttpStatusCode.Forbidden, csv.StatusCode);
    }

    [Fact]
    public async Task The_chase_csv_names_its_file_in_chinese_and_json_callers_of_year_end_get_json()
    {
        using var csv = await app.ClientAs(LocalHostFixture.Office).GetAsync($"api/overview/missing.csv?year={JsonYear}");
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        var disposition = csv.Content.Headers.ContentDisposition!;
        Assert.Equal($"chase-{JsonYear}.csv", disposition.FileName!.Trim('"'));
        Assert.Equal($"{JsonYear}年度法治政府建设报告催报名单.csv", disposition.FileNameStar);
        Assert.Equal(1 + 24 * 5, (await csv.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length);

        // The page reads 24 departments' drafts side by side: a figure to watch, bounded loosely for a shared machine.
        var times = new List<double>();
        for (var i = 0; i < 5; i++)
        {
            var started = Stopwatch.GetTimestamp();
            using var overview = await app.ClientAs(LocalHostFixture.Office).GetAsync($"api/overview?year={JsonYear}");
            Assert.Equal(HttpStatusCode.OK, overview.StatusCode);
            times.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
        output.WriteLine($"全区总览 {JsonYear}: {string.Join(", ", times.Select(t => $"{t:F0} ms"))}");
        Assert.True(times.Order().ElementAt(2) < 2000, $"median {times.Order().ElementAt(2):F0} ms");

        // An API client posting a form (no Accept: text/html) gets JSON, not a redirect: the run, accepted (202).
        using var run = await app.ClientAs(LocalHostFixture.Office).PostAsync($"api/reports/{JsonYear}/year-end", new FormUrlEncodedContent([]));
        Assert.Equal(HttpStatusCode.Accepted, run.StatusCode);
        Assert.Equal(JsonYear, JsonDocument.Parse(await run.Content.ReadAsStringAsync()).RootElement.GetProperty("year").GetInt32());
        await app.WaitForYearEndRunAsync(run.Headers.Location!);
    }

    /// <summary>Follows a download link as the office does: 302 to a short-lived storage link, then the file's first bytes.</summary>
    private async Task<string> DownloadAsync(string? link)
    {
        using var answer = await app.ClientAs(LocalHostFixture.Office).GetAsync(link);
        Assert.Equal(HttpStatusCode.Found, answer.StatusCode);
        var bytes = await app.Anonymous.GetByteArrayAsync(answer.Headers.Location);
        return Encoding.ASCII.GetString(bytes[..8]);
    }

    /// <summary>The cells of one department's row, after its name.</summary>
    private static async Task<IReadOnlyList<string>> RowAsync(IPage page, string department) =>
        (await page.Locator($".grid tbody tr:has(th:text-is('{department}')) td").AllInnerTextsAsync()).Select(c => c.Trim()).ToList();
}
