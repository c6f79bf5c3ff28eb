using Microsoft.Playwright;
using Reporting.Functions.Http;
using Xunit;

namespace Reporting.EndToEnd.Tests;

/// <summary>
/// The upload limit on 提交报告草稿, in Debian's Chromium at 390 px: the form names it, and a file over it is refused in the
/// page before anything is sent (the server would refuse it only after reading it all).
/// </summary>
[Collection(LocalHostCollection.Name)]
public sealed class UploadLimitBrowserTests(LocalHostFixture app)
{
    private Routes Routes => (Routes)app.Host.Services.GetService(typeof(Routes))!;

    [Fact]
    public async Task A_file_over_the_limit_is_named_and_refused_before_it_is_uploaded()
    {
        await using var chromium = await app.Chromium.LeaseAsync();
        var page = await BrowserPages.SignedInAsync(app, chromium.Browser, "tjj-author", Routes.Form(2018, "tjj", "duty").TrimStart('/'), 390);
        Assert.Contains("文件不超过 16 MB", await page.InnerTextAsync("label[for=file]"));
        var posts = 0;
        page.Request += (_, request) => { if (request.Method == "POST") Interlocked.Increment(ref posts); };

        await page.SetInputFilesAsync("#file", new FilePayload
        {
            Name = "扫描件很大.docx",
            MimeType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            Buffer = new byte[17 * 1024 * 1024],
        });
        await Assertions.Expect(page.Locator("#both")).ToContainTextAsync("超过 16 MB 上限，无法上传");
        await page.ClickAsync("button[type=submit]");
        await Assertions.Expect(page.Locator("#result")).ToContainTextAsync("未提交：所选文件超过 16 MB 上限");
        Assert.Equal(0, posts);
        Assert.True(await page.IsEnabledAsync("button[type=submit]"));
        await BrowserPages.CheckAsync(page, "form-file-too-large-390");
        await page.SetViewportSizeAsync(1280, 900);
        await BrowserPages.CheckAsync(page, "form-file-too-large-1280");
    }
}
