using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using Xunit;

namespace Reporting.EndToEnd.Tests;

/// <summary>催报 by hand: the district office presses 催报 beside a department on 全区总览, in Debian's Chromium.</summary>
[Collection(LocalHostCollection.Name)]
public sealed class ChaseBrowserTests(LocalHostFixture app)
{
    private const int Year = 2000;

    [Fact]
    public async Task The_office_chases_one_department_from_the_overview_and_its_members_get_one_email_with_the_message()
    {
        // 教育局 2000: 一、 sent back with a comment, 二、 awaiting review, the rest not written.
        var duty = await app.SubmitOkAsync(Year, "jyj", "duty", "局主要负责人认真履行第一责任人职责。");
        using (var rejected = await app.DecideAsync(Year, "jyj", "duty", duty, "reject", comment: "请补充2000年度述法情况。"))
            Assert.True(rejected.IsSuccessStatusCode, await rejected.Content.ReadAsStringAsync());
        await app.SubmitOkAsync(Year, "jyj", "measures", "我局持续推进法治政府建设。");

        await using var chromium = await app.Chromium.LeaseAsync();
        var browser = chromium.Browser;
        var page = await BrowserPages.SignedInAsync(app, browser, LocalHostFixture.Office, $"api/overview?year={Year}", 1280);
        var row = page.Locator("table.chases tbody tr").Filter(new LocatorFilterOptions { Has = page.Locator("th", new() { HasTextString = "魏都区教育局" }) });
        Assert.Equal(["5 个部分", "尚未催报"], (await row.Locator("td").AllInnerTextsAsync()).Take(2).Select(t => t.Trim()));
        var form = row.Locator("form");
        await BrowserPages.CheckAsync(page, "overview-chase-office-1280");
        await form.Locator("input[name=message]").FillAsync("请于本周五前完成并提交审核。");
        await form.Locator("button").ClickAsync();
        await BrowserPages.ArrivedAsync(page, BrowserPages.EndsWith("/api/overview?year=2000&chased=jyj&outcome=queued"));
        Assert.Contains("已向魏都区教育局发送催报", await page.InnerTextAsync("p.ok[role=status]"));
        // The row now says when and by whom: today, by the office's staff.
        var last = (await row.Locator("td").Nth(1).InnerTextAsync()).Trim();
        Assert.Matches(@"^今天 \d{2}:\d{2}，区法治办工作人员$", last);
        await BrowserPages.CheckAsync(page, "overview-chased-office-1280");
        await page.SetViewportSizeAsync(390, 900);
        await BrowserPages.CheckAsync(page, "overview-chased-office-390");
        await page.SetViewportSizeAsync(1280, 900);

        var key = $"{Year}-jyj-chase-{ChaseDay()}";
        var mail = await app.Smtp.WaitForAsync(m => m.Headers["X-Report-Key"] == key, TimeSpan.FromSeconds(120));
        Assert.Equal(["jyj-author@localhost", "jyj-approver@localhost", "jyj-approver2@localhost"], mail.To.Mailboxes.Select(m => m.Address));
        Assert.StartsWith("【催报】魏都区法治政府建设领导小组办公室催报：魏都区教育局 2000年度法治政府建设情况报告尚未完成，已逾期", mail.Subject);
        Assert.Contains("（区法治办工作人员）于", mail.TextBody);
        Assert.Contains("请于本周五前完成并提交审核。", mail.TextBody);
        Assert.Contains("已退回（第 1 版，审核意见：请补充2000年度述法情况。）", mail.TextBody);
        Assert.Contains("待审核（第 1 版）", mail.TextBody);
        Assert.Equal("report.chased", mail.Headers["X-Notice-Kind"]);
        MailSamples.Save("report-chased", mail);

        // Another member of staff chases the same department the same day: refused, naming who chased it and when; nothing sent.
        using (var again = await app.ClientAs("office-admin").PostAsJsonAsync($"api/reports/{Year}/jyj/chase",
            new { id = Guid.NewGuid().ToString("N"), message = "再催一次" }))
        {
            var problem = await BadInputTests.AssertProblemAsync(again, HttpStatusCode.Conflict, "a second chase the same day");
            Assert.Matches(@"^该部门今天已由区法治办工作人员于 \d{2}:\d{2} 催报，未重复发送", problem.GetProperty("detail").GetString());
            Assert.Contains(last[3..8], problem.GetProperty("detail").GetString());
        }
        await app.WaitForQueuesToDrainAsync();
        Assert.Equal(1, app.Smtp.Count(key));
        Assert.Equal(1, app.Webhook.Count(key));
        var trail = (await app.GetReportAsync(Year, "jyj")).GetProperty("audit").EnumerateArray().Select(a => a.GetProperty("action").GetString()).ToList();
        Assert.Single(trail, a => a == "report.chased");
        Assert.Single(trail, a => a == "report.chase-sent");

        var narrow = await BrowserPages.SignedInAsync(app, browser, LocalHostFixture.Office, $"api/overview?year={Year}", 390);
        await BrowserPages.CheckAsync(narrow, "overview-chase-office-390");

        // In a browser the second 催报 of the day comes back to 全区总览, which names who chased it and when.
        var other = await BrowserPages.SignedInAsync(app, browser, "office-admin", $"api/overview?year={Year}", 1280);
        var otherRow = other.Locator("table.chases tbody tr")
            .Filter(new LocatorFilterOptions { Has = other.Locator("th", new() { HasTextString = "魏都区教育局" }) });
        await otherRow.Locator("button").ClickAsync();
        await BrowserPages.ArrivedAsync(other, BrowserPages.EndsWith("/api/overview?year=2000&chased=jyj&outcome=chased-today"));
        Assert.Matches(@"魏都区教育局今天已由区法治办工作人员于 \d{4}-\d{2}-\d{2} \d{2}:\d{2}（北京时间） 催报，未重复发送",
            await other.InnerTextAsync("p.ok[role=status]"));
        await app.WaitForQueuesToDrainAsync();
        Assert.Equal(1, app.Smtp.Count(key));
    }

    /// <summary>Today in Beijing, as the 催报's outbox key names it (one 催报 a department a day).</summary>
    internal static string ChaseDay() =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai")).DateTime)
            .ToString("yyyy-MM-dd");

    [Theory]
    [InlineData("office", "jyj", "{\"id\":\"x\"}", HttpStatusCode.BadRequest, "id")]
    [InlineData("office", "nosuch", "{\"id\":\"abcdef0123\"}", HttpStatusCode.BadRequest, "department")]
    [InlineData("office", "jyj", "{\"id\":\"abcdef0123\",\"message\":42}", HttpStatusCode.BadRequest, "message")]
    [InlineData("jyj-author", "jyj", "{\"id\":\"abcdef0123\"}", HttpStatusCode.Forbidden, null)]
    public async Task A_chase_with_bad_input_or_by_someone_else_than_the_office_is_refused_in_chinese_and_sends_nothing(string user, string department,
        string body, HttpStatusCode status, string? field)
    {
        var before = await app.SnapshotStorageAsync($"{Year}-{department}-chase");

        using var response = await app.ClientAs(user).PostAsync($"api/reports/{Year}/{department}/chase",
            new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", problem.GetProperty("title").GetString());
        if (field is not null) Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
        Assert.Equal(before, await app.SnapshotStorageAsync($"{Year}-{department}-chase"));
    }
}
