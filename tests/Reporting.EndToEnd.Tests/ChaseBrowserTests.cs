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
        var form = page.Locator("ul.chases form").Filter(new LocatorFilterOptions { HasText = "魏都区教育局（" });
        Assert.Contains("5 个部分未通过", await form.InnerTextAsync());
        var id = await form.Locator("input[name=id]").InputValueAsync();
        await BrowserPages.CheckAsync(page, "overview-chase-office-1280");
        await form.Locator("input[name=message]").FillAsync("请于本周五前完成并提交审核。");
        await form.Locator("button").ClickAsync();
        await BrowserPages.ArrivedAsync(page, BrowserPages.EndsWith("/api/overview?year=2000&chased=jyj&outcome=queued"));
        Assert.Contains("已向魏都区教育局发送催报", await page.InnerTextAsync("p.ok[role=status]"));
        await BrowserPages.CheckAsync(page, "overview-chased-office-1280");

        var key = $"{Year}-jyj-chase-{id}";
        var mail = await app.Smtp.WaitForAsync(m => m.Headers["X-Report-Key"] == key, TimeSpan.FromSeconds(120));
        Assert.Equal(["jyj-author@localhost", "jyj-approver@localhost", "jyj-approver2@localhost"], mail.To.Mailboxes.Select(m => m.Address));
        Assert.StartsWith("【催报】魏都区法治政府建设领导小组办公室催报：魏都区教育局 2000年度法治政府建设情况报告尚未完成，已逾期", mail.Subject);
        Assert.Contains("（区法治办工作人员）于", mail.TextBody);
        Assert.Contains("请于本周五前完成并提交审核。", mail.TextBody);
        Assert.Contains("已退回（第 1 版，审核意见：请补充2000年度述法情况。）", mail.TextBody);
        Assert.Contains("待审核（第 1 版）", mail.TextBody);
        Assert.Equal("report.chased", mail.Headers["X-Notice-Kind"]);
        MailSamples.Save("report-chased", mail);

        // The same form posted again (a double click, the back button): one 催报, one e-mail.
        using (var again = await app.ClientAs(LocalHostFixture.Office).PostAsJsonAsync($"api/reports/{Year}/jyj/chase", new { id, message = "再催一次" }))
        {
            Assert.Equal(HttpStatusCode.OK, again.StatusCode);
            Assert.Equal("already", JsonDocument.Parse(await again.Content.ReadAsStringAsync()).RootElement.GetProperty("outcome").GetString());
        }
        await app.WaitForQueuesToDrainAsync();
        Assert.Equal(1, app.Smtp.Count(key));
        Assert.Equal(1, app.Webhook.Count(key));
        var trail = (await app.GetReportAsync(Year, "jyj")).GetProperty("audit").EnumerateArray().Select(a => a.GetProperty("action").GetString()).ToList();
        Assert.Single(trail, a => a == "report.chased");
        Assert.Single(trail, a => a == "report.chase-sent");

        var narrow = await BrowserPages.SignedInAsync(app, browser, LocalHostFixture.Office, $"api/overview?year={Year}", 390);
        await BrowserPages.CheckAsync(narrow, "overview-chase-office-390");
    }

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
