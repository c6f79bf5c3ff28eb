using System.Text.Json;
using Reporting.Functions.Http;
using Xunit;

namespace Reporting.EndToEnd.Tests;

/// <summary>
/// The count beside 我的待办 in every page's navigation, in Debian's Chromium (文广旅局 wgltj, 2018): the required parts not yet
/// written, the parts sent back, and for an approver the drafts waiting that they may decide; the same number as JSON.
/// </summary>
[Collection(LocalHostCollection.Name)]
public sealed class TodoCountBrowserTests(LocalHostFixture app)
{
    private const int Year = 2018;
    private const string Department = "wgltj";

    private Routes Routes => (Routes)app.Host.Services.GetService(typeof(Routes))!;

    [Fact]
    public async Task The_navigation_counts_what_waits_for_each_person()
    {
        // duty waits for review; measures is sent back; preamble, shortcomings and plans are not written.
        await app.SubmitOkAsync(Year, Department, "duty", FixtureReport.Parts["duty"], asUser: $"{Department}-author");
        var measures = await app.SubmitOkAsync(Year, Department, "measures", FixtureReport.Parts["measures"], asUser: $"{Department}-author");
        using (var rejected = await app.DecideAsync(Year, Department, "measures", measures, "reject", asUser: $"{Department}-approver", comment: "请补充数据。"))
            Assert.True(rejected.IsSuccessStatusCode);

        foreach (var (user, expected) in new[] { ($"{Department}-author", 4), ($"{Department}-approver", 5) })
        {
            var json = JsonDocument.Parse(await app.ClientAs(user).GetStringAsync(Routes.TodoCount(Year).TrimStart('/'))).RootElement;
            Assert.Equal(expected, json.GetProperty("count").GetInt32());
            Assert.Equal(Year, json.GetProperty("year").GetInt32());

            await using var chromium = await app.Chromium.LeaseAsync();
            // Any page of the year shows it: here 本部门报告.
            var page = await BrowserPages.SignedInAsync(app, chromium.Browser, user, Routes.DepartmentPage(Year).TrimStart('/'), 390);
            await Microsoft.Playwright.Assertions.Expect(page.Locator("header nav a").First)
                .ToHaveTextAsync($"我的待办（{expected}）", new() { Timeout = DebianChromium.StepTimeoutMs });
            await BrowserPages.CheckAsync(page, $"nav-count-{user}-390");
            await page.SetViewportSizeAsync(1280, 900);
            await BrowserPages.CheckAsync(page, $"nav-count-{user}-1280");
        }
    }
}
