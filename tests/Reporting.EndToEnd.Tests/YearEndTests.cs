using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Reporting.Core.Access;
using Reporting.Core.Notices;
using Reporting.Core.Queues;
using Reporting.Core.Reports;
using Reporting.Core.Templates;
using Reporting.Core.YearEnd;
using Reporting.TestSupport;
using Xunit;

namespace Reporting.EndToEnd.Tests;

/// <summary>The year-end run: due reports assembled, one compiled volume per change, one notice per volume.</summary>
[Collection(LocalHostCollection.Name)]
public sealed class YearEndTests(LocalHostFixture app)
{
    private const int Year = 2022;

    /// <summary>The year level is the district office's.</summary>
    private HttpClient Office => app.ClientAs(LocalHostFixture.Office);

    [Fact]
    public async Task Year_end_runs_are_exactly_once_in_effect()
    {
        // sfj: complete through the normal flow. swj: approved, but its assembly message was lost (approvals written
        // straight to the report row), so only the year-end run can assemble it. Everyone else is missing.
        await CompleteThroughFlowAsync("sfj");
        await ApproveWithoutQueueAsync("swj");

        var first = await app.RunYearEndAsync(Year);
        Assert.Equal("created", first.GetProperty("outcome").GetString());
        Assert.Equal(1, first.GetProperty("volume").GetProperty("version").GetInt32());
        Assert.Contains("swj", first.GetProperty("assembledNow").EnumerateArray().Select(e => e.GetString()));
        var afterFirst = JsonDocument.Parse(await Office.GetStringAsync($"api/reports/{Year}")).RootElement;
        Assert.Equal(["sfj", "swj"], afterFirst.GetProperty("departments").EnumerateArray()
            .Where(d => d.GetProperty("status").GetString() == "assembled").Select(d => d.GetProperty("department").GetString()!).Order().ToArray());
        Assert.Equal(2, afterFirst.GetProperty("complete").GetInt32());
        Assert.Equal(22, afterFirst.GetProperty("missing").GetInt32());
        var mail = await app.Smtp.WaitForAsync(m => m.Headers["X-Report-Key"] == $"{Year}-volume-v1", TimeSpan.FromSeconds(120));
        Assert.Contains("魏都区司法局", mail.TextBody);
        Assert.Contains("未完成（22 个）", mail.TextBody);

        // Nothing changed: no new volume, nothing sent.
        var second = await app.RunYearEndAsync(Year);
        Assert.Equal("unchanged", second.GetProperty("outcome").GetString());
        Assert.Equal(1, second.GetProperty("volume").GetProperty("version").GetInt32());

        // A late approval changes the content; two runs started together (the timer's and a queued one, say) make exactly
        // one new volume. The other run must have overlapped the winner: it found volume 2 claimed and unfinished
        // ("in-progress") or stored and being told ("notified"); "unchanged" would mean it started after the winner had
        // finished, so nothing raced.
        await CompleteThroughFlowAsync("tjj");
        var run = (YearEndRun)app.Host.Services.GetService(typeof(YearEndRun))!;
        var outcomes = (await Together.RunAsync(2, _ => run.RunAsync(Year, Caller.System))).Select(r => r.Outcome).ToList();
        Assert.Single(outcomes, o => o == "created");
        var raced = outcomes.Single(o => o != "created");
        Assert.True(raced is "in-progress" or "notified", $"the two runs did not overlap: the other run's outcome was {raced}");

        var year = JsonDocument.Parse(await Office.GetStringAsync($"api/reports/{Year}")).RootElement;
        Assert.Equal(2, year.GetProperty("volume").GetProperty("version").GetInt32());
        Assert.Equal(2, year.GetProperty("volumes").GetArrayLength());
        Assert.Equal(24, year.GetProperty("departments").GetArrayLength());
        Assert.Equal(3, year.GetProperty("complete").GetInt32());
        var sfj = year.GetProperty("departments").EnumerateArray().Single(d => d.GetProperty("department").GetString() == "sfj");
        Assert.Equal(1, sfj.GetProperty("newestPdfVersion").GetInt32());
        Assert.True(sfj.GetProperty("notified").GetBoolean());

        // Nothing is still on its way: no queued work, and volume 2's notice recorded as sent on every channel.
        await app.Smtp.WaitForAsync(m => m.Headers["X-Report-Key"] == $"{Year}-volume-v2", TimeSpan.FromSeconds(120));
        await app.WaitForQueuesToDrainAsync();
        var outbox = (INotificationOutbox)app.Host.Services.GetService(typeof(INotificationOutbox))!;
        Assert.All(await outbox.FindAsync($"{Year}-volume-v2"), e => Assert.True(e.IsSent, $"{e.Channel} of volume v2 is not sent"));
        Assert.Equal(1, app.Smtp.Count($"{Year}-volume-v1"));
        Assert.Equal(1, app.Smtp.Count($"{Year}-volume-v2"));
        Assert.Equal(4, (await app.ListBlobsAsync($"{Year}/volume/")).Count); // each version's PDF and its OFD twin

        using var redirect = await Office.GetAsync($"api/reports/{Year}/volume/pdf");
        Assert.Equal(HttpStatusCode.Found, redirect.StatusCode);
        var pdf = await new HttpClient().GetByteArrayAsync(redirect.Headers.Location);
        var text = DraftToNotifiedPdfTests.PdfText(pdf);
        Assert.Contains("魏都区司法局", text);
        Assert.Contains("魏都区统计局", text);
    }

    [Fact]
    public async Task Compiling_now_answers_202_at_once_and_its_status_reaches_done_with_the_volume()
    {
        const int year = 2015;  // 住建局 alone: other tests write other departments of 2015 and never compile it
        await app.SubmitFixtureAsync(year, "zjj");
        await app.WaitForReportAsync(year, "zjj", r => LocalHostFixture.VersionNotified(r, 1));

        using var posted = await Office.PostAsync($"api/reports/{year}/year-end", null);
        var text = await posted.Content.ReadAsStringAsync();
        Assert.True(posted.StatusCode == HttpStatusCode.Accepted, text);
        var accepted = JsonDocument.Parse(text).RootElement;
        var id = accepted.GetProperty("id").GetString()!;
        Assert.Equal($"/api/reports/{year}/year-end/{id}", posted.Headers.Location!.OriginalString);
        Assert.Equal(posted.Headers.Location.OriginalString, accepted.GetProperty("status").GetString());
        Assert.Equal("queued", accepted.GetProperty("state").GetString());
        Assert.Equal(JsonValueKind.Null, accepted.GetProperty("volume").ValueKind);

        var done = await app.WaitForYearEndRunAsync(posted.Headers.Location);
        Assert.Equal("done", done.GetProperty("state").GetString());
        Assert.Equal("created", done.GetProperty("outcome").GetString());
        var volume = done.GetProperty("volume");
        Assert.Equal(1, volume.GetProperty("version").GetInt32());
        Assert.Equal($"/api/reports/{year}/volume/pdf?version=1", volume.GetProperty("pdfUrl").GetString());
        using var redirect = await Office.GetAsync(volume.GetProperty("pdfUrl").GetString());
        Assert.Equal(HttpStatusCode.Found, redirect.StatusCode);
        Assert.Equal("%PDF", System.Text.Encoding.ASCII.GetString((await new HttpClient().GetByteArrayAsync(redirect.Headers.Location))[..4]));

        // An API client retrying with the run's id gets the same run back, finished; nothing is compiled again.
        using (var retried = await Office.PostAsJsonAsync($"api/reports/{year}/year-end", new { id }))
        {
            Assert.Equal(HttpStatusCode.Accepted, retried.StatusCode);
            Assert.Equal(posted.Headers.Location, retried.Headers.Location);
            Assert.Equal("done", JsonDocument.Parse(await retried.Content.ReadAsStringAsync()).RootElement.GetProperty("state").GetString());
        }
        Assert.Equal(1, JsonDocument.Parse(await Office.GetStringAsync($"api/reports/{year}")).RootElement.GetProperty("volumes").GetArrayLength());

        // The status is the district office's, like the year; an unknown run is a 404 problem.
        using (var byAuthor = await app.ClientAs("zjj-author").GetAsync(posted.Headers.Location))
            await BadInputTests.AssertProblemAsync(byAuthor, HttpStatusCode.Forbidden, "the run's status for an author");
        using (var unknown = await Office.GetAsync($"api/reports/{year}/year-end/{Guid.NewGuid():N}"))
            await BadInputTests.AssertProblemAsync(unknown, HttpStatusCode.NotFound, "an unknown run");
    }

    [Fact]
    public async Task A_repeated_form_post_and_duplicate_queue_messages_compile_one_volume()
    {
        const int year = 2011;  // 住建局 alone: other tests write other departments of 2011 and never compile it
        await app.SubmitFixtureAsync(year, "zjj");
        await app.WaitForReportAsync(year, "zjj", r => LocalHostFixture.VersionNotified(r, 1));

        // 立即汇编 clicked twice (one form, one id): both posts lead to the same run.
        var id = Guid.NewGuid().ToString("N");
        var locations = new List<Uri>();
        for (var i = 0; i < 2; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, $"api/reports/{year}/year-end")
            {
                Content = new FormUrlEncodedContent([new("id", id)]),
            };
            request.Headers.Accept.ParseAdd("text/html");
            using var response = await Office.SendAsync(request);
            Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
            locations.Add(response.Headers.Location!);
        }
        Assert.Equal([$"/api/reports/{year}/year-end/{id}"], locations.Select(l => l.OriginalString).Distinct());

        // The queue delivers at least once: the same message twice more, while the first may be compiling.
        var queue = (IWorkQueue)app.Host.Services.GetService(typeof(IWorkQueue))!;
        await Task.WhenAll(queue.EnqueueYearEndAsync(new YearEndMessage(year, id)), queue.EnqueueYearEndAsync(new YearEndMessage(year, id)));
        var done = await app.WaitForYearEndRunAsync(locations[0]);
        await app.WaitForQueuesToDrainAsync();

        Assert.Equal(("done", "created", 1), (done.GetProperty("state").GetString(), done.GetProperty("outcome").GetString(),
            done.GetProperty("volume").GetProperty("version").GetInt32()));
        var again = JsonDocument.Parse(await Office.GetStringAsync(locations[0])).RootElement;
        Assert.Equal(done.GetProperty("finishedAt").GetString(), again.GetProperty("finishedAt").GetString());
        var yearView = JsonDocument.Parse(await Office.GetStringAsync($"api/reports/{year}")).RootElement;
        Assert.Equal(1, yearView.GetProperty("volumes").GetArrayLength());
        Assert.Equal(2, (await app.ListBlobsAsync($"{year}/volume/")).Count); // one version's PDF and its OFD twin
        await app.Smtp.WaitForAsync(m => m.Headers["X-Report-Key"] == $"{year}-volume-v1", TimeSpan.FromSeconds(120));
        Assert.Equal(1, app.Smtp.Count($"{year}-volume-v1"));
    }

    [Theory]
    [InlineData("api/reports/20x3", HttpStatusCode.BadRequest)]
    [InlineData("api/reports/2041/volume/pdf", HttpStatusCode.NotFound)]
    [InlineData("api/reports/2022/volume/pdf?version=x", HttpStatusCode.BadRequest)]
    public async Task Year_routes_refuse_bad_input_with_a_problem(string path, HttpStatusCode expected)
    {
        using var response = await Office.GetAsync(path);
        await BadInputTests.AssertProblemAsync(response, expected, path);
    }

    [Fact]
    public async Task Running_the_year_end_for_a_malformed_year_is_refused()
    {
        using var response = await Office.PostAsync("api/reports/1066/year-end", null);
        await BadInputTests.AssertProblemAsync(response, HttpStatusCode.BadRequest, "year 1066");
    }

    private async Task CompleteThroughFlowAsync(string department)
    {
        await app.SubmitFixtureAsync(Year, department);
        await app.WaitForReportAsync(Year, department, r => LocalHostFixture.VersionNotified(r, 1));
    }

    private async Task ApproveWithoutQueueAsync(string department)
    {
        await app.SubmitFixtureAsync(Year, department, approve: false);
        var reports = (IReportRepository)app.Host.Services.GetService(typeof(IReportRepository))!;
        var report = await reports.GetAsync(new ReportKey(Year, department));
        foreach (var section in ReportTemplate.RequiredSections)
            report.Approve(section.Key, 1, "李四", DateTimeOffset.UtcNow);
        await reports.SaveAsync(report);
    }
}
