using System.Net;
using System.Text.Json;
using Xunit;

namespace Reporting.EndToEnd.Tests;

/// <summary>
/// 撤回 over HTTP (商务局, 2003): the author takes a submitted version back before it is decided; it stays in the history and the audit trail as
/// 已撤回, the report and 待办 no longer wait on it, a decision on it is refused and changes nothing; only its author may withdraw it, only
/// before a decision; a repeated withdrawal answers the same; the withdrawn text may be submitted again.
/// </summary>
[Collection(LocalHostCollection.Name)]
public sealed class DraftWithdrawalTests(LocalHostFixture app)
{
    private const int Year = 2003;
    private const string Department = "swj";
    private const string Author = $"{Department}-author";

    private Task<HttpResponseMessage> WithdrawAsync(string section, int version, string asUser = Author) =>
        app.ClientAs(asUser).PostAsync($"api/reports/{Year}/{Department}/sections/{section}/drafts/{version}/withdrawal", null);

    private async Task<JsonElement> SectionAsync(string section) =>
        (await app.GetReportAsync(Year, Department)).GetProperty("sections").EnumerateArray().Single(s => s.GetProperty("section").GetString() == section);

    private async Task<string> StatusAsync(string section, int version) =>
        (await SectionAsync(section)).GetProperty("drafts").EnumerateArray().Single(d => d.GetProperty("version").GetInt32() == version)
            .GetProperty("status").GetString()!;

    [Fact]
    public async Task A_withdrawn_version_stays_in_the_history_and_audit_the_report_and_todo_stop_waiting_and_a_decision_on_it_is_refused()
    {
        const string duty = "一、党政主要负责人履行推进法治建设第一责任人职责\n局主要负责人履行第一责任人职责。";
        var version = await app.SubmitOkAsync(Year, Department, "duty", duty);
        var approver = await app.SignInCookieAsync(LocalHostFixture.ApproverOf(Department));
        var review = $"/api/review?year={Year}&amp;department={Department}&amp;section=duty&amp;version={version}";
        Assert.Contains(review, await SignedInRequests.PageAsync(app, approver, $"api/todo?year={Year}"));
        Assert.Equal(version, Wait(await app.GetReportAsync(Year, Department), "duty").GetProperty("version").GetInt32());

        using var withdrawn = await WithdrawAsync("duty", version);
        var body = await withdrawn.Content.ReadAsStringAsync();
        Assert.True(withdrawn.StatusCode == HttpStatusCode.OK, body);
        var answer = JsonDocument.Parse(body).RootElement;
        Assert.Equal(("withdrawn", version, Author), (answer.GetProperty("status").GetString(), answer.GetProperty("version").GetInt32(),
            answer.GetProperty("authorId").GetString()));

        var report = await app.GetReportAsync(Year, Department);
        Assert.Equal("withdrawn", await StatusAsync("duty", version));
        var entry = Assert.Single(report.GetProperty("audit").EnumerateArray(), a => a.GetProperty("action").GetString() == "draft.withdrawn");
        Assert.Equal(("撤回草稿", Author, $"duty v{version}"), (entry.GetProperty("what").GetString(), entry.GetProperty("actorId").GetString(),
            entry.GetProperty("detail").GetString()));
        Assert.Equal(answer.GetProperty("withdrawnAt").GetDateTimeOffset(), entry.GetProperty("at").GetDateTimeOffset());
        // The report waits for an approved version of the part, no longer for this one; the approver's 待办 does not offer it.
        Assert.Equal(JsonValueKind.Null, Wait(report, "duty").GetProperty("version").ValueKind);
        Assert.DoesNotContain(review, await SignedInRequests.PageAsync(app, approver, $"api/todo?year={Year}"));
        // The author's 待办 lists the part among those to write again.
        var todo = await SignedInRequests.PageAsync(app, await app.SignInCookieAsync(Author), $"api/todo?year={Year}");
        Assert.Contains("一、党政主要负责人履行推进法治建设第一责任人职责，加强法治政府建设的有关情况（已撤回）", todo);

        // Neither approved nor sent back: a 409 in Chinese, and nothing changed.
        var before = Drafting(report);
        foreach (var decision in new[] { "approve", "reject" })
        {
            using var refused = await app.DecideAsync(Year, Department, "duty", version, decision, comment: "请修改。");
            var problem = await BadInputTests.AssertProblemAsync(refused, HttpStatusCode.Conflict, decision);
            Assert.Equal("草稿已撤回", problem.GetProperty("title").GetString());
            Assert.Contains($"第 {version} 版已由起草人于", problem.GetProperty("detail").GetString());
        }
        Assert.Equal(before, Drafting(await app.GetReportAsync(Year, Department)));

        // Withdrawn again (a retry): the same answer, nothing changed.
        using (var again = await WithdrawAsync("duty", version))
        {
            Assert.Equal(HttpStatusCode.OK, again.StatusCode);
            Assert.Equal(body, await again.Content.ReadAsStringAsync());
        }
        Assert.Equal(before, Drafting(await app.GetReportAsync(Year, Department)));

        // The withdrawn text may go up for review again: the form says so, and it is the next version.
        var form = await SignedInRequests.PageAsync(app, await app.SignInCookieAsync(Author), $"api/form?year={Year}&section=duty");
        Assert.Contains($"修改后提交即保存为第 {version + 1} 版；第 {version} 版已撤回，原样提交也可以。", form);
        Assert.Equal(version + 1, await app.SubmitOkAsync(Year, Department, "duty", duty));
        Assert.Equal(version + 1, Wait(await app.GetReportAsync(Year, Department), "duty").GetProperty("version").GetInt32());
    }

    [Fact]
    public async Task Only_the_author_of_the_version_may_withdraw_it_and_a_refusal_changes_nothing()
    {
        var version = await app.SubmitOkAsync(Year, Department, "measures", "二、推进法治政府建设的主要举措和成效\n我局推进商务领域依法行政。");
        var before = Drafting(await app.GetReportAsync(Year, Department));

        using (var approver = await WithdrawAsync("measures", version, LocalHostFixture.ApproverOf(Department)))
        {
            var problem = await BadInputTests.AssertProblemAsync(approver, HttpStatusCode.Forbidden, "the department's approver");
            Assert.Equal("只有起草人可以撤回", problem.GetProperty("title").GetString());
            Assert.Contains($"第 {version} 版由 商务局起草人 提交，只有起草人本人可以撤回", problem.GetProperty("detail").GetString());
        }
        foreach (var stranger in new[] { "kgj-author", LocalHostFixture.Office })
        {
            using var refused = await WithdrawAsync("measures", version, stranger);
            await BadInputTests.AssertProblemAsync(refused, HttpStatusCode.Forbidden, stranger);
        }

        Assert.Equal(before, Drafting(await app.GetReportAsync(Year, Department)));
        Assert.Equal("submitted", await StatusAsync("measures", version));
    }

    [Theory]
    [InlineData("approve", "shortcomings", "已通过")]
    [InlineData("reject", "plans", "已退回")]
    public async Task A_decided_version_cannot_be_withdrawn(string decision, string section, string words)
    {
        var version = await app.SubmitOkAsync(Year, Department, section, FixtureReport.Parts[section]);
        using (var decided = await app.DecideAsync(Year, Department, section, version, decision, comment: "请补充。"))
            Assert.True(decided.IsSuccessStatusCode, await decided.Content.ReadAsStringAsync());
        var before = Drafting(await app.GetReportAsync(Year, Department));

        using var refused = await WithdrawAsync(section, version);

        var problem = await BadInputTests.AssertProblemAsync(refused, HttpStatusCode.Conflict, decision);
        Assert.Equal("已审核的版本不能撤回", problem.GetProperty("title").GetString());
        Assert.Equal($"第 {version} 版{words}，审核完成的版本不能撤回。如需修改，请提交新版本。", problem.GetProperty("detail").GetString());
        Assert.Equal(before, Drafting(await app.GetReportAsync(Year, Department)));
    }

    [Fact]
    public async Task The_draft_pages_button_withdraws_without_a_script_and_the_page_then_says_so()
    {
        var version = await app.SubmitOkAsync(Year, Department, "preamble", "2003年，我局坚持依法行政。");
        var author = await app.SignInCookieAsync(Author);
        var draftPage = $"api/draft?year={Year}&department={Department}&section=preamble&version={version}";
        var action = $"/api/reports/{Year}/{Department}/sections/preamble/drafts/{version}/withdrawal";
        Assert.Contains($"<form method=\"post\" action=\"{action}\"", await SignedInRequests.PageAsync(app, author, draftPage));
        // The approver reads the page too, but the version is not theirs to take back.
        Assert.DoesNotContain(action, await SignedInRequests.PageAsync(app, await app.SignInCookieAsync(LocalHostFixture.ApproverOf(Department)), draftPage));

        using var response = await SignedInRequests.PostFormAsync(app, author, action.TrimStart('/'), []);

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.Equal("/" + draftPage, response.Headers.Location?.ToString());
        var page = await SignedInRequests.PageAsync(app, author, draftPage);
        Assert.Contains($"第 {version} 版已撤回：起草人 商务局起草人 于 ", page);
        Assert.Contains("<span class=\"narrow\">状态：</span>已撤回", page);
        Assert.Contains("商务局起草人撤回<br>", page);
        Assert.DoesNotContain(action, page);
    }

    /// <summary>
    /// What a withdrawal or a decision could change in the report: its parts' versions and statuses, what it waits for, its PDFs and the
    /// people's steps in the trail (a 退回's notice, sent in the background, adds its own line later).
    /// </summary>
    private static string Drafting(JsonElement report) => string.Join("\n",
        new[] { "status", "sections", "assemblyWaitsFor", "versions" }.Select(p => report.GetProperty(p).GetRawText())
            .Concat(report.GetProperty("audit").EnumerateArray()
                .Where(a => a.GetProperty("action").GetString() is "draft.submitted" or "draft.approved" or "draft.rejected" or "draft.withdrawn")
                .Select(a => a.GetRawText())));

    private static JsonElement Wait(JsonElement report, string section) =>
        report.GetProperty("assemblyWaitsFor").EnumerateArray().Single(w => w.GetProperty("section").GetString() == section);
}
