using Microsoft.Playwright;
using Reporting.Functions.Http;
using Reporting.TestSupport;
using Xunit;

namespace Reporting.EndToEnd.Tests;

/// <summary>
/// 草稿 and 本部门报告 printed from Debian's Chromium (科工局, 2018): the content is printed, the navigation, the forms and the
/// buttons are not; a PDF of each printed page lands in .local/screenshots to look at.
/// </summary>
[Collection(LocalHostCollection.Name)]
public sealed class PrintedPagesBrowserTests(LocalHostFixture app)
{
    private const int Year = 2018;

    private Routes Routes => (Routes)app.Host.Services.GetService(typeof(Routes))!;

    [Fact]
    public async Task Printing_the_draft_and_the_report_page_leaves_out_navigation_forms_and_buttons()
    {
        var version = await app.SubmitOkAsync(Year, "kgj", "duty", FixtureReport.Parts["duty"]);
        await using var chromium = await app.Chromium.LeaseAsync();
        var page = await BrowserPages.SignedInAsync(app, chromium.Browser, "kgj-author",
            Routes.DraftPage(Year, "kgj", "duty", version).TrimStart('/'), 1280);
        await PrintedAsync(page, "print-draft", "党政主要负责人");

        await page.GotoAsync(new Uri(app.Host.BaseAddress, Routes.DepartmentPage(Year)).ToString());
        await PrintedAsync(page, "print-department", "各部分");
    }

    private static async Task PrintedAsync(IPage page, string name, string content)
    {
        await page.EmulateMediaAsync(new() { Media = Media.Print });
        // Shown: the title and the content; hidden: the navigation, every form and button.
        Assert.True(await page.Locator("main h1").IsVisibleAsync());
        Assert.Contains(content, await page.InnerTextAsync("main"));
        Assert.False(await page.Locator("header nav").IsVisibleAsync());
        foreach (var hidden in await page.Locator("main form, main button, main a.button").AllAsync()) Assert.False(await hidden.IsVisibleAsync());
        var pdf = await page.PdfAsync(new() { Format = "A4", PrintBackground = false });
        var directory = Path.Combine(RepoPaths.Root, ".local", "screenshots");
        Directory.CreateDirectory(directory);
        await File.WriteAllBytesAsync(Path.Combine(directory, name + ".pdf"), pdf);
        await page.EmulateMediaAsync(new() { Media = Media.Screen });
        Assert.True(await page.Locator("header nav").IsVisibleAsync());
    }
}
