using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Xunit;

namespace Reporting.EndToEnd.Tests;

/// <summary>
/// Editing from the stored text, over HTTP (审计局, 2019): the form opens filled with the newest version of a part (or one picked on
/// 草稿) and the 审核意见 of a 退回 above it; a submission that changes nothing is refused, in the API and in the form, and stores nothing.
/// </summary>
[Collection(LocalHostCollection.Name)]
public sealed class ResubmitTests(LocalHostFixture app)
{
    private const int Year = 2019;
    private const string Department = "sjj";
    private const string First = "一、党政主要负责人履行推进法治建设第一责任人职责\n局主要负责人认真履行第一责任人职责，全年专题研究法治工作四次。";
    private const string Comment = "请写明述法的时间和方式。";

    [Fact]
    public async Task A_submission_with_the_text_of_the_parts_newest_version_is_refused_in_chinese_and_stores_nothing()
    {
        var version = await app.SubmitOkAsync(Year, Department, "measures", "二、推进法治政府建设的主要举措和成效\n我局持续推进审计领域法治建设。");
        var before = await app.CountDraftRowsAsync();

        // The same text again, and again with Windows line ends and a trailing blank line (stored the same once normalised).
        foreach (var again in new[] { "二、推进法治政府建设的主要举措和成效\n我局持续推进审计领域法治建设。", "二、推进法治政府建设的主要举措和成效\r\n我局持续推进审计领域法治建设。\r\n\r\n" })
        {
            using var response = await app.SubmitAsync(Year.ToString(), Department, "measures", again);
            var problem = await BadInputTests.AssertProblemAsync(response, HttpStatusCode.BadRequest, "unchanged");
            Assert.Equal("正文没有改动", problem.GetProperty("title").GetString());
            Assert.Equal($"正文与待审核的第 {version} 版完全相同，未保存新版本（无需重复提交）。如需修改，请改动正文后再提交。",
                problem.GetProperty("errors").GetProperty("body")[0].GetString());
        }
        Assert.Equal(before, await app.CountDraftRowsAsync());

        // Rejected, the same text is refused with the reason to change it; a changed text is the next version.
        using (var rejected = await app.DecideAsync(Year, Department, "measures", version, "reject", comment: "请补充审计整改情况。"))
            Assert.True(rejected.IsSuccessStatusCode, await rejected.Content.ReadAsStringAsync());
        using (var response = await app.SubmitAsync(Year.ToString(), Department, "measures", "二、推进法治政府建设的主要举措和成效\n我局持续推进审计领域法治建设。"))
            Assert.Contains("已退回的第 1 版完全相同", (await BadInputTests.AssertProblemAsync(response, HttpStatusCode.BadRequest, "unchanged after 退回"))
                .GetProperty("errors").GetProperty("body")[0].GetString());
        Assert.Equal(before, await app.CountDraftRowsAsync());
        Assert.Equal(version + 1, await app.SubmitOkAsync(Year, Department, "measures", "二、推进法治政府建设的主要举措和成效\n我局持续推进审计领域法治建设，完成整改。"));
    }

    [Fact]
    public async Task After_a_rejection_the_form_opens_with_the_returned_text_and_the_reviewers_comment_and_an_unchanged_post_shows_it_again()
    {
        var version = await app.SubmitOkAsync(Year, Department, "duty", First);
        using (var rejected = await app.DecideAsync(Year, Department, "duty", version, "reject", comment: Comment))
            Assert.True(rejected.IsSuccessStatusCode, await rejected.Content.ReadAsStringAsync());
        var cookie = await app.SignInCookieAsync($"{Department}-author");

        var form = await PageAsync(cookie, $"api/form?year={Year}&department={Department}&section=duty");
        Assert.Equal(First, TextArea(form));
        Assert.Contains($"在第 {version} 版的基础上修改", form);
        Assert.Contains($"第 {version} 版已退回（审核人 审计局审核人，", form);
        Assert.Contains("审核意见：" + Comment, form);
        Assert.Matches(@"\d{4}-\d{2}-\d{2} \d{2}:\d{2}（北京时间）", form);

        // The form posted without its script and nothing changed: the form again, 400, the reason at the top, the text kept; nothing stored.
        var before = await app.CountDraftRowsAsync();
        using var post = new HttpRequestMessage(HttpMethod.Post, "api/drafts")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["year"] = Year.ToString(), ["department"] = Department, ["section"] = "duty", ["body"] = First,
            }),
        };
        post.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/html"));
        post.Headers.Add("Cookie", cookie);
        post.Headers.Add("Origin", app.Host.BaseAddress.GetLeftPart(UriPartial.Authority));
        post.Headers.Add("Sec-Fetch-Site", "same-origin");
        using var refused = await app.Anonymous.SendAsync(post);
        var page = await refused.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal("text/html", refused.Content.Headers.ContentType?.MediaType);
        Assert.Contains($"正文与已退回的第 {version} 版完全相同，未保存新版本。请按审核意见修改正文后再提交。", page);
        Assert.True(page.IndexOf("完全相同", StringComparison.Ordinal) < page.IndexOf("<form id=\"draft\"", StringComparison.Ordinal),
            "the reason is above the form");
        Assert.Equal(First, TextArea(page));
        Assert.Equal(before, await app.CountDraftRowsAsync());
    }

    [Fact]
    public async Task An_earlier_version_picked_on_the_draft_page_fills_the_form_and_each_version_links_to_it()
    {
        var first = await app.SubmitOkAsync(Year, Department, "plans", "四、下一年度推进法治政府建设的主要安排\n第一稿的安排。");
        var second = await app.SubmitOkAsync(Year, Department, "plans", "四、下一年度推进法治政府建设的主要安排\n第二稿的安排。");
        var cookie = await app.SignInCookieAsync($"{Department}-author");

        var draft = await PageAsync(cookie, $"api/draft?year={Year}&department={Department}&section=plans");
        foreach (var v in new[] { first, second })
            Assert.Contains($"href=\"/api/form?year={Year}&amp;department={Department}&amp;section=plans&amp;version={v}\"", draft);

        var form = await PageAsync(cookie, $"api/form?year={Year}&department={Department}&section=plans&version={first}");
        Assert.Equal("四、下一年度推进法治政府建设的主要安排\n第一稿的安排。", TextArea(form));
        Assert.Contains($"在第 {first} 版的基础上修改", form);
        Assert.Contains($"；最新为第 {second} 版）", form);
        Assert.Equal("四、下一年度推进法治政府建设的主要安排\n第二稿的安排。",
            TextArea(await PageAsync(cookie, $"api/form?year={Year}&department={Department}&section=plans")));

        // The district office reads drafts but does not write them: no 以此版本修改, and its form starts empty.
        var office = await app.SignInCookieAsync(LocalHostFixture.Office);
        Assert.DoesNotContain("以此版本修改", await PageAsync(office, $"api/draft?year={Year}&department={Department}&section=plans"));
        Assert.Equal("", TextArea(await PageAsync(office, $"api/form?year={Year}&department={Department}&section=plans")));
    }

    private Task<string> PageAsync(string cookie, string path) => SignedInRequests.PageAsync(app, cookie, path);

    /// <summary>The text box's content as a browser reads it: the one newline after the start tag dropped, entities decoded.</summary>
    private static string TextArea(string html)
    {
        var raw = Regex.Match(html, "<textarea[^>]*>(.*?)</textarea>", RegexOptions.Singleline).Groups[1].Value;
        return WebUtility.HtmlDecode(raw.StartsWith('\n') ? raw[1..] : raw);
    }
}
