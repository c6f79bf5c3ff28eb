using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Reporting.Core.Documents;
using Reporting.Core.ReportAssembly;
using Reporting.Functions.Http;
using Xunit;

namespace Reporting.EndToEnd.Tests;

/// <summary>
/// 本部门报告 after the last approval, in Debian's Chromium: while the PDF is being made the page says so and that it will
/// refresh, and once the PDF is there it shows it by itself. A host of its own whose typesetter waits for the test's word,
/// so the page is seen while the PDF is being made however fast the machine.
/// </summary>
public sealed class DepartmentPageRefreshTests
{
    private const int Year = 2002;

    [Fact]
    public async Task After_the_last_approval_the_page_says_the_pdf_is_being_made_and_shows_it_once_made_without_a_reload()
    {
        using var release = new ManualResetEventSlim();
        var env = new LocalHostFixture
        {
            LogName = nameof(DepartmentPageRefreshTests),
            HostServices = services => HoldTypesetting(services, release),
        };
        try
        {
            await env.InitializeAsync();
            var routes = (Routes)env.Host.Services.GetService(typeof(Routes))!;
            var versions = await env.SubmitFixtureAsync(Year, "kgj", approve: false);
            foreach (var section in FixtureReport.RequiredSections) await env.ApproveOkAsync(Year, "kgj", section, versions[section]);
            await env.WaitForReportAsync(Year, "kgj", r => r.GetProperty("status").GetString() == "assembling");

            await using var chromium = await env.Chromium.LeaseAsync();
            var page = await BrowserPages.SignedInAsync(env, chromium.Browser, "kgj-approver", routes.DepartmentPage(Year).TrimStart('/'), 1280);
            Assert.Contains("报告状态：正在生成 PDF", await page.InnerTextAsync("main"));
            Assert.Equal("PDF 生成后本页会自动刷新，无需手动操作。", await page.InnerTextAsync("#making"));
            await BrowserPages.CheckAsync(page, "department-making-1280");
            await page.SetViewportSizeAsync(390, 900);
            await BrowserPages.CheckAsync(page, "department-making-390");

            // Without script nothing follows the PDF, so the page offers a plain link to look again and promises nothing.
            var unscripted = await DebianChromium.NewContextAsync(chromium.Browser, new BrowserNewContextOptions
            {
                Locale = "zh-CN", ViewportSize = new ViewportSize { Width = 390, Height = 900 }, JavaScriptEnabled = false,
            });
            var still = await unscripted.NewPageAsync();
            var path = routes.DepartmentPage(Year).TrimStart('/');
            await still.GotoAsync(new Uri(env.Host.BaseAddress, path).ToString());
            await still.ClickAsync(BrowserPages.UserButton("kgj-approver"));
            await BrowserPages.CommittedAsync(still, BrowserPages.EndsWith("/" + path));
            var again = still.GetByRole(AriaRole.Link, new() { Name = "刷新", Exact = true });
            await Assertions.Expect(again).ToBeVisibleAsync(new() { Timeout = DebianChromium.StepTimeoutMs });
            Assert.Equal("PDF 正在生成，请稍后刷新本页查看。", await still.InnerTextAsync("#making"));
            Assert.Contains("department=kgj", await again.GetAttributeAsync("href"));
            await unscripted.CloseAsync();

            var loads = 0;
            page.Load += (_, _) => Interlocked.Increment(ref loads);

            release.Set();

            // The page asks for the report and, once the PDF is there, shows itself again: no click, no reload by the test.
            await Assertions.Expect(page.Locator("main")).ToContainTextAsync("报告状态：已生成 PDF", new() { Timeout = DebianChromium.StepTimeoutMs });
            Assert.Equal(0, await page.Locator("#making").CountAsync());
            Assert.True(loads >= 1);
            Assert.Equal(1, await page.GetByRole(AriaRole.Link, new() { Name = "下载第 1 版 PDF" }).CountAsync());
        }
        finally
        {
            release.Set();
            await env.DisposeAsync();
        }
    }

    /// <summary>The app's typesetter, made to wait for <paramref name="release"/> before each report (volumes are not held).</summary>
    private static void HoldTypesetting(IServiceCollection services, ManualResetEventSlim release)
    {
        var registered = services.Last(d => d.ServiceType == typeof(IReportTypesetter));
        services.AddSingleton<IReportTypesetter>(sp => new HeldTypesetter(
            registered.ImplementationInstance as IReportTypesetter ?? (IReportTypesetter)registered.ImplementationFactory!(sp), release));
    }

    private sealed class HeldTypesetter(IReportTypesetter inner, ManualResetEventSlim release) : IReportTypesetter
    {
        public TypesetReport Typeset(ReportDocument document)
        {
            // Bounded: a test that failed before releasing still ends.
            release.Wait(TimeSpan.FromMinutes(5));
            return inner.Typeset(document);
        }

        public int TypesetVolume(VolumeDocument volume, Stream pdf, Stream ofd) => inner.TypesetVolume(volume, pdf, ofd);
    }
}
