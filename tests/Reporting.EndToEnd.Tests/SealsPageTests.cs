using System.Net;
using System.Net.Http.Headers;
using Microsoft.Playwright;
using Reporting.TestSupport;
using Xunit;

namespace Reporting.EndToEnd.Tests;

/// <summary>
/// 印章管理 in Debian's Chromium: every organisation with its current seal, an upload through the page, a refused image
/// shown with its reason, other roles refused; screenshots at 1280 and 390 px. Its organisations (西大街、东大街街道, 文化广电
/// 和旅游局) are no other test's.
/// </summary>
[Collection(LocalHostCollection.Name)]
public sealed class SealsPageTests(LocalHostFixture app)
{
    private const string Admin = "office-admin";

    private static string TempPng(byte[] png)
    {
        var path = Path.Combine(Path.GetTempPath(), $"seal-{Guid.NewGuid():N}.png");
        File.WriteAllBytes(path, png);
        return path;
    }

    private static Task<IResponse> UploadAsync(IPage page, string organisation, string file) =>
        page.RunAndWaitForResponseAsync(async () =>
        {
            await page.GetByLabel($"{organisation}的印章图片（PNG）").SetInputFilesAsync(file);
            await page.GetByRole(AriaRole.Button, new() { Name = $"上传{organisation}的印章" }).ClickAsync();
        }, r => r.Request.Method == "POST" && r.Url.Contains("/admin/seals"));

    [Fact]
    public async Task An_administrator_sees_every_organisation_uploads_a_seal_and_reads_why_an_image_is_refused()
    {
        await using var chromium = await app.Chromium.LeaseAsync();
        var browser = chromium.Browser;
        var page = await BrowserPages.SignedInAsync(app, browser, Admin, "api/admin/seals", 1280);

        Assert.Equal(["我的待办", "本部门报告", "全区总览", "成员管理", "印章管理"], await page.Locator("nav a").AllInnerTextsAsync());
        var names = await page.Locator("tbody th").AllInnerTextsAsync();
        Assert.StartsWith("魏都区法治政府建设领导小组办公室", names[0]);
        Assert.Equal(25, names.Count);
        Assert.Contains("魏都区西大街街道办事处", names);
        // Locally an organisation without an upload seals with its development seal, and the page says so.
        Assert.Contains("开发印章", await page.InnerTextAsync("tr:has(th:text-is('魏都区西大街街道办事处')) td"));

        var seal = TempPng(TestPng.RedSeal(160));
        var uploaded = await UploadAsync(page, "魏都区西大街街道办事处", seal);
        Assert.Equal(303, uploaded.Status);
        await BrowserPages.ArrivedAsync(page, BrowserPages.EndsWith("/api/admin/seals?uploaded=xdj-jd"));
        Assert.Equal("已保存魏都区西大街街道办事处的新印章。", await page.InnerTextAsync("[role=status]"));
        var row = page.Locator("tr:has(th:text-is('魏都区西大街街道办事处'))");
        Assert.Equal(["第 1 版", "区法治办管理员"], [await row.Locator("td[data-label=版本]").InnerTextAsync(), await row.Locator("td[data-label=上传人]").InnerTextAsync()]);
        Assert.Matches(@"\d{4}-\d{2}-\d{2} \d{2}:\d{2}（北京时间）", await row.Locator("td[data-label=上传时间]").InnerTextAsync());
        // The thumbnail loads: the image route answers the browser's img with the PNG the page's policy allows.
        var thumbnail = row.Locator("img");
        Assert.Equal("魏都区西大街街道办事处印章，第 1 版", await thumbnail.GetAttributeAsync("alt"));
        Assert.Equal(160, await thumbnail.EvaluateAsync<int>(
            "img => img.complete ? img.naturalWidth : new Promise(r => img.onload = () => r(img.naturalWidth))"));
        Assert.Equal(["seals/xdj-jd/v1.png"], await app.ListBlobsAsync("seals/xdj-jd/"));
        await BrowserPages.CheckAsync(page, "seals-admin-1280");

        // The same file again: nothing new, and the page says so.
        Assert.Equal(303, (await UploadAsync(page, "魏都区西大街街道办事处", seal)).Status);
        await BrowserPages.ArrivedAsync(page, BrowserPages.EndsWith("/api/admin/seals?unchanged=xdj-jd"));
        Assert.Contains("未保存新版本", await page.InnerTextAsync("[role=status]"));
        Assert.Single(await app.ListBlobsAsync("seals/xdj-jd/"));

        // A blue stamp: the page again with the reason, under the API's status; nothing stored.
        var narrow = await BrowserPages.SignedInAsync(app, browser, Admin, "api/admin/seals", 390);
        var blue = TempPng(SealsApiTests.BlueStamp());
        var refused = await UploadAsync(narrow, "魏都区东大街街道办事处", blue);
        Assert.Equal(400, refused.Status);
        Assert.Contains("印迹须以红色为主", await narrow.InnerTextAsync("[role=alert]"));
        Assert.Empty(await app.ListBlobsAsync("seals/ddj-jd/"));
        await BrowserPages.CheckAsync(narrow, "seals-admin-refused-390");

        await narrow.GotoAsync(new Uri(app.Host.BaseAddress, "api/admin/seals").ToString());
        await BrowserPages.CheckAsync(narrow, "seals-admin-390");
        File.Delete(seal);
        File.Delete(blue);
    }

    [Fact]
    public async Task Other_roles_get_a_403_page_and_a_cross_site_or_staff_post_stores_nothing()
    {
        await using var chromium = await app.Chromium.LeaseAsync();
        var browser = chromium.Browser;
        foreach (var user in new[] { LocalHostFixture.Office, "kgj-author" })
        {
            var page = await BrowserPages.NewPageAsync(browser, 1280);
            await BrowserPages.SignInAsync(app, page, user);
            var response = await page.GotoAsync(new Uri(app.Host.BaseAddress, "api/admin/seals").ToString());
            Assert.Equal(403, response!.Status);
            Assert.Contains("只有区法治办管理员可以管理印章", await page.InnerTextAsync("main"));
            Assert.DoesNotContain("印章管理", await page.InnerTextAsync("nav"));
        }

        using (var staff = await app.ClientAs(LocalHostFixture.Office).PostAsync("api/admin/seals?organisation=wgltj", Upload()))
            Assert.Equal(HttpStatusCode.Forbidden, staff.StatusCode);
        var crossSite = new HttpRequestMessage(HttpMethod.Post, "api/admin/seals?organisation=wgltj") { Content = Upload() };
        crossSite.Headers.Add("Sec-Fetch-Site", "cross-site");
        using (var forged = await app.ClientAs(Admin).SendAsync(crossSite))
            Assert.Equal(HttpStatusCode.Forbidden, forged.StatusCode);
        var otherOrigin = new HttpRequestMessage(HttpMethod.Post, "api/admin/seals?organisation=wgltj") { Content = Upload() };
        otherOrigin.Headers.Add("Origin", "https://evil.example");
        using (var forged = await app.ClientAs(Admin).SendAsync(otherOrigin))
            Assert.Equal(HttpStatusCode.Forbidden, forged.StatusCode);
        Assert.Empty(await app.ListBlobsAsync("seals/wgltj/"));

        // The page's own post, as a program sends it: 303 back to the page, the seal stored.
        using var own = await app.ClientAs(Admin).PostAsync("api/admin/seals?organisation=wgltj", Upload());
        Assert.Equal(HttpStatusCode.SeeOther, own.StatusCode);
        Assert.Equal("/api/admin/seals?uploaded=wgltj", own.Headers.Location!.OriginalString);
        Assert.Equal(["seals/wgltj/v1.png"], await app.ListBlobsAsync("seals/wgltj/"));
    }

    private static MultipartFormDataContent Upload()
    {
        var file = new ByteArrayContent(TestPng.RedSeal(150));
        file.Headers.ContentType = new MediaTypeHeaderValue("image/png");
        return new MultipartFormDataContent { { file, "file", "seal.png" } };
    }
}
