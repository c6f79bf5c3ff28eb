using System.Net;
using System.Text;
using System.Text.Json;
using Reporting.Core.Publication;
using Xunit;

namespace Reporting.EndToEnd.Tests;

/// <summary>
/// 发布 and 撤回 of one report fired at once over HTTP: whichever order they arrive in and however their copying interleaves,
/// once both have answered the public container agrees with the record. Year 2021 is publication's (a report year must not be
/// in the future); 财政局 is this class's alone there, and it only ever reads its own entry of the year index.
/// </summary>
[Collection(LocalHostCollection.Name)]
public sealed class PublicationRaceTests(LocalHostFixture app)
{
    private const int Year = 2021;
    private const string Department = "czj";
    private const int Rounds = 15;

    private static readonly HttpClient Public = new(new SocketsHttpHandler { AllowAutoRedirect = false }) { Timeout = TimeSpan.FromSeconds(30) };

    private static StringContent Json(object body) => new(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json");

    private Task<HttpStatusCode> PublishAsync(int version) =>
        PostAsync("publication", new { confidentialityReviewed = true, comment = "经保密审查，同意公开。", version });

    private Task<HttpStatusCode> WithdrawAsync() => PostAsync("publication/withdrawal", new { reason = "需要删改" });

    /// <summary>
    /// Posts as the district office; a 503 (storage too slow on a busy machine, the call stopped part-way) is sent again, as a
    /// client honouring Retry-After would, so each round ends with both requests carried out.
    /// </summary>
    private async Task<HttpStatusCode> PostAsync(string path, object body)
    {
        for (var attempt = 1; ; attempt++)
        {
            using var response = await app.ClientAs(LocalHostFixture.Office).PostAsync($"api/reports/{Year}/{Department}/{path}", Json(body));
            if (response.StatusCode != HttpStatusCode.ServiceUnavailable || attempt == 5) return response.StatusCode;
            await Task.Delay(TimeSpan.FromSeconds(1));
        }
    }

    private static async Task<HttpStatusCode> StatusOfAsync(Uri uri)
    {
        using var response = await Public.GetAsync(uri);
        return response.StatusCode;
    }

    [Fact]
    public async Task Publish_and_withdraw_fired_together_leave_the_public_files_and_the_year_index_matching_the_record_in_every_round()
    {
        await app.SubmitFixtureAsync(Year, Department);
        var report = await app.WaitForReportAsync(Year, Department, r => r.GetProperty("status").GetString() == "assembled");
        var name = report.GetProperty("departmentName").GetString()!;
        var version = report.GetProperty("versions")[0].GetProperty("version").GetInt32();
        var site = (IPublicSite)app.Host.Services.GetService(typeof(IPublicSite))!;
        var html = new Uri(site.BaseAddress, $"{Year}/{Department}.html");
        var pdf = new Uri(site.BaseAddress, $"{Year}/{Department}.pdf");
        var index = new Uri(site.BaseAddress, $"{Year}/index.html");
        Assert.Equal(HttpStatusCode.Created, await PublishAsync(version));

        var disagreements = new List<string>();
        for (var round = 0; round < Rounds; round++)
        {
            // Small, varying head starts (1–22 ms), the withdrawal second in most rounds (a copy still being written when it
            // lands), the publish second in every third (a withdrawal's deletes still under way when the new copy is written).
            var lag = TimeSpan.FromMilliseconds(1 + round * 3 % 22);
            var publishFirst = round % 3 != 2;
            Task<HttpStatusCode> first = publishFirst ? PublishAsync(version) : WithdrawAsync();
            await Task.Delay(lag);
            Task<HttpStatusCode> second = publishFirst ? WithdrawAsync() : PublishAsync(version);
            var answers = await Task.WhenAll(first, second);
            Assert.All(answers, a => Assert.True(a is HttpStatusCode.OK or HttpStatusCode.Created or HttpStatusCode.Conflict, $"round {round}: {a}"));

            var status = (await app.GetReportAsync(Year, Department)).GetProperty("publication").GetProperty("status").GetString();
            var published = status == "published";
            var (htmlStatus, pdfStatus) = (await StatusOfAsync(html), await StatusOfAsync(pdf));
            var listed = (await Public.GetStringAsync(index)).Contains(name, StringComparison.Ordinal);
            var expected = published ? HttpStatusCode.OK : HttpStatusCode.NotFound;
            if (htmlStatus != expected || pdfStatus != expected || listed != published)
                disagreements.Add($"round {round} ({(publishFirst ? "撤回" : "发布")} {lag.TotalMilliseconds} ms later): record {status}, " +
                    $"page {(int)htmlStatus}, PDF {(int)pdfStatus}, year index {(listed ? "lists it" : "leaves it out")}");
        }
        Assert.True(disagreements.Count == 0, $"{disagreements.Count} of {Rounds} rounds disagreed:\n{string.Join("\n", disagreements)}");
    }
}
