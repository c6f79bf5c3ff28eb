using System.Text.RegularExpressions;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Xunit;

namespace Reporting.EndToEnd.Tests;

/// <summary>Signing in as a person does and the checks every page must pass (as PageBrowserTests does them), for the page tests of the district
/// office.</summary>
internal static class BrowserPages
{
    /// <summary>Codes that must never reach a reader (department slugs, part keys, statuses and roles in English).</summary>
    public static readonly Regex Codes =
        new(@"\b(kgj|sfj|wjw|jyj|preamble|duty|measures|shortcomings|plans|missing|submitted|approved|rejected|withdrawn|pending|author|approver|office)\b");

    /// <summary>
    /// axe's options for the page checks, which read only the violations: every rule still runs on every element, but axe
    /// describes (selector, HTML) only one element of each passed, incomplete or inapplicable rule instead of all of them,
    /// which took most of each check's seconds on the long pages.
    /// </summary>
    public static readonly AxeRunOptions ViolationsOnly = new() { ResultTypes = [ResultType.Violations] };

    /// <summary>Opens <paramref name="path"/>, picks <paramref name="user"/> on the sign-in page it leads to, and lands back on it.</summary>
    public static async Task<IPage> SignedInAsync(LocalHostFixture app, IBrowser browser, string user, string path, int width)
    {
        var page = await NewPageAsync(browser, width);
        await page.GotoAsync(new Uri(app.Host.BaseAddress, path).ToString());
        await page.ClickAsync(UserButton(user));
        await ArrivedAsync(page, EndsWith("/" + path));
        return page;
    }

    /// <summary>
    /// Waits until <paramref name="page"/> shows a URL that <paramref name="url"/> matches and that document is parsed (what
    /// DOMContentLoaded means): every element the test reads next is there; images may still load (a test that needs one waits
    /// for it). Both waits run in Playwright's driver: the URL is polled by an assertion, the document's state in the page.
    /// Not the .NET client's WaitForURLAsync: it checks the URL (then the load state) and only afterwards subscribes to the
    /// event that changes it, so an event delivered in between is lost and it waits out its timeout on a page that has long
    /// loaded (microsoft/playwright-dotnet#3364). On a busy machine that gap is wide enough: 印章管理 and the sign-in waited 120 s.
    /// </summary>
    public static async Task ArrivedAsync(IPage page, Regex url)
    {
        await CommittedAsync(page, url);
        await page.WaitForFunctionAsync("() => document.readyState !== 'loading'");
    }

    /// <summary>Waits until <paramref name="page"/>'s URL matches <paramref name="url"/> (its navigation committed), polled in Playwright's driver.</summary>
    public static Task CommittedAsync(IPage page, Regex url) =>
        Assertions.Expect(page).ToHaveURLAsync(url, new() { Timeout = DebianChromium.StepTimeoutMs });

    /// <summary>A URL that ends with <paramref name="end"/>, taken literally.</summary>
    public static Regex EndsWith(string end) => new(Regex.Escape(end) + "$");

    /// <summary>Exactly <paramref name="url"/>.</summary>
    public static Regex Exactly(string url) => new("^" + Regex.Escape(url) + "$");

    /// <summary>The sign-in page's button for <paramref name="user"/>: clicking it posts the page's form, which signs in.</summary>
    public static string UserButton(string user) => $"button[name=user][value='{user}']";

    /// <summary>Signs <paramref name="page"/> in as <paramref name="user"/> on the sign-in page (landing on 我的待办), as a person does.</summary>
    public static async Task SignInAsync(LocalHostFixture app, IPage page, string user)
    {
        await page.GotoAsync(new Uri(app.Host.BaseAddress, "api/dev/sign-in").ToString());
        await page.ClickAsync(UserButton(user));
        // Signed in once the redirect to 我的待办 is committed (the cookie came with it); what the caller does next is its own wait.
        await CommittedAsync(page, EndsWith("/api/todo"));
    }

    /// <summary>
    /// From now on counts the clicks made in <paramref name="page"/>, across the pages it goes to (kept in the tab's sessionStorage): trusted
    /// click events only, as a mouse or a finger makes them. Typing, pasting and choosing a file are not clicks.
    /// </summary>
    public static async Task CountClicksAsync(IPage page)
    {
        await page.AddInitScriptAsync(ClickCounter);
        await page.EvaluateAsync(ClickCounter);
        await page.EvaluateAsync("() => sessionStorage.setItem('clicks', '0')");
    }

    /// <summary>The clicks counted since <see cref="CountClicksAsync"/>.</summary>
    public static Task<int> ClicksAsync(IPage page) => page.EvaluateAsync<int>("() => Number(sessionStorage.getItem('clicks') ?? 0)");

    private const string ClickCounter = "document.addEventListener('click', e => { if (e.isTrusted) "
        + "sessionStorage.setItem('clicks', String(Number(sessionStorage.getItem('clicks') ?? 0) + 1)); }, true);";

    /// <summary>A zh-CN browser window <paramref name="width"/> px wide.</summary>
    public static async Task<IPage> NewPageAsync(IBrowser browser, int width)
    {
        var context = await DebianChromium.NewContextAsync(browser,
            new BrowserNewContextOptions { Locale = "zh-CN", ViewportSize = new ViewportSize { Width = width, Height = 900 } });
        return await context.NewPageAsync();
    }

    /// <summary>
    /// No code where people read (user ids, which an administrator types, are left out via <paramref name="notText"/>), no serious or
    /// critical axe violation, the page no wider than the window; a screenshot under .local/screenshots to look at.
    /// </summary>
    /// <param name="axeOptions">Other axe options than <see cref="ViolationsOnly"/> (a page that must switch a rule off says why).</param>
    public static async Task CheckAsync(IPage page, string name, string? notText = null, AxeRunOptions? axeOptions = null)
    {
        Assert.Equal("zh-CN", await page.GetAttributeAsync("html", "lang"));
        var visible = await page.EvaluateAsync<string>("""
            sel => { const body = document.body.cloneNode(true); if (sel) body.querySelectorAll(sel).forEach(e => e.remove()); return body.textContent; }
            """, notText);
        Assert.DoesNotMatch(Codes, visible);
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"), $"{name}: wider than the window");
        var axe = await page.RunAxe(axeOptions ?? ViolationsOnly);
        var bad = axe.Violations.Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{v.Id}: {v.Help} ({string.Join(", ", v.Nodes.Select(n => n.Html))})").ToList();
        Assert.True(bad.Count == 0, $"{name}: {string.Join("; ", bad)}");
        var directory = Path.Combine(TestSupport.RepoPaths.Root, ".local", "screenshots");
        Directory.CreateDirectory(directory);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(directory, name + ".png"), FullPage = true });
    }
}
