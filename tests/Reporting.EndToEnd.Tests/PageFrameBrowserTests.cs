using Microsoft.Playwright;
using Reporting.Functions.Http;
using Xunit;

namespace Reporting.EndToEnd.Tests;

/// <summary>
/// The frame every signed-in page shares, in Debian's Chromium at 1280 and 390 px: a header with the system's name, the
/// signed-in person and 退出登录, which signs the browser out (locally: back to the sign-in page; pages then ask to sign in).
/// </summary>
[Collection(LocalHostCollection.Name)]
public sealed class PageFrameBrowserTests(LocalHostFixture app)
{
    private Routes Routes => (Routes)app.Host.Services.GetService(typeof(Routes))!;

    [Theory]
    [InlineData(1280)]
    [InlineData(390)]
    public async Task The_header_names_the_system_and_the_person_and_signing_out_leads_to_the_sign_in(int width)
    {
        await using var chromium = await app.Chromium.LeaseAsync();
        var page = await BrowserPages.SignedInAsync(app, chromium.Browser, "wjw-approver", Routes.Todo().TrimStart('/'), width);

        Assert.Equal("法治政府建设年度报告系统", await page.InnerTextAsync("header .system"));
        Assert.Contains("卫生健康委员会审核人", await page.InnerTextAsync("header .who"));
        // The name and who is signed in stand above the navigation, on one line at 1280 px.
        var system = await page.Locator("header .system").BoundingBoxAsync();
        var nav = await page.Locator("header nav").BoundingBoxAsync();
        Assert.True(system!.Y < nav!.Y);
        if (width == 1280) Assert.Equal(system.Y, (await page.Locator("header .who").BoundingBoxAsync())!.Y, 3);
        await BrowserPages.CheckAsync(page, $"frame-todo-{width}");

        var signOut = page.GetByRole(AriaRole.Link, new() { Name = "退出登录" });
        Assert.Equal(Routes.SignOut(), await signOut.GetAttributeAsync("href"));
        await signOut.ClickAsync();
        await BrowserPages.ArrivedAsync(page, BrowserPages.EndsWith(Routes.SignIn()));

        // Signed out: 我的待办 sends the browser to the sign-in page instead of showing anyone's work.
        await page.GotoAsync(new Uri(app.Host.BaseAddress, Routes.Todo()).ToString());
        await BrowserPages.ArrivedAsync(page, new System.Text.RegularExpressions.Regex("/api/dev/sign-in\\?returnUrl="));
        Assert.Equal(0, await page.Locator("header .who").CountAsync());
    }
}
