using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Xunit;

namespace Reporting.EndToEnd.Tests;

/// <summary>
/// One submission per click, over HTTP (统计局, 2003): a post carrying a one-time submission id (the form's hidden field, a client's field or
/// Idempotency-Key) and repeated (a double click, a reload, a retry), even racing itself, stores one version and answers with it again:
/// 201 the first time, 200 with the same body for a repeat.
/// </summary>
[Collection(LocalHostCollection.Name)]
public sealed class OneSubmissionPerClickTests(LocalHostFixture app)
{
    private const int Year = 2003;
    private const string Department = "tjj";
    private const string Duty = "一、党政主要负责人履行推进法治建设第一责任人职责\n局主要负责人认真履行第一责任人职责。";

    private Task<HttpResponseMessage> PostAsync(string section, string body, string submissionId) =>
        app.ClientAs($"{Department}-author").PostAsync("api/drafts", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["year"] = Year.ToString(), ["department"] = Department, ["section"] = section, ["body"] = body, ["submissionId"] = submissionId,
        }));

    private async Task<List<(int Version, string Status)>> VersionsAsync(string section)
    {
        var report = await app.GetReportAsync(Year, Department);
        return report.GetProperty("sections").EnumerateArray().Single(s => s.GetProperty("section").GetString() == section)
            .GetProperty("drafts").EnumerateArray().Select(d => (d.GetProperty("version").GetInt32(), d.GetProperty("status").GetString()!)).ToList();
    }

    [Fact]
    public async Task A_double_post_with_one_submission_id_stores_one_version_answers_it_twice_and_the_report_waits_on_it()
    {
        var id = Guid.NewGuid().ToString();

        using var first = await PostAsync("duty", Duty, id);
        using var again = await PostAsync("duty", Duty, id);

        Assert.Equal((HttpStatusCode.Created, HttpStatusCode.OK), (first.StatusCode, again.StatusCode));
        var (firstBody, againBody) = (await first.Content.ReadAsStringAsync(), await again.Content.ReadAsStringAsync());
        Assert.Equal(firstBody, againBody);
        Assert.Equal(first.Headers.Location, again.Headers.Location);
        Assert.Equal([(1, "submitted")], await VersionsAsync("duty"));
        var report = await app.GetReportAsync(Year, Department);
        var wait = report.GetProperty("assemblyWaitsFor").EnumerateArray().Single(w => w.GetProperty("section").GetString() == "duty");
        Assert.Equal(1, wait.GetProperty("version").GetInt32());
        Assert.Single(report.GetProperty("audit").EnumerateArray(),
            a => a.GetProperty("action").GetString() == "draft.submitted" && a.GetProperty("detail").GetString()!.StartsWith("duty "));

        // The same id with another text is a client's mistake: refused, nothing stored.
        using var reused = await PostAsync("duty", Duty + "\n另一段。", id);
        var problem = await BadInputTests.AssertProblemAsync(reused, HttpStatusCode.Conflict, "id reused");
        Assert.Equal("提交编号已被使用", problem.GetProperty("title").GetString());
        Assert.Equal([(1, "submitted")], await VersionsAsync("duty"));
    }

    [Fact]
    public async Task Posts_with_one_id_racing_each_other_make_exactly_one_version()
    {
        var id = Guid.NewGuid().ToString("N");
        const string measures = "二、推进法治政府建设的主要举措和成效\n我局推进统计领域依法行政。";
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var racing = Enumerable.Range(0, 4).Select(async _ =>
        {
            await gate.Task;
            using var response = await PostAsync("measures", measures, id);
            var text = await response.Content.ReadAsStringAsync();
            Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode} {text}");
            return (response.StatusCode, Version: JsonDocument.Parse(text).RootElement.GetProperty("version").GetInt32());
        }).ToList();
        gate.SetResult();
        var answers = await Task.WhenAll(racing);

        Assert.Single(answers, a => a.StatusCode == HttpStatusCode.Created);
        Assert.All(answers, a => Assert.True(a.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK, a.StatusCode.ToString()));
        Assert.All(answers, a => Assert.Equal(1, a.Version));
        Assert.Equal([(1, "submitted")], await VersionsAsync("measures"));
    }

    [Fact]
    public async Task The_idempotency_key_header_works_as_the_field_does()
    {
        const string plans = "四、下一年度推进法治政府建设的主要安排\n继续推进统计执法。";
        async Task<HttpResponseMessage> PostWithKeyAsync()
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "api/drafts")
            {
                Content = JsonContent(new { year = Year, department = Department, section = "plans", body = plans }),
            };
            request.Headers.Add("Idempotency-Key", "retry-of-plans-0001");
            return await app.ClientAs($"{Department}-author").SendAsync(request);
        }

        using var first = await PostWithKeyAsync();
        using var retry = await PostWithKeyAsync();

        Assert.Equal((HttpStatusCode.Created, HttpStatusCode.OK), (first.StatusCode, retry.StatusCode));
        Assert.Equal([(1, "submitted")], await VersionsAsync("plans"));
    }

    [Fact]
    public async Task The_form_carries_a_fresh_id_and_its_post_repeated_without_a_script_answers_with_the_same_version()
    {
        var cookie = await app.SignInCookieAsync($"{Department}-author");
        var ids = new List<string>();
        for (var i = 0; i < 2; i++) ids.Add(HiddenId(await SignedInRequests.PageAsync(app, cookie, $"api/form?year={Year}&section=shortcomings")));
        Assert.NotEqual(ids[0], ids[1]);
        Assert.Matches("^[0-9a-f]{32}$", ids[0]);

        const string shortcomings = "三、存在的不足和原因\n统计执法力量不足。";
        var pages = new List<(HttpStatusCode Status, string Html)>();
        for (var i = 0; i < 2; i++)
        {
            using var response = await SignedInRequests.PostFormAsync(app, cookie, "api/drafts", new()
            {
                ["submissionId"] = ids[0], ["year"] = Year.ToString(), ["department"] = Department, ["section"] = "shortcomings", ["body"] = shortcomings,
            });
            pages.Add((response.StatusCode, await response.Content.ReadAsStringAsync()));
        }

        Assert.Equal([HttpStatusCode.Created, HttpStatusCode.OK], pages.Select(p => p.Status));
        Assert.All(pages, p => Assert.Contains("已保存：2003 年", p.Html));
        Assert.All(pages, p => Assert.Contains("第 1 版", p.Html));
        Assert.DoesNotContain("未再保存新版本", pages[0].Html);
        Assert.Contains("这是同一次提交的重复请求，未再保存新版本。", pages[1].Html);
        Assert.Equal([(1, "submitted")], await VersionsAsync("shortcomings"));
    }

    private static StringContent JsonContent(object value) => new(JsonSerializer.Serialize(value), System.Text.Encoding.UTF8, "application/json");

    private static string HiddenId(string form) => Regex.Match(form, "<input type=\"hidden\" name=\"submissionId\" value=\"([^\"]+)\">").Groups[1].Value;
}
