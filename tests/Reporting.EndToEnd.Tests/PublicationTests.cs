using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Xunit;

namespace Reporting.EndToEnd.Tests;

/// <summary>
/// Publication to the public site (year 2021 only): the district office publishes after the confidentiality review, the
/// public copy is read from Azurite's public container by a browser that never signed in, the private PDFs stay private,
/// and a withdrawal removes the public files while the record stays.
/// </summary>
[Collection(LocalHostCollection.Name)]
public sealed class PublicationTests(LocalHostFixture app)
{
    private const int Year = 2021;
    private const string Comment = "经区法治办王某保密审查，不涉及国家秘密，同意公开。";

    /// <summary>Plain anonymous HTTP, as a citizen's browser or a mirroring website would fetch the public files.</summary>
    private static readonly HttpClient Public = new(new SocketsHttpHandler { AllowAutoRedirect = false }) { Timeout = TimeSpan.FromSeconds(30) };

    private Task<HttpResponseMessage> PublishAsync(string department, string asUser, object body) =>
        app.ClientAs(asUser).PostAsync($"api/reports/{Year}/{department}/publication", Json(body));

    private static StringContent Json(object body) => new(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json");

    private async Task<JsonElement> AssembledAsync(string department)
    {
        await app.SubmitFixtureAsync(Year, department);
        return await app.WaitForReportAsync(Year, department, r => r.GetProperty("status").GetString() == "assembled");
    }

    [Fact]
    public async Task Only_the_office_publishes_after_confirming_the_review_and_the_public_copy_is_read_without_signing_in_until_withdrawn()
    {
        var report = await AssembledAsync("kgj");
        var pdfBlob = app.Storage.Blobs.GetBlobContainerClient(app.Storage.Options.ReportsContainer).GetBlobClient($"{Year}/kgj/{Year}-kgj-v1.pdf");
        Assert.True((await pdfBlob.ExistsAsync()).Value);
        var publicSite = (Reporting.Core.Publication.IPublicSite)app.Host.Services.GetService(typeof(Reporting.Core.Publication.IPublicSite))!;
        var publicHtml = new Uri(publicSite.BaseAddress, $"{Year}/kgj.html");

        // Before publishing: the private PDF cannot be fetched anonymously, and nothing is in the public container.
        using (var privatePdf = await Public.GetAsync(pdfBlob.Uri))
            Assert.True(privatePdf.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound, $"private PDF answered {(int)privatePdf.StatusCode}");
        using (var notYet = await Public.GetAsync(publicHtml))
            Assert.Equal(HttpStatusCode.NotFound, notYet.StatusCode);

        // Refusals, each a zh-CN problem+json, none storing anything.
        foreach (var (user, body, status) in new (string, object, HttpStatusCode)[]
        {
            ("kgj-author", new { confidentialityReviewed = true, comment = Comment, version = 1 }, HttpStatusCode.Forbidden),
            ("kgj-approver", new { confidentialityReviewed = true, comment = Comment, version = 1 }, HttpStatusCode.Forbidden),
            (LocalHostFixture.Office, new { confidentialityReviewed = false, comment = Comment, version = 1 }, HttpStatusCode.BadRequest),
            (LocalHostFixture.Office, new { confidentialityReviewed = true, comment = "", version = 1 }, HttpStatusCode.BadRequest),
            (LocalHostFixture.Office, new { confidentialityReviewed = "true", comment = Comment, version = 1 }, HttpStatusCode.BadRequest),
            (LocalHostFixture.Office, new { confidentialityReviewed = true, comment = Comment }, HttpStatusCode.BadRequest),
            (LocalHostFixture.Office, new { confidentialityReviewed = true, comment = Comment, version = 2 }, HttpStatusCode.Conflict),
        })
        {
            using var refused = await PublishAsync("kgj", user, body);
            var text = await refused.Content.ReadAsStringAsync();
            Assert.True(refused.StatusCode == status, $"{user}: {(int)refused.StatusCode} {text}");
            Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
            Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", JsonDocument.Parse(text).RootElement.GetProperty("detail").GetString()!);
        }
        var publishV1 = Json(new { confidentialityReviewed = true, comment = Comment, version = 1 });
        using (var anonymous = await app.Anonymous.PostAsync($"api/reports/{Year}/kgj/publication", publishV1))
            Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        using (var notAssembled = await PublishAsync("jyj", LocalHostFixture.Office, new { confidentialityReviewed = true, comment = Comment, version = 1 }))
            Assert.Equal(HttpStatusCode.Conflict, notAssembled.StatusCode);
        using (var notYet = await Public.GetAsync(publicHtml))
            Assert.Equal(HttpStatusCode.NotFound, notYet.StatusCode);

        using var published = await PublishAsync("kgj", LocalHostFixture.Office, new { confidentialityReviewed = true, comment = Comment, version = 1 });
        var answer = JsonDocument.Parse(await published.Content.ReadAsStringAsync()).RootElement.GetProperty("publication");
        Assert.Equal(HttpStatusCode.Created, published.StatusCode);
        Assert.Equal(publicHtml.AbsoluteUri, answer.GetProperty("htmlUrl").GetString());
        Assert.Equal(1, answer.GetProperty("version").GetInt32());

        // The public files, anonymously: the page, and the PDF byte for byte as stored privately.
        using (var html = await Public.GetAsync(publicHtml))
        {
            Assert.Equal(HttpStatusCode.OK, html.StatusCode);
            Assert.Equal("text/html", html.Content.Headers.ContentType?.MediaType);
        }
        var stored = (await pdfBlob.DownloadContentAsync()).Value.Content.ToArray();
        Assert.Equal(stored, await Public.GetByteArrayAsync(answer.GetProperty("pdfUrl").GetString()));
        // Once the year has a public report, 全区总览 offers 查看公开目录, and it leads to the year's index.
        var directoryLink = Assert.Single(await PublicLinksAsync(LocalHostFixture.Office, $"api/overview?year={Year}", publicSite.BaseAddress),
            l => l.EndsWith($"{Year}/index.html", StringComparison.Ordinal));
        Assert.Contains("查看公开目录", await PageAsync(LocalHostFixture.Office, $"api/overview?year={Year}"));
        Assert.Contains(report.GetProperty("departmentName").GetString()!, await PublicSiteFrameTests.ChineseHtmlAsync(new Uri(directoryLink)));

        await using var chromium = await app.Chromium.LeaseAsync();
        var browser = chromium.Browser;
        var name = report.GetProperty("departmentName").GetString()!;
        foreach (var width in new[] { 1280, 390 })
        {
            var page = await BrowserPages.NewPageAsync(browser, width);
            await page.GotoAsync(answer.GetProperty("yearIndexUrl").GetString()!);
            Assert.Contains(name, await page.InnerTextAsync("main"));
            Assert.Contains("发布日期", await page.InnerTextAsync("main"));
            await BrowserPages.CheckAsync(page, $"public-index-{width}");

            await page.ClickAsync($"a[aria-label='阅读全文（网页）：{name}']");
            await BrowserPages.ArrivedAsync(page, BrowserPages.Exactly(publicHtml.AbsoluteUri));
            Assert.Equal($"{name}{Year}年法治政府建设情况的报告", (await page.InnerTextAsync("h1")).Replace("\n", ""));
            Assert.Equal(["一、", "二、", "三、", "四、"], (await page.Locator("h2").AllInnerTextsAsync()).Select(h => h[..2]));
            Assert.True(await page.Locator("article p").CountAsync() > 10);
            Assert.Contains("发布日期", await page.InnerTextAsync(".meta"));
            Assert.Equal(0, await page.Locator("nav a[href*='sign-in'], form").CountAsync());
            await BrowserPages.CheckAsync(page, $"public-report-{width}");

            // What the static website shows for a path it does not have: Chinese, with the way back to the index.
            await page.GotoAsync(new Uri(publicHtml, "../404.html").AbsoluteUri);
            Assert.Contains("尚未公开，或已撤回", await page.InnerTextAsync("main"));
            await BrowserPages.CheckAsync(page, $"public-404-{width}");
        }

        // Withdrawal: the files and the index entry go, the record stays with both steps.
        using (var blank = await app.ClientAs(LocalHostFixture.Office).PostAsync($"api/reports/{Year}/kgj/publication/withdrawal", Json(new { reason = " " })))
            Assert.Equal(HttpStatusCode.BadRequest, blank.StatusCode);
        using (var byAuthor = await app.ClientAs("kgj-author").PostAsync($"api/reports/{Year}/kgj/publication/withdrawal", Json(new { reason = "有误" })))
            Assert.Equal(HttpStatusCode.Forbidden, byAuthor.StatusCode);
        using (var withdrawn = await app.ClientAs(LocalHostFixture.Office).PostAsync($"api/reports/{Year}/kgj/publication/withdrawal",
            Json(new { reason = "发现需要删改的内容" })))
            Assert.Equal(HttpStatusCode.OK, withdrawn.StatusCode);
        using (var gone = await Public.GetAsync(publicHtml))
            Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        using (var gonePdf = await Public.GetAsync(answer.GetProperty("pdfUrl").GetString()))
            Assert.Equal(HttpStatusCode.NotFound, gonePdf.StatusCode);
        Assert.DoesNotContain(name, await Public.GetStringAsync(answer.GetProperty("yearIndexUrl").GetString()));
        var record = (await app.GetReportAsync(Year, "kgj")).GetProperty("publication");
        Assert.Equal("withdrawn", record.GetProperty("status").GetString());
        Assert.Equal("发现需要删改的内容", record.GetProperty("reason").GetString());
        Assert.Equal(["published", "withdrawn"], record.GetProperty("history").EnumerateArray().Select(e => e.GetProperty("kind").GetString()));
        var trail = (await app.GetReportAsync(Year, "kgj")).GetProperty("audit").EnumerateArray().ToList();
        Assert.Contains(trail, e => e.GetProperty("action").GetString() == "report.published" && e.GetProperty("detail").GetString()!.Contains(Comment));
        Assert.Contains(trail, e => e.GetProperty("action").GetString() == "report.withdrawn");
        Assert.True((await pdfBlob.ExistsAsync()).Value, "the private PDF stays");

        // No page of the product links to the withdrawn report's public files, and every public link they still show answers a
        // page (never the storage service's XML).
        foreach (var (user, path) in new[]
        {
            (LocalHostFixture.Office, $"api/overview?year={Year}"),
            (LocalHostFixture.Office, $"api/publish?year={Year}&department=kgj"),
            ("kgj-author", $"api/department?year={Year}"),
        })
        {
            var links = await PublicLinksAsync(user, path, publicSite.BaseAddress);
            Assert.DoesNotContain(links, l => l.Contains($"{Year}/kgj.", StringComparison.Ordinal));
        }
    }

    /// <summary>The page at <paramref name="path"/> as <paramref name="user"/>'s browser gets it.</summary>
    private async Task<string> PageAsync(string user, string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("X-Dev-User", user);
        request.Headers.Add("Accept", "text/html");
        using var response = await app.Anonymous.SendAsync(request);
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {(int)response.StatusCode} {html}");
        return html;
    }

    /// <summary>The page's links into the public site, each followed anonymously: a page or a file, never the storage service's XML error.</summary>
    private async Task<List<string>> PublicLinksAsync(string user, string path, Uri site)
    {
        var links = System.Text.RegularExpressions.Regex.Matches(await PageAsync(user, path), "href=\"([^\"]+)\"")
            .Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)).Where(l => l.StartsWith(site.AbsoluteUri, StringComparison.Ordinal)).ToList();
        foreach (var link in links)
        {
            if (link.EndsWith(".html", StringComparison.Ordinal)) { await PublicSiteFrameTests.ChineseHtmlAsync(new Uri(link)); continue; }
            using var file = await Public.GetAsync(link);
            Assert.True(file.StatusCode == HttpStatusCode.OK, $"{path} links {link}: {(int)file.StatusCode}");
        }
        return links;
    }

    [Fact]
    public async Task The_office_publishes_from_the_overview_through_the_confirmation_form_and_the_department_sees_the_public_link()
    {
        var report = await AssembledAsync("sfj");
        var name = report.GetProperty("departmentName").GetString()!;
        // The form posted without the tick (a browser that ignores "required"): the form again, 400, the reason and the comment kept.
        using (var form = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false }) { BaseAddress = app.Host.BaseAddress })
        {
            form.DefaultRequestHeaders.Add("X-Dev-User", LocalHostFixture.Office);
            form.DefaultRequestHeaders.Add("Accept", "text/html");
            using var refused = await form.PostAsync($"api/reports/{Year}/sfj/publication",
                new FormUrlEncodedContent(new Dictionary<string, string> { ["comment"] = Comment, ["version"] = "1" }));
            var html = await refused.Content.ReadAsStringAsync();
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.Contains("未能完成：发布前须完成保密审查", html);
            Assert.Contains(Comment, html);
        }
        Assert.Equal("unpublished", (await app.GetReportAsync(Year, "sfj")).GetProperty("publication").GetProperty("status").GetString());

        await using var chromium = await app.Chromium.LeaseAsync();
        var browser = chromium.Browser;

        var overview = await BrowserPages.SignedInAsync(app, browser, LocalHostFixture.Office, $"api/overview?year={Year}", 1280);
        var text = await overview.InnerTextAsync("main");
        Assert.Contains("公开截止日期：2022年4月1日", text);
        Assert.Matches($"其中已生成 PDF、可以发布的 \\d 个：[^。]*{name}", text);
        await BrowserPages.CheckAsync(overview, "overview-publication-office-1280");

        await overview.ClickAsync($"a[aria-label='发布{name}的报告']");
        await BrowserPages.ArrivedAsync(overview, new Regex(@"/api/publish\?"));
        Assert.Contains("第 1 版 PDF", await overview.InnerTextAsync("main"));
        await BrowserPages.CheckAsync(overview, "publish-form-office-1280");

        await overview.CheckAsync("#reviewed");
        await overview.FillAsync("#comment", Comment);
        await overview.ClickAsync("form.review button[type=submit]");
        await BrowserPages.ArrivedAsync(overview, new Regex(@"/api/overview\?.*publication=published"));
        Assert.Contains($"已发布{name}的报告", await overview.InnerTextAsync("[role=status]"));
        Assert.Contains("已发布（", await overview.InnerTextAsync("td.pub >> nth=0") + await overview.InnerTextAsync("main"));

        var department = await BrowserPages.SignedInAsync(app, browser, "sfj-author", $"api/department?year={Year}", 390);
        Assert.Contains("向社会公开第 1 版", await department.InnerTextAsync("main"));
        var link = await department.GetAttributeAsync("a:text('网页版')", "href");
        using (var page = await Public.GetAsync(link))
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        await BrowserPages.CheckAsync(department, "department-publication-author-390");

        // 撤回 from the overview: the reason form, then back to the overview, the public page gone.
        await overview.ClickAsync($"a[aria-label='撤回{name}的报告']");
        await BrowserPages.ArrivedAsync(overview, new Regex(@"/api/publish\?.*action=withdraw"));
        await BrowserPages.CheckAsync(overview, "withdraw-form-office-1280");
        await overview.FillAsync("#reason", "需要删改部分内容");
        await overview.ClickAsync("form.review button[type=submit]");
        await BrowserPages.ArrivedAsync(overview, new Regex(@"/api/overview\?.*publication=withdrawn"));
        Assert.Contains($"已撤回{name}的报告", await overview.InnerTextAsync("[role=status]"));
        using (var gone = await Public.GetAsync(link))
            Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
    }

    /// <summary>One PDF version as the product stored it, in the private container.</summary>
    private global::Azure.Storage.Blobs.BlobClient StoredPdf(string department, int version) =>
        app.Storage.Blobs.GetBlobContainerClient(app.Storage.Options.ReportsContainer)
            .GetBlobClient($"{Year}/{department}/{Year}-{department}-v{version}.pdf");

    /// <summary>pdftotext of one stored PDF version of the report.</summary>
    private async Task<string> PdfTextAsync(string department, int version)
    {
        var blob = StoredPdf(department, version);
        var file = Path.Combine(Path.GetTempPath(), $"publication-{Guid.NewGuid():N}.pdf");
        try
        {
            await blob.DownloadToAsync(file);
            using var process = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("/usr/bin/pdftotext", ["-enc", "UTF-8", file, "-"])
            {
                RedirectStandardOutput = true,
                StandardOutputEncoding = Encoding.UTF8,
            })!;
            var text = await process.StandardOutput.ReadToEndAsync();
            await process.WaitForExitAsync();
            Assert.Equal(0, process.ExitCode);
            return text;
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task The_pdf_is_dated_the_final_approval_and_what_goes_public_is_the_version_reviewed_not_a_newer_one()
    {
        const string department = "mzj";
        var drafts = await app.SubmitFixtureAsync(Year, department, approve: false);
        var last = FixtureReport.RequiredSections[^1];
        foreach (var section in FixtureReport.RequiredSections.Where(s => s != last))
            await app.ApproveOkAsync(Year, department, section, drafts[section]);
        var approver = app.ClientAs(LocalHostFixture.ApproverOf(department));
        Task<HttpResponseMessage> ApproveDatedAsync(string date) => approver.PostAsync(
            $"api/reports/{Year}/{department}/sections/{last}/drafts/{drafts[last]}/approval", Json(new { decision = "approve", date }));
        foreach (var refusedDate in new[] { "2020-12-31", "2099-01-15", "2022-1-15", "15.01.2022" })
        {
            using var refused = await ApproveDatedAsync(refusedDate);
            var problem = await refused.Content.ReadAsStringAsync();
            Assert.True(refused.StatusCode == HttpStatusCode.BadRequest, $"{refusedDate}: {(int)refused.StatusCode} {problem}");
            Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", JsonDocument.Parse(problem).RootElement.GetProperty("detail").GetString()!);
        }
        using (var dated = await ApproveDatedAsync("2022-01-15"))
            Assert.True(dated.IsSuccessStatusCode, await dated.Content.ReadAsStringAsync());
        await app.WaitForReportAsync(Year, department, r => r.GetProperty("status").GetString() == "assembled");
        var beijingToday = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai"));
        var today = $"{beijingToday.Year}年{beijingToday.Month}月{beijingToday.Day}日";
        var first = await PdfTextAsync(department, 1);
        Assert.Contains("2022年1月15日", first);
        Assert.DoesNotContain(today, first);

        // The office opens 发布 on version 1; meanwhile the department approves a changed part and version 2 is made.
        using var form = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false }) { BaseAddress = app.Host.BaseAddress };
        form.DefaultRequestHeaders.Add("X-Dev-User", LocalHostFixture.Office);
        form.DefaultRequestHeaders.Add("Accept", "text/html");
        Assert.Contains("name=\"version\" value=\"1\"", await form.GetStringAsync($"api/publish?year={Year}&department={department}"));
        var changed = await app.SubmitOkAsync(Year, department, "duty", FixtureReport.Parts["duty"] + "\n另有一句尚未经保密审查的内容。");
        await app.ApproveOkAsync(Year, department, "duty", changed);
        await app.WaitForReportAsync(Year, department,
            r => r.GetProperty("versions").GetArrayLength() == 2 && r.GetProperty("status").GetString() == "assembled");

        // The form posted for version 1: refused, the page again showing version 2 to review, the comment kept, nothing public.
        using (var stale = await form.PostAsync($"api/reports/{Year}/{department}/publication", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["confidentialityReviewed"] = "true", ["comment"] = Comment, ["version"] = "1",
        })))
        {
            var html = await stale.Content.ReadAsStringAsync();
            Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
            Assert.Contains("保密审查的是第 1 版，此后已生成第 2 版 PDF", html);
            Assert.Contains("第 2 版 PDF", html);
            Assert.Contains("name=\"version\" value=\"2\"", html);
            Assert.Contains(Comment, html);
        }
        using (var stale = await PublishAsync(department, LocalHostFixture.Office, new { confidentialityReviewed = true, comment = Comment, version = 1 }))
        {
            Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
            Assert.Equal("application/problem+json", stale.Content.Headers.ContentType?.MediaType);
        }
        var site = (Reporting.Core.Publication.IPublicSite)app.Host.Services.GetService(typeof(Reporting.Core.Publication.IPublicSite))!;
        using (var notPublic = await Public.GetAsync(new Uri(site.BaseAddress, $"{Year}/{department}.pdf")))
            Assert.Equal(HttpStatusCode.NotFound, notPublic.StatusCode);

        // Version 2 reviewed and published: the public PDF is version 2's, the record keeps the version, the reviewer and the comment.
        using var published = await PublishAsync(department, LocalHostFixture.Office, new { confidentialityReviewed = true, comment = Comment, version = 2 });
        Assert.Equal(HttpStatusCode.Created, published.StatusCode);
        var step = (await app.GetReportAsync(Year, department)).GetProperty("publication").GetProperty("history")[0];
        Assert.Equal((2, "office", Comment),
            (step.GetProperty("version").GetInt32(), step.GetProperty("byId").GetString(), step.GetProperty("text").GetString()));
        var publicPdf = await Public.GetByteArrayAsync(new Uri(site.BaseAddress, $"{Year}/{department}.pdf"));
        Assert.Equal((await StoredPdf(department, 2).DownloadContentAsync()).Value.Content.ToArray(), publicPdf);
        // Version 2's round ended with the approval of the changed part, today, undated: its 成文日期 is today.
        Assert.Contains(today, await PdfTextAsync(department, 2));
    }
}
