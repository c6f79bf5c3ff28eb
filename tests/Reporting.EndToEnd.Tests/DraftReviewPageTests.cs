using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Reporting.Functions.Wording;
using Xunit;

namespace Reporting.EndToEnd.Tests;

/// <summary>
/// 草稿 and 审核 in Debian's Chromium: an approver rejects with a comment and approves through the pages, the author
/// reads the comment and the character diff of two versions; refusals (no comment, four-eyes, another department)
/// are pages in Chinese. Every page is checked at 1280 and 390 px: axe, no codes, nothing wider than the window.
/// </summary>
[Collection(LocalHostCollection.Name)]
public sealed class DraftReviewPageTests(LocalHostFixture app)
{
    private static readonly Regex Codes =
        new(@"\b(kgj|sfj|wjw|preamble|duty|measures|shortcomings|plans|other|submitted|approved|rejected|pending|approve|reject)\b");

    private const string Version1 = "我局持续推进法治政府建设，完善制度𠮷。\n第二段保持不变。";
    private const string Version2 = "我局全面推进法治政府建设，完善制度𠮷，新增数据。\n第二段保持不变。";

    [Fact]
    public async Task An_approver_rejects_with_a_comment_the_author_sees_it_and_the_diff_and_the_next_version_is_approved_through_the_pages()
    {
        const int year = 2010;
        var v1 = await app.SubmitOkAsync(year, "kgj", "measures", Version1);
        await using var chromium = await app.Chromium.LeaseAsync();
        var browser = chromium.Browser;

        // 我的待办 → 审核 (the approver's 待审核 row links there).
        var approver = await SignedInPageAsync(browser, "kgj-approver", $"api/todo?year={year}");
        await approver.GetByRole(AriaRole.Link, new() { Name = "审核", Exact = true }).First.ClickAsync();
        await BrowserPages.ArrivedAsync(approver, new Regex($@"/api/review\?year={year}&department=kgj&section=measures&version={v1}$"));
        Assert.Contains("完善制度𠮷。", await approver.InnerTextAsync(".text"));
        // The text comes first, the decision after it.
        Assert.True(await approver.EvaluateAsync<bool>(
            "() => document.querySelector('.text').getBoundingClientRect().bottom <= document.querySelector('form.review').getBoundingClientRect().top"));
        await CheckAtBothWidthsAsync(approver, "review-approver");

        // 退回 without a comment: refused in Chinese, on the page, with the API's status; nothing decided.
        var refused = await approver.RunAndWaitForResponseAsync(() => approver.ClickAsync("button[value=reject]"), r => r.Url.EndsWith("/approval"));
        Assert.Equal((int)HttpStatusCode.BadRequest, refused.Status);
        await BrowserPages.ArrivedAsync(approver, new Regex("/approval$"));
        Assert.Contains(RefusalWording.RejectionNeedsComment, await approver.InnerTextAsync("[role=alert]"));
        Assert.Equal("submitted", Draft(await app.GetReportAsync(year, "kgj"), "measures", v1).GetProperty("status").GetString());
        await CheckAtBothWidthsAsync(approver, "review-refused");

        // 退回 with a comment: 303 on to the next draft waiting for review (or 我的待办), which names the decision; its 草稿 page
        // shows the outcome and the comment.
        await approver.FillAsync("textarea[name=comment]", "请补充2010年度的具体数据。");
        await approver.ClickAsync("button[value=reject]");
        await BrowserPages.ArrivedAsync(approver, new Regex($@"/api/(review|todo)\?.*decided=measures\.{v1}$"));
        Assert.Contains($"第 {v1} 版已退回", await approver.InnerTextAsync("[role=status]"));
        await CheckAtBothWidthsAsync(approver, "review-decided");
        await approver.GetByRole(AriaRole.Link, new() { Name = "查看该草稿" }).ClickAsync();
        await BrowserPages.ArrivedAsync(approver, new Regex(@"/api/draft\?"));
        Assert.Contains($"第 {v1} 版已退回", await approver.InnerTextAsync("[role=status]"));
        Assert.Contains("请补充2010年度的具体数据。", await approver.InnerTextAsync("main"));
        // Who acts next, by name: the author, to revise.
        Assert.Equal("下一步：待起草人（科工局起草人）按审核意见修改后提交新版本。",
            await approver.InnerTextAsync("p.next-step"));

        // The author revises; the 草稿 page lists both versions with the comment and compares v1 → v2 by character.
        var v2 = await app.SubmitOkAsync(year, "kgj", "measures", Version2);
        var author = await SignedInPageAsync(browser, "kgj-author", $"api/todo?year={year}");
        await author.GetByRole(AriaRole.Link, new() { Name = "查看草稿" }).First.ClickAsync();
        await BrowserPages.ArrivedAsync(author, new Regex(@"/api/draft\?"));
        var rows = await author.Locator("table.versions tbody tr").AllInnerTextsAsync();
        Assert.Equal(2, rows.Count);
        Assert.Contains("已退回", rows[0]);
        Assert.Contains("请补充2010年度的具体数据。", rows[0]);
        Assert.Contains("科工局审核人", rows[0]);
        Assert.Contains("待审核", rows[1]);
        Assert.Contains("北京时间", rows[1]);
        Assert.Equal("持续", string.Concat(await author.Locator("table.diff del").AllInnerTextsAsync()));
        Assert.Equal("全面，新增数据", string.Concat(await author.Locator("table.diff ins").AllInnerTextsAsync()));
        Assert.Contains("删除 2 字，新增 7 字", await author.InnerTextAsync("#legend"));
        Assert.Equal(0, await author.Locator("a", new() { HasTextString = "审核第" }).CountAsync());
        Assert.Equal(1, await author.Locator("a", new() { HasTextString = "提交新版本" }).CountAsync());
        // Who acts next, by name: the department's approvers (other tests may add more to 科工局).
        Assert.Matches($"^下一步：待 (.+、)?科工局审核人(、.+)? 审核第 {v2} 版。$", await author.InnerTextAsync("p.next-step"));
        await CheckAtBothWidthsAsync(author, "draft-author");

        // Any two versions: v2 → v1 reverses the marks (GET form, two selects).
        await author.SelectOptionAsync("select[name=from]", v2.ToString());
        await author.SelectOptionAsync("select[name=to]", v1.ToString());
        await author.ClickAsync("form.compare button");
        await BrowserPages.ArrivedAsync(author, new Regex($"from={v2}&to={v1}"));
        Assert.Equal("全面，新增数据", string.Concat(await author.Locator("table.diff del").AllInnerTextsAsync()));

        // The approver approves v2 from the 草稿 page's link; the next page and the 草稿 page then say so, and the API agrees.
        await approver.GotoAsync(Url($"api/draft?year={year}&department=kgj&section=measures"));
        await approver.GetByRole(AriaRole.Link, new() { Name = $"审核第 {v2} 版" }).ClickAsync();
        await approver.FillAsync("textarea[name=comment]", "同意。");
        // While the answer is awaited the decision buttons are disabled, so a double click posts once; the pressed one still goes.
        // Playwright's own queries wait for the held navigation, so the page reports its buttons' state itself as it changes.
        var held = new TaskCompletionSource();
        var posted = new TaskCompletionSource<string?>(TaskCreationOptions.RunContinuationsAsynchronously);
        var disabled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        approver.Console += (_, m) => { if (Regex.IsMatch(m.Text, @"^buttons:( \w+=true)+$")) disabled.TrySetResult(); };
        await approver.EvaluateAsync("""
            () => {
              const buttons = [...document.querySelectorAll('form.review button')];
              const report = () => console.log('buttons:' + buttons.map(b => ` ${b.value}=${b.disabled}`).join(''));
              buttons.forEach(b => new MutationObserver(report).observe(b, { attributes: true, attributeFilter: ['disabled'] }));
            }
            """);
        await approver.RouteAsync("**/approval", async route =>
        {
            posted.TrySetResult(route.Request.PostData);
            await held.Task;
            await route.ContinueAsync();
        });
        // The click waits for the navigation it starts, which the route holds: it is awaited once the route lets go.
        var click = approver.ClickAsync("button[value=approve]");
        var step = TimeSpan.FromMilliseconds(DebianChromium.StepTimeoutMs);
        Assert.Contains("decision=approve", await posted.Task.WaitAsync(step));
        await disabled.Task.WaitAsync(step);
        held.SetResult();
        await click;
        await BrowserPages.ArrivedAsync(approver, new Regex($@"/api/(review|todo)\?.*decided=measures\.{v2}$"));
        await approver.UnrouteAllAsync();
        Assert.Contains($"第 {v2} 版已通过", await approver.InnerTextAsync("[role=status]"));
        await approver.GetByRole(AriaRole.Link, new() { Name = "查看该草稿" }).ClickAsync();
        await BrowserPages.ArrivedAsync(approver, new Regex($@"/api/draft\?.*version={v2}$"));
        Assert.Contains($"第 {v2} 版已通过", await approver.InnerTextAsync("[role=status]"));
        await CheckAtBothWidthsAsync(approver, "draft-approved");
        var report = await app.GetReportAsync(year, "kgj");
        Assert.Equal("approved", Draft(report, "measures", v2).GetProperty("status").GetString());
    }

    [Fact]
    public async Task An_approver_cannot_decide_a_draft_they_wrote_on_the_page_or_by_posting_and_the_json_api_is_unchanged()
    {
        const int year = 2011;
        var own = await app.SubmitOkAsync(year, "kgj", "duty", "局主要负责人认真履行第一责任人职责。", asUser: "kgj-approver");
        await using var chromium = await app.Chromium.LeaseAsync();
        var browser = chromium.Browser;

        var page = await SignedInPageAsync(browser, "kgj-approver", $"api/review?year={year}&department=kgj&section=duty&version={own}");
        Assert.Contains("不能审核自己起草的草稿", await page.InnerTextAsync("main"));
        // Not a dead end: the page names who may decide it (科工局's second approver among them: other tests may add more).
        Assert.Matches("这一版待本部门其他审核人审核：[^。]*科工局审核人二[、。]", await page.InnerTextAsync("main"));
        Assert.Equal(0, await page.Locator("form.review").CountAsync());
        await CheckAtBothWidthsAsync(page, "review-own-draft");

        // A form post all the same (as a stale page would send): a page with the reason, 403.
        var posted = await page.APIRequest.PostAsync(Url($"api/reports/{year}/kgj/sections/duty/drafts/{own}/approval"), new()
        {
            Headers = new Dictionary<string, string> { ["Accept"] = "text/html" },
            Form = FormOf(page.APIRequest, ("decision", "approve"), ("comment", "同意")),
            MaxRedirects = 0,
        });
        Assert.Equal(403, posted.Status);
        Assert.StartsWith("text/html", posted.Headers["content-type"]);
        Assert.Contains("不能审核自己起草的草稿", await posted.TextAsync());

        // JSON callers: the same 403 problem+json as before; and a rejection without a comment is a 400 naming the field.
        using (var json = await app.DecideAsync(year, "kgj", "duty", own, "approve", asUser: "kgj-approver"))
        {
            Assert.Equal(HttpStatusCode.Forbidden, json.StatusCode);
            Assert.Equal("application/problem+json", json.Content.Headers.ContentType!.MediaType);
        }
        using (var json = await app.DecideAsync(year, "kgj", "duty", own, "reject", asUser: "kgj-approver2", comment: ""))
        {
            Assert.Equal(HttpStatusCode.BadRequest, json.StatusCode);
            var errors = JsonDocument.Parse(await json.Content.ReadAsStringAsync()).RootElement.GetProperty("errors");
            Assert.Equal(RefusalWording.RejectionNeedsComment, errors.GetProperty("comment")[0].GetString());
        }

        // The second approver may: through the page, 303 on to what waits next, which names the decision.
        var second = await SignedInPageAsync(browser, "kgj-approver2", $"api/review?year={year}&department=kgj&section=duty&version={own}");
        await second.ClickAsync("button[value=approve]");
        await BrowserPages.ArrivedAsync(second, new Regex($@"/api/(review|todo)\?.*decided=duty\.{own}$"));
        Assert.Contains($"第 {own} 版已通过", await second.InnerTextAsync("[role=status]"));
    }

    [Fact]
    public async Task Another_departments_member_gets_a_403_page_and_nobody_signed_in_is_sent_to_sign_in()
    {
        const int year = 2011;
        var version = await app.SubmitOkAsync(year, "kgj", "plans", "下一步，我局将继续推进法治政府建设。");
        await using var chromium = await app.Chromium.LeaseAsync();
        var browser = chromium.Browser;

        var other = await SignedInPageAsync(browser, "sfj-author", $"api/todo?year={year}");
        foreach (var path in new[] { $"api/draft?year={year}&department=kgj&section=plans",
            $"api/review?year={year}&department=kgj&section=plans&version={version}" })
        {
            var response = await other.GotoAsync(Url(path));
            Assert.Equal(403, response!.Status);
            Assert.Contains("无权访问其他部门的报告", await other.InnerTextAsync("[role=alert]"));
        }
        await CheckAtBothWidthsAsync(other, "draft-other-department");

        var nobody = await (await DebianChromium.NewContextAsync(browser)).NewPageAsync();
        await nobody.GotoAsync(Url($"api/draft?year={year}&department=kgj&section=plans"));
        Assert.Contains("/api/dev/sign-in?returnUrl=", nobody.Url);
    }

    [Fact]
    public async Task A_script_in_a_draft_or_in_the_address_comes_back_encoded_under_the_pages_security_headers()
    {
        const int year = 2011;
        const string script = "<script>alert('草稿')</script>";
        var v1 = await app.SubmitOkAsync(year, "kgj", "other", "其他有关情况。" + script);
        var v2 = await app.SubmitOkAsync(year, "kgj", "other", "其他有关情况：" + script);
        var client = app.ClientAs("kgj-approver");
        foreach (var path in new[]
        {
            $"api/draft?year={year}&department=kgj&section=other&from={v1}&to={v2}",
            $"api/review?year={year}&department=kgj&section=other&version={v2}",
            $"api/draft?year={year}&department=kgj&section={Uri.EscapeDataString(script)}",
        })
        {
            using var response = await client.GetAsync(path);
            var html = await response.Content.ReadAsStringAsync();
            Assert.True((int)response.StatusCode is 200 or 400, $"{path}: {(int)response.StatusCode}");
            Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
            Assert.DoesNotContain(script, html);
            Assert.Contains("frame-ancestors 'none'", string.Join(";", response.Headers.GetValues("Content-Security-Policy")));
        }
    }

    private string Url(string path) => new Uri(app.Host.BaseAddress, path).ToString();

    private static IFormData FormOf(IAPIRequestContext request, params (string Name, string Value)[] fields)
    {
        var form = request.CreateFormData();
        foreach (var (name, value) in fields) form.Set(name, value);
        return form;
    }

    private static JsonElement Draft(JsonElement report, string section, int version) =>
        report.GetProperty("sections").EnumerateArray().Single(s => s.GetProperty("section").GetString() == section)
            .GetProperty("drafts").EnumerateArray().Single(d => d.GetProperty("version").GetInt32() == version);

    /// <summary>Signs in through the development sign-in (its button for this user, coming back to <paramref name="path"/>) and lands there.</summary>
    private async Task<IPage> SignedInPageAsync(IBrowser browser, string user, string path)
    {
        var context = await DebianChromium.NewContextAsync(browser,
            new BrowserNewContextOptions { Locale = "zh-CN", ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        var page = await context.NewPageAsync();
        await page.GotoAsync(Url($"api/dev/sign-in?returnUrl={Uri.EscapeDataString("/" + path)}"));
        await page.ClickAsync(BrowserPages.UserButton(user));
        await BrowserPages.ArrivedAsync(page, BrowserPages.EndsWith("/" + path));
        return page;
    }

    /// <summary>At 1280 and at 390 px: Chinese only, no serious or critical axe violation, nothing wider than the window; a screenshot of each.</summary>
    private static async Task CheckAtBothWidthsAsync(IPage page, string name)
    {
        foreach (var width in new[] { 1280, 390 })
        {
            await page.SetViewportSizeAsync(width, 900);
            Assert.Equal("zh-CN", await page.GetAttributeAsync("html", "lang"));
            Assert.DoesNotMatch(Codes, await page.InnerTextAsync("body"));
            Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"), $"{name}-{width}: wider than the window");
            var bad = (await page.RunAxe(BrowserPages.ViolationsOnly)).Violations.Where(v => v.Impact is "serious" or "critical")
                .Select(v => $"{v.Id}: {v.Help}").ToList();
            Assert.True(bad.Count == 0, $"{name}-{width}: {string.Join("; ", bad)}");
            var directory = Path.Combine(TestSupport.RepoPaths.Root, ".local", "screenshots");
            Directory.CreateDirectory(directory);
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(directory, $"{name}-{width}.png"), FullPage = true });
        }
        await page.SetViewportSizeAsync(1280, 900);
    }
}
