using System.Net;
using Microsoft.Playwright;
using Reporting.Azure.Blobs;
using Reporting.Core.Publication;
using Xunit;

namespace Reporting.EndToEnd.Tests;

/// <summary>
/// The public site before its first publication (issue 21, "no raw storage pages"): a fresh storage account and a local host
/// of its own, so nothing was ever published. The start-up writes the root index and the 404 page; 全区总览 offers no
/// 查看公开目录 yet; a second start keeps an index that is already there.
/// </summary>
public sealed class PublicSiteFrameTests
{
    /// <summary>Plain anonymous HTTP, as a citizen's browser fetches the public files from Azurite's blob endpoint.</summary>
    private static readonly HttpClient Public = new(new SocketsHttpHandler { AllowAutoRedirect = false }) { Timeout = TimeSpan.FromSeconds(30) };

    [Fact]
    public async Task Before_the_first_publication_the_public_index_and_404_page_are_chinese_html_and_the_overview_offers_no_public_directory()
    {
        var env = new LocalHostFixture { LogName = $"{nameof(PublicSiteFrameTests)}.before-publication" };
        try
        {
            await env.InitializeAsync();
            var site = (IPublicSite)env.Host.Services.GetService(typeof(IPublicSite))!;
            var index = new Uri(site.BaseAddress, PublicPaths.Root);
            var notFound = new Uri(site.BaseAddress, PublicPaths.NotFound);

            var indexHtml = await ChineseHtmlAsync(index);
            Assert.Contains("尚无已公开的报告", indexHtml);
            var notFoundHtml = await ChineseHtmlAsync(notFound);
            Assert.Contains("报告可能尚未公开，或已撤回", notFoundHtml);
            Assert.Contains($"href=\"{index.AbsoluteUri}\"", notFoundHtml);

            // 全区总览 as the district office: the 向社会公开 part is there, 查看公开目录 is not, and no link leads to the public site.
            var overview = await OverviewHtmlAsync(env, DateTime.UtcNow.Year - 1);
            Assert.Contains("向社会公开", overview);
            Assert.DoesNotContain("查看公开目录", overview);
            Assert.DoesNotContain(site.BaseAddress.AbsoluteUri, overview);

            using var playwright = await Playwright.CreateAsync();
            await using var browser = await DebianChromium.LaunchAsync(playwright);
            foreach (var width in new[] { 1280, 390 })
            {
                var page = await BrowserPages.NewPageAsync(browser, width);
                await page.GotoAsync(index.AbsoluteUri);
                Assert.Equal("尚无已公开的报告。", await page.InnerTextAsync("main p"));
                await BrowserPages.CheckAsync(page, $"public-index-empty-{width}");
                await page.GotoAsync(notFound.AbsoluteUri);
                await page.ClickAsync("main a");
                await BrowserPages.ArrivedAsync(page, BrowserPages.Exactly(index.AbsoluteUri));
                Assert.Contains("尚无已公开的报告", await page.InnerTextAsync("main"));
            }

            // A start over a site that has its index keeps it (publication wrote it; the start-up never replaces it).
            var container = ((PublicationOptions)env.Host.Services.GetService(typeof(PublicationOptions))!).Container;
            var published = new BinaryData("<!doctype html><html lang=\"zh-CN\"><p>已发布的目录</p></html>");
            await env.Storage.Blobs.GetBlobContainerClient(container).GetBlobClient(PublicPaths.Root).UploadAsync(published,
                new global::Azure.Storage.Blobs.Models.BlobUploadOptions { HttpHeaders = new() { ContentType = "text/html; charset=utf-8" } });
            await env.StopHostAsync();
            await env.StartHostAsync();
            Assert.Contains("已发布的目录", await ChineseHtmlAsync(index));
            Assert.Contains("报告可能尚未公开，或已撤回", await ChineseHtmlAsync(notFound));
        }
        finally
        {
            await env.DisposeAsync();
        }
    }

    /// <summary>The file as a browser gets it: 200, HTML in zh-CN, never the storage service's XML error.</summary>
    internal static async Task<string> ChineseHtmlAsync(Uri url)
    {
        using var response = await Public.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {(int)response.StatusCode} {body}");
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<html lang=\"zh-CN\"", body);
        Assert.DoesNotContain("<?xml", body);
        return body;
    }

    private static async Task<string> OverviewHtmlAsync(LocalHostFixture env, int year)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"api/overview?year={year}");
        request.Headers.Add("X-Dev-User", LocalHostFixture.Office);
        request.Headers.Add("Accept", "text/html");
        using var response = await env.Anonymous.SendAsync(request);
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"overview: {(int)response.StatusCode} {html}");
        return html;
    }
}
