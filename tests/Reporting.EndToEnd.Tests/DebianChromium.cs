using Microsoft.Playwright;
using Xunit;

namespace Reporting.EndToEnd.Tests;

/// <summary>Debian's Chromium, never a downloaded browser, with its own UI (file buttons) in Chinese.</summary>
internal static class DebianChromium
{
    private const string Path = "/usr/bin/chromium";

    /// <summary>
    /// How long one browser step (a navigation, a click, an element to appear) may take before the test fails. Only a
    /// last resort: each step waits for its own event (the URL it leads to, the element it shows). Playwright's 30 s
    /// default was too short on a two-core machine running the other end-to-end tests beside it (a click's navigation
    /// to the form timed out); Playwright's timeout message names what was waited for.
    /// </summary>
    public const float StepTimeoutMs = 120_000;

    /// <summary>A browser context (a fresh profile: no cookies) whose every step may take <see cref="StepTimeoutMs"/>.</summary>
    public static async Task<IBrowserContext> NewContextAsync(IBrowser browser, BrowserNewContextOptions? options = null)
    {
        var context = await browser.NewContextAsync(options);
        context.SetDefaultTimeout(StepTimeoutMs);
        context.SetDefaultNavigationTimeout(StepTimeoutMs);
        return context;
    }

    public static async Task<IBrowser> LaunchAsync(IPlaywright playwright)
    {
        Assert.True(File.Exists(Path), "Debian chromium is required: apt-get install chromium (.ci/setup does it)");
        return await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Path,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--lang=zh-CN"],
        });
    }
}
