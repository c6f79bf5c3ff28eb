using System.Net;
using System.Text.Json;
using Microsoft.Playwright;
using Reporting.Functions.Http;
using Xunit;

namespace Reporting.EndToEnd.Tests;

/// <summary>
/// 批量审核 on 我的待办, in Debian's Chromium (东大街街道 ddj-jd, 2018): an approver ticks 全选, writes one comment and approves
/// every waiting part at once; the report assembles once (one PDF); the same post again changes nothing; a part the
/// approver wrote is refused with its reason while the others go through; nothing ticked is a zh-CN refusal.
/// </summary>
[Collection(LocalHostCollection.Name)]
public sealed class BatchApprovalBrowserTests(LocalHostFixture app)
{
    private const int Year = 2018;
    private const string Department = "ddj-jd";
    private const string Approver = Department + "-approver";

    private Routes Routes => (Routes)app.Host.Services.GetService(typeof(Routes))!;

    [Fact]
    public async Task One_click_approves_every_waiting_part_with_one_comment_and_the_report_assembles_once()
    {
        var versions = await app.SubmitFixtureAsync(Year, Department, approve: false);
        await using var chromium = await app.Chromium.LeaseAsync();

        // Nothing ticked: refused in Chinese, nothing decided.
        var page = await BrowserPages.SignedInAsync(app, chromium.Browser, Approver, Routes.Todo(Year).TrimStart('/'), 390);
        await BrowserPages.CheckAsync(page, "todo-batch-390");
        var nothing = await page.RunAndWaitForResponseAsync(() => page.ClickAsync("form.batch button"), r => r.Url.EndsWith("/approvals"));
        Assert.Equal((int)HttpStatusCode.BadRequest, nothing.Status);
        // The refusal page replaces the form's page: asserted until it is there, not read from the page being left.
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("请至少勾选一个要通过的草稿。", new() { Timeout = DebianChromium.StepTimeoutMs });
        await BrowserPages.CheckAsync(page, "todo-batch-refused-390");

        page = await BrowserPages.SignedInAsync(app, chromium.Browser, Approver, Routes.Todo(Year).TrimStart('/'), 1280);
        await BrowserPages.CountClicksAsync(page);
        var boxes = page.Locator("input[type=checkbox][form=batch]");
        Assert.Equal(5, await boxes.CountAsync());
        await page.GetByLabel("全选").CheckAsync();
        Assert.Equal(5, await page.Locator("input[type=checkbox][form=batch]:checked").CountAsync());
        await page.GetByLabel("批量审核：审核意见（用于所选的各个草稿，可不填）").FillAsync("同意。");
        await BrowserPages.CheckAsync(page, "todo-batch-1280");
        var posted = await page.RunAndWaitForResponseAsync(() => page.ClickAsync("form.batch button"), r => r.Url.EndsWith("/approvals"));
        Assert.Equal(200, posted.Status);
        var said = await page.InnerTextAsync(".batch-result");
        Assert.Contains("已通过 5 个草稿", said);
        Assert.Contains("各部分均已通过，PDF 正在生成。", said);
        // Clicks for the report's review: 全选 and 通过所选草稿 (the comment is typed, not clicked).
        Assert.Equal(2, await BrowserPages.ClicksAsync(page));
        await BrowserPages.CheckAsync(page, "todo-batch-done-1280");
        await page.SetViewportSizeAsync(390, 900);
        await BrowserPages.CheckAsync(page, "todo-batch-done-390");

        // The same post again (a reload, a double click): the same answer, nothing decided twice, still one PDF.
        var again = await page.APIRequest.PostAsync(new Uri(app.Host.BaseAddress, Routes.Approvals(Year, Department)).ToString(), new()
        {
            Headers = new Dictionary<string, string> { ["Accept"] = "text/html" },
            Form = Form(page.APIRequest, versions),
        });
        Assert.Equal(200, again.Status);
        Assert.Contains("已通过 5 个草稿", await again.TextAsync());
        await app.WaitForQueuesToDrainAsync();
        var report = await app.WaitForReportAsync(Year, Department, r => r.GetProperty("status").GetString() == "assembled");
        Assert.Equal(1, report.GetProperty("versions").GetArrayLength());
        foreach (var section in FixtureReport.RequiredSections)
        {
            var drafts = report.GetProperty("sections").EnumerateArray().Single(s => s.GetProperty("section").GetString() == section)
                .GetProperty("drafts").EnumerateArray().ToList();
            var draft = Assert.Single(drafts);
            Assert.Equal("approved", draft.GetProperty("status").GetString());
            Assert.Equal(versions[section], draft.GetProperty("version").GetInt32());
        }

        // A program may batch too; a part the approver wrote (the optional one, now) is refused with its reason and left waiting.
        var own = await app.SubmitOkAsync(Year, Department, "other", "本街道的其他情况。", asUser: Approver);
        using var json = await app.ClientAs(Approver).PostAsync($"api/reports/{Year}/{Department}/approvals",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["draft.other"] = own.ToString(), ["comment"] = "同意。" }));
        Assert.Equal(HttpStatusCode.OK, json.StatusCode);
        var answer = JsonDocument.Parse(await json.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(0, answer.GetProperty("approved").GetArrayLength());
        var refused = Assert.Single(answer.GetProperty("refused").EnumerateArray().ToList());
        Assert.Equal("other", refused.GetProperty("section").GetString());
        Assert.Contains("不能审核自己起草的草稿", refused.GetProperty("detail").GetString());
    }

    private static IFormData Form(IAPIRequestContext request, Dictionary<string, int> versions)
    {
        var form = request.CreateFormData();
        foreach (var (section, version) in versions) form.Set("draft." + section, version.ToString());
        form.Set("comment", "同意。");
        return form;
    }
}
