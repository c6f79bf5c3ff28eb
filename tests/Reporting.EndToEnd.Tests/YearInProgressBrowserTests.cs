using Microsoft.Playwright;
using Reporting.Core.Calendar;
using Reporting.Functions.Http;
using Xunit;

namespace Reporting.EndToEnd.Tests;

/// <summary>
/// The year a page opens on and how it is picked, in Debian's Chromium at 1280 and 390 px: without a year every page opens
/// on the calendar's year in progress (December 2026 → 2026), a select offers the years instead of a text box, and a
/// page reached from a year (a refusal included) keeps it in its navigation and its way back.
/// </summary>
[Collection(LocalHostCollection.Name)]
public sealed class YearInProgressBrowserTests(LocalHostFixture app)
{
    /// <summary>A year no other test writes: the picker offers it only because the page shows it.</summary>
    private const int Asked = 2048;

    private Routes Routes => (Routes)app.Host.Services.GetService(typeof(Routes))!;

    private int InProgress
    {
        get
        {
            var calendar = (ReportingCalendar)app.Host.Services.GetService(typeof(ReportingCalendar))!;
            var clock = (TimeProvider)app.Host.Services.GetService(typeof(TimeProvider))!;
            return calendar.YearInProgress(calendar.Today(clock.GetUtcNow()));
        }
    }

    [Theory]
    [InlineData(1280)]
    [InlineData(390)]
    public async Task Pages_open_on_the_year_in_progress_and_a_select_picks_another_that_the_navigation_keeps(int width)
    {
        await using var chromium = await app.Chromium.LeaseAsync();
        var page = await BrowserPages.SignedInAsync(app, chromium.Browser, "kgj-author", Routes.Todo().TrimStart('/'), width);
        var year = InProgress;

        // 我的待办 without a year: the year in progress, chosen in a select, and the deadline line speaks of it.
        Assert.Equal("select", await page.EvaluateAsync<string>("() => document.getElementById('year').tagName.toLowerCase()"));
        Assert.Equal(year.ToString(), await page.InputValueAsync("#year"));
        Assert.Contains($"{year} 年", await page.InnerTextAsync("main h2"));
        Assert.Contains($"{year} 年度报告", await page.InnerTextAsync("header .deadline"));
        await BrowserPages.CheckAsync(page, $"year-todo-{width}");

        // Another year picked: the page and every link of the navigation stay in it.
        await page.GotoAsync(new Uri(app.Host.BaseAddress, Routes.Todo(Asked)).ToString());
        Assert.Equal(Asked.ToString(), await page.InputValueAsync("#year"));
        var offered = await page.Locator("#year option").AllInnerTextsAsync();
        Assert.Contains($"{year} 年度", offered);
        Assert.Equal(offered.OrderDescending(), offered);
        await page.SelectOptionAsync("#year", year.ToString());
        await page.ClickAsync("form.year-picker button");
        await BrowserPages.ArrivedAsync(page, BrowserPages.EndsWith(Routes.Todo(year)));
        await page.GotoAsync(new Uri(app.Host.BaseAddress, Routes.DepartmentPage(Asked)).ToString());
        Assert.Equal(Asked.ToString(), await page.InputValueAsync("#year"));
        var nav = await page.Locator("header nav a").EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))");
        Assert.All(nav, href => Assert.Contains($"year={Asked}", href));

        // The form without a year writes for the year in progress; with one, for it.
        await page.GotoAsync(new Uri(app.Host.BaseAddress, Routes.Form()).ToString());
        Assert.Equal(year.ToString(), await page.InputValueAsync("#year"));
        await page.GotoAsync(new Uri(app.Host.BaseAddress, Routes.Form(Asked)).ToString());
        Assert.Equal(Asked.ToString(), await page.InputValueAsync("#year"));
        await BrowserPages.CheckAsync(page, $"year-form-{width}");

        // A refusal reached from a year keeps it: its navigation and its way back.
        var refused = await page.GotoAsync(new Uri(app.Host.BaseAddress, Routes.DraftPage(Asked, "kgj", "duty", 99)).ToString());
        Assert.Equal(404, refused!.Status);
        nav = await page.Locator("header nav a").EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))");
        Assert.All(nav, href => Assert.Contains($"year={Asked}", href));
        Assert.Equal(Routes.Todo(Asked), await page.GetByRole(AriaRole.Link, new() { Name = "回到我的待办" }).GetAttributeAsync("href"));
        Assert.Contains($"{Asked} 年度报告", await page.InnerTextAsync("header .deadline"));
        await BrowserPages.CheckAsync(page, $"year-refusal-{width}");
    }
}
