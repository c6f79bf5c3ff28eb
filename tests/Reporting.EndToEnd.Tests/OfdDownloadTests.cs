using System.IO.Compression;
using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.Playwright;
using Reporting.Core.Publication;
using Reporting.Functions.Http;
using Xunit;

namespace Reporting.EndToEnd.Tests;

/// <summary>
/// The OFD twin of every PDF, where people get it (year 2010: 医疗保障局 and 应急管理局, whose reports no other test makes):
/// the report's and the volume's download routes under the PDF routes' rules, the 下载 OFD buttons on 本部门报告, and the
/// public site while the report is published.
/// </summary>
[Collection(LocalHostCollection.Name)]
public sealed class OfdDownloadTests(LocalHostFixture app)
{
    private const int Year = 2010;
    private const string Department = "ybj";
    private const string FileName = "魏都区医疗保障局2010年法治政府建设情况的报告（第1版）.ofd";

    private static readonly Routes Routes = new("api");

    /// <summary>Plain anonymous HTTP that does not follow redirects, as a short link's reader fetches the file.</summary>
    private static readonly HttpClient Plain = new(new SocketsHttpHandler { AllowAutoRedirect = false }) { Timeout = TimeSpan.FromSeconds(60) };

    /// <summary>The route's 302 followed to the stored file: its bytes must be an OFD container (a zip whose entry OFD.xml is the root).</summary>
    private static async Task<HttpResponseMessage> FollowToOfdAsync(HttpResponseMessage redirect)
    {
        Assert.Equal(HttpStatusCode.Found, redirect.StatusCode);
        var file = await Plain.GetAsync(redirect.Headers.Location);
        Assert.Equal(HttpStatusCode.OK, file.StatusCode);
        Assert.Equal("application/ofd", file.Content.Headers.ContentType?.MediaType);
        using var zip = new ZipArchive(new MemoryStream(await file.Content.ReadAsByteArrayAsync()), ZipArchiveMode.Read);
        using var root = new StreamReader(zip.GetEntry("OFD.xml")!.Open(), Encoding.UTF8);
        Assert.Contains("http://www.ofdspec.org/2016", await root.ReadToEndAsync());
        return file;
    }

    [Fact]
    public async Task The_ofd_of_a_report_and_of_the_volume_is_served_under_the_pdf_routes_rules_and_goes_public_and_away_with_the_report()
    {
        await app.SubmitFixtureAsync(Year, Department);
        var report = await app.WaitForReportAsync(Year, Department, r => LocalHostFixture.VersionNotified(r, 1));
        var version = report.GetProperty("versions")[0];
        Assert.Equal(Routes.ReportOfd(Year, Department, 1), version.GetProperty("ofdUrl").GetString());

        // The department's own author and the district office get it; the file carries its Chinese name.
        foreach (var user in new[] { $"{Department}-author", LocalHostFixture.Office })
        {
            using var redirect = await app.ClientAs(user).GetAsync($"api/reports/{Year}/{Department}/ofd");
            using var file = await FollowToOfdAsync(redirect);
            Assert.Equal(FileName, file.Content.Headers.ContentDisposition!.FileNameStar);
        }
        using (var named = await app.ClientAs(LocalHostFixture.Office).GetAsync($"api/reports/{Year}/{Department}/ofd?version=1"))
            (await FollowToOfdAsync(named)).Dispose();

        // Another department's author, an anonymous caller, an unknown version, a bad version: refused as the PDF route refuses.
        using (var other = await app.ClientAs("kgj-author").GetAsync($"api/reports/{Year}/{Department}/ofd"))
            await BadInputTests.AssertProblemAsync(other, HttpStatusCode.Forbidden, "another department's author");
        using (var anonymous = await app.Anonymous.GetAsync($"api/reports/{Year}/{Department}/ofd"))
            await BadInputTests.AssertProblemAsync(anonymous, HttpStatusCode.Unauthorized, "anonymous");
        using (var unknown = await app.ClientAs(LocalHostFixture.Office).GetAsync($"api/reports/{Year}/{Department}/ofd?version=9"))
            await BadInputTests.AssertProblemAsync(unknown, HttpStatusCode.NotFound, "version 9");
        using (var bad = await app.ClientAs(LocalHostFixture.Office).GetAsync($"api/reports/{Year}/{Department}/ofd?version=x"))
            await BadInputTests.AssertProblemAsync(bad, HttpStatusCode.BadRequest, "version x");

        // The volume: the district office's, like its PDF.
        Assert.Equal("done", (await app.RunYearEndAsync(Year)).GetProperty("state").GetString());
        var year = JsonDocument.Parse(await app.ClientAs(LocalHostFixture.Office).GetStringAsync($"api/reports/{Year}")).RootElement;
        Assert.Equal(Routes.VolumeOfd(Year, 1), year.GetProperty("volume").GetProperty("ofdUrl").GetString());
        using (var volume = await app.ClientAs(LocalHostFixture.Office).GetAsync($"api/reports/{Year}/volume/ofd"))
        using (var file = await FollowToOfdAsync(volume))
            Assert.Equal($"魏都区{Year}年度法治政府建设情况报告汇编（第1版）.ofd", file.Content.Headers.ContentDisposition!.FileNameStar);
        using (var byAuthor = await app.ClientAs($"{Department}-author").GetAsync($"api/reports/{Year}/volume/ofd"))
            await BadInputTests.AssertProblemAsync(byAuthor, HttpStatusCode.Forbidden, "the volume for an author");
        using (var noVolume = await app.ClientAs(LocalHostFixture.Office).GetAsync($"api/reports/{Year}/volume/ofd?version=5"))
            await BadInputTests.AssertProblemAsync(noVolume, HttpStatusCode.NotFound, "volume version 5");

        // Published: the public page offers the OFD beside the PDF, anonymously readable; withdrawn: both gone.
        var site = (IPublicSite)app.Host.Services.GetService(typeof(IPublicSite))!;
        var publicOfd = new Uri(site.BaseAddress, $"{Year}/{Department}.ofd");
        using (var published = await app.ClientAs(LocalHostFixture.Office).PostAsync($"api/reports/{Year}/{Department}/publication",
            Json(new { confidentialityReviewed = true, comment = "经保密审查，同意公开。", version = 1 })))
            Assert.Equal(HttpStatusCode.Created, published.StatusCode);
        var page = await Plain.GetStringAsync(new Uri(site.BaseAddress, $"{Year}/{Department}.html"));
        Assert.Contains($"href=\"{Department}.ofd\"", page);
        Assert.Contains("下载 OFD 版（第 1 版）", page);
        Assert.Contains($"href=\"{Department}.ofd\"", await Plain.GetStringAsync(new Uri(site.BaseAddress, $"{Year}/index.html")));
        using (var ofd = await Plain.GetAsync(publicOfd))
        {
            Assert.Equal(("application/ofd", HttpStatusCode.OK), (ofd.Content.Headers.ContentType?.MediaType, ofd.StatusCode));
            using var zip = new ZipArchive(new MemoryStream(await ofd.Content.ReadAsByteArrayAsync()), ZipArchiveMode.Read);
            Assert.NotNull(zip.GetEntry("OFD.xml"));
        }
        using (var withdrawn = await app.ClientAs(LocalHostFixture.Office).PostAsync($"api/reports/{Year}/{Department}/publication/withdrawal",
            Json(new { reason = "需要删改" })))
            Assert.Equal(HttpStatusCode.OK, withdrawn.StatusCode);
        using (var gone = await Plain.GetAsync(publicOfd))
            Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);

        // A PDF stored before OFDs were written has no twin: the route says so in Chinese, the PDF route still answers.
        await app.Storage.Blobs.GetBlobContainerClient(app.Storage.Options.ReportsContainer)
            .DeleteBlobAsync($"{Year}/{Department}/{Year}-{Department}-v1.ofd");
        using (var none = await app.ClientAs(LocalHostFixture.Office).GetAsync($"api/reports/{Year}/{Department}/ofd"))
        {
            await BadInputTests.AssertProblemAsync(none, HttpStatusCode.NotFound, "a version without an OFD");
            Assert.Contains("没有 OFD 文件", await none.Content.ReadAsStringAsync());
        }
        using (var pdf = await app.ClientAs(LocalHostFixture.Office).GetAsync($"api/reports/{Year}/{Department}/pdf"))
            Assert.Equal(HttpStatusCode.Found, pdf.StatusCode);
    }

    [Fact]
    public async Task The_department_page_has_a_download_ofd_button_beside_each_pdf_at_both_widths()
    {
        const string department = "yjglj";
        await app.SubmitFixtureAsync(Year, department);
        await app.WaitForReportAsync(Year, department, r => LocalHostFixture.VersionNotified(r, 1));

        await using var chromium = await app.Chromium.LeaseAsync();
        var browser = chromium.Browser;
        var path = Routes.DepartmentPage(Year, department).TrimStart('/');
        var page = await BrowserPages.SignedInAsync(app, browser, $"{department}-author", path, 1280);
        var row = page.Locator("table.pdfs tbody tr").First;
        Assert.Equal(Routes.ReportPdf(Year, department, 1), await row.GetByRole(AriaRole.Link, new() { Name = "下载第 1 版 PDF" }).GetAttributeAsync("href"));
        var ofd = row.GetByRole(AriaRole.Link, new() { Name = "下载 OFD（第 1 版）" });
        Assert.Equal(Routes.ReportOfd(Year, department, 1), await ofd.GetAttributeAsync("href"));
        Assert.Equal("下载 OFD", (await ofd.InnerTextAsync()).Trim());
        await BrowserPages.CheckAsync(page, "department-ofd-1280");

        // The button asks the API (which checks the reader) and follows its redirect to the stored OFD.
        var download = await page.RunAndWaitForDownloadAsync(() => ofd.ClickAsync());
        Assert.Equal($"魏都区应急管理局{Year}年法治政府建设情况的报告（第1版）.ofd", download.SuggestedFilename);
        using (var zip = new ZipArchive(File.OpenRead(await download.PathAsync()), ZipArchiveMode.Read))
            Assert.NotNull(zip.GetEntry("OFD.xml"));

        await page.SetViewportSizeAsync(390, 900);
        await page.ReloadAsync();
        await BrowserPages.CheckAsync(page, "department-ofd-390");
    }

    private static StringContent Json(object body) => new(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json");
}
