using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Azure.Data.Tables;
using Reporting.Azure.Storage;
using Reporting.TestSupport;
using Xunit;

namespace Reporting.EndToEnd.Tests;

/// <summary>
/// 核验 PDF over HTTP, without signing in (教育局 2016 only): the stored PDF is found with whose it is, its version and
/// whether it is the newest and public; one changed byte finds nothing; a non-PDF, an empty or a 21 MB file is refused;
/// no request of this kind writes anything to any table, and nothing of an uploaded file reaches the host's log.
/// </summary>
[Collection(LocalHostCollection.Name)]
public sealed class VerifyTests(LocalHostFixture app)
{
    private const int Year = 2016;
    private const string Department = "jyj"; // AuditTrailTests has 科工局 2016
    private const string Comment = "经区法治办保密审查，不涉及国家秘密，同意公开。";

    /// <summary>The development certificate's common name and organisation, as the page and the JSON name the signer.</summary>
    private const string Signer = "魏都区法治政府建设报告系统（测试），魏都区（测试）";

    /// <summary>Plain anonymous HTTP: the PDF link a signed-in reader is sent to, and the public site.</summary>
    private static readonly HttpClient Plain = new(new SocketsHttpHandler { AllowAutoRedirect = false }) { Timeout = TimeSpan.FromSeconds(60) };

    [Fact]
    public async Task A_stored_pdf_is_found_with_its_department_year_version_and_whether_it_is_the_newest_and_public()
    {
        var first = await StoredPdfAsync(1);

        var found = await VerifyJsonAsync(first);
        Assert.True(found.GetProperty("found").GetBoolean());
        Assert.Equal(Sha256(first), found.GetProperty("sha256").GetString());
        Assert.Equal(("report", Year, Department, "魏都区教育局", 1), (found.GetProperty("kind").GetString(), found.GetProperty("year").GetInt32(),
            found.GetProperty("department").GetString(), found.GetProperty("organisation").GetString(), found.GetProperty("version").GetInt32()));
        Assert.True(found.GetProperty("newest").GetBoolean());
        Assert.False(found.GetProperty("published").GetBoolean());
        Assert.True(found.GetProperty("madeAt").GetDateTimeOffset() > DateTimeOffset.UtcNow.AddHours(-1));
        // Who signed it and when, read from the file's own signature (the local host signs with the development certificate).
        Assert.Equal(Signer, found.GetProperty("signer").GetString());
        var signedAt = found.GetProperty("signedAt").GetDateTimeOffset();
        Assert.InRange(signedAt, DateTimeOffset.UtcNow.AddHours(-1), found.GetProperty("madeAt").GetDateTimeOffset().AddSeconds(1));

        // The page a person reads: the same facts in Chinese.
        using (var page = await PostFileAsync(first, json: false))
        {
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            var html = await page.Content.ReadAsStringAsync();
            foreach (var text in new[] { "一致：这是本系统存档的原件", "魏都区教育局", $"{Year} 年度", "第 1 版", "是，这是最新版本", "否，尚未公开发布", Sha256(first),
                "<dt>签名人</dt><dd>" + Signer + "</dd>", "<dt>签名时间</dt>" })
                Assert.Contains(text, html);
        }

        // A newer version made from a changed part: the first is still found, no longer the newest; publishing it shows.
        var duty = await app.SubmitOkAsync(Year, Department, "duty", FixtureReport.Parts["duty"] + "\n本年度另有补充说明。");
        await app.ApproveOkAsync(Year, Department, "duty", duty);
        var second = await StoredPdfAsync(2);
        using (var published = await app.ClientAs(LocalHostFixture.Office).PostAsync($"api/reports/{Year}/{Department}/publication",
            Json(new { confidentialityReviewed = true, comment = Comment, version = 2 })))
            Assert.True(published.IsSuccessStatusCode, $"publish: {(int)published.StatusCode} {await published.Content.ReadAsStringAsync()}");

        var older = await VerifyJsonAsync(first);
        Assert.Equal((1, false, 2, false), (older.GetProperty("version").GetInt32(), older.GetProperty("newest").GetBoolean(),
            older.GetProperty("newestVersion").GetInt32(), older.GetProperty("published").GetBoolean()));
        var newer = await VerifyJsonAsync(second);
        Assert.Equal((2, true, true),
            (newer.GetProperty("version").GetInt32(), newer.GetProperty("newest").GetBoolean(), newer.GetProperty("published").GetBoolean()));

        // The public report page names the public PDF's SHA-256 and links to this page.
        var site = (Reporting.Core.Publication.IPublicSite)app.Host.Services.GetService(typeof(Reporting.Core.Publication.IPublicSite))!;
        var publicPage = await Plain.GetStringAsync(new Uri(site.BaseAddress, $"{Year}/{Department}.html"));
        Assert.Contains(Sha256(second), publicPage);
        Assert.Contains($"href=\"{new Uri(app.Host.BaseAddress, "api/verify")}\"", publicPage);
        var publicPdf = await Plain.GetByteArrayAsync(new Uri(site.BaseAddress, $"{Year}/{Department}.pdf"));
        Assert.True((await VerifyJsonAsync(publicPdf)).GetProperty("published").GetBoolean(), "the public copy verifies as the published version");
    }

    [Fact]
    public async Task The_same_pdf_with_one_byte_changed_is_not_found()
    {
        var changed = (await StoredPdfAsync(1)).ToArray();
        changed[changed.Length / 2] ^= 0x01;

        var answer = await VerifyJsonAsync(changed);
        Assert.False(answer.GetProperty("found").GetBoolean());
        Assert.Equal("未找到一致的存档版本", answer.GetProperty("message").GetString());
        Assert.Equal(Sha256(changed), answer.GetProperty("sha256").GetString());
        using var page = await PostFileAsync(changed, json: false);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("未找到一致的存档版本", await page.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("not a pdf", "PDF")]
    [InlineData("", "空")]
    [InlineData("%PD", "PDF")]
    public async Task A_file_that_is_no_pdf_is_refused_with_400_as_problem_json_and_as_a_page(string content, string reason)
    {
        var bytes = Encoding.UTF8.GetBytes(content);
        using (var json = await PostFileAsync(bytes, json: true))
        {
            var problem = await BadInputTests.AssertProblemAsync(json, HttpStatusCode.BadRequest, content);
            Assert.Contains(reason, problem.GetProperty("errors").GetProperty("file")[0].GetString());
        }
        using var page = await PostFileAsync(bytes, json: false);
        Assert.Equal(HttpStatusCode.BadRequest, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.Contains(reason, await page.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task An_upload_without_the_file_field_or_not_multipart_is_refused()
    {
        using var noFile = new MultipartFormDataContent { { new StringContent("x"), "other" } };
        using (var response = await Send(noFile, json: true))
            await BadInputTests.AssertProblemAsync(response, HttpStatusCode.BadRequest, "no file field");
        using (var response = await Send(new ByteArrayContent("%PDF-1.7"u8.ToArray()) { Headers = { ContentType = new("application/pdf") } }, json: true))
            await BadInputTests.AssertProblemAsync(response, HttpStatusCode.UnsupportedMediaType, "a bare PDF body");
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_21_MB_file_is_refused_with_413_declared_or_streamed(bool declareLength)
    {
        const string boundary = "verify-boundary-21mb";
        var head = Encoding.ASCII.GetBytes(
            $"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.pdf\"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.7\n");
        var tail = Encoding.ASCII.GetBytes($"\r\n--{boundary}--\r\n");
        const long size = 21L * 1024 * 1024;
        var body = new RawBody($"multipart/form-data; boundary={boundary}", declareLength ? head.Length + size + tail.Length : null, async stream =>
        {
            await stream.WriteAsync(head);
            var block = new byte[64 * 1024];
            for (long sent = 0; sent < size; sent += block.Length) await stream.WriteAsync(block);
            await stream.WriteAsync(tail);
        });
        using var json = new HttpClient { BaseAddress = app.Host.BaseAddress };
        json.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));

        using var response = await RawHttp.PostAsync(json, "api/verify", body);

        var problem = await BadInputTests.AssertProblemAsync(response, HttpStatusCode.RequestEntityTooLarge, "21 MB");
        Assert.Contains("20 MB", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Anyone_opens_the_page_without_signing_in()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "api/verify");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/html"));
        using var response = await app.Anonymous.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("<html lang=\"zh-CN\">", html);
        Assert.Contains("enctype=\"multipart/form-data\"", html);
        Assert.Contains("name=\"file\"", html);
        Assert.DoesNotContain("sign-in", html);
    }

    [Fact]
    public async Task Refused_and_not_found_requests_write_nothing_to_any_table_and_nothing_of_the_file_to_the_log()
    {
        await StoredPdfAsync(1);
        var marker = "verify-marker-" + Guid.NewGuid().ToString("N");
        var notFound = Encoding.ASCII.GetBytes($"%PDF-1.7\n% {marker}\n%%EOF\n");
        await app.WaitForQueuesToDrainAsync();
        var before = await StableTablesAsync();

        using (var response = await PostFileAsync(notFound, json: true))
            Assert.False(JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("found").GetBoolean());
        using (var response = await PostFileAsync(notFound, json: false))
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using (var response = await PostFileAsync(Encoding.ASCII.GetBytes(marker), json: true))
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using (var response = await PostFileAsync([], json: false))
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);

        Assert.Equal(before, await TablesAsync());
        Assert.DoesNotContain(marker, HostLogText());
        Assert.DoesNotContain(Sha256(notFound), HostLogText());
    }

    [Fact]
    public async Task A_person_checks_a_pdf_on_the_page_at_1280_and_390_px()
    {
        var pdf = await StoredPdfAsync(1);
        var file = Path.Combine(Path.GetTempPath(), $"verify-{Guid.NewGuid():N}.pdf");
        await File.WriteAllBytesAsync(file, pdf);
        try
        {
            await using var chromium = await app.Chromium.LeaseAsync();
            var browser = chromium.Browser;
            foreach (var width in new[] { 1280, 390 })
            {
                var page = await BrowserPages.NewPageAsync(browser, width);
                await page.GotoAsync(new Uri(app.Host.BaseAddress, "api/verify").ToString());
                Assert.Equal("核验 PDF 文件", await page.InnerTextAsync("h1"));
                await BrowserPages.CheckAsync(page, $"verify-form-{width}");

                await page.SetInputFilesAsync("#file", file);
                await page.ClickAsync("button[type=submit]");
                await page.WaitForSelectorAsync("#outcome");
                Assert.Equal("一致：这是本系统存档的原件", await page.InnerTextAsync("#outcome"));
                Assert.Contains("魏都区教育局", await page.InnerTextAsync("dl.facts"));
                await BrowserPages.CheckAsync(page, $"verify-found-{width}", ".uid");
            }
        }
        finally
        {
            File.Delete(file);
        }
    }

    /// <summary>PDF <paramref name="version"/> of 教育局's report for the year, assembled on first use, as a signed-in reader downloads it.</summary>
    private async Task<byte[]> StoredPdfAsync(int version)
    {
        var report = await app.GetReportAsync(Year, Department);
        if (version == 1 && report.GetProperty("versions").GetArrayLength() == 0) await app.SubmitFixtureAsync(Year, Department);
        await app.WaitForReportAsync(Year, Department, r => r.GetProperty("versions").EnumerateArray()
            .Any(v => v.GetProperty("version").GetInt32() == version && v.GetProperty("status").GetString() == "assembled"));
        using var link = await app.ClientAs(LocalHostFixture.Office).GetAsync($"api/reports/{Year}/{Department}/pdf?version={version}");
        Assert.Equal(HttpStatusCode.Found, link.StatusCode);
        return await Plain.GetByteArrayAsync(link.Headers.Location);
    }

    private async Task<JsonElement> VerifyJsonAsync(byte[] file)
    {
        using var response = await PostFileAsync(file, json: true);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"verify: {(int)response.StatusCode} {text}");
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>Uploads <paramref name="file"/> as the form does (field file), anonymously; asking for JSON or, as a browser, for HTML.</summary>
    private Task<HttpResponseMessage> PostFileAsync(byte[] file, bool json)
    {
        var content = new MultipartFormDataContent();
        var part = new ByteArrayContent(file);
        part.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        content.Add(part, "file", "report.pdf");
        return Send(content, json);
    }

    private async Task<HttpResponseMessage> Send(HttpContent content, bool json)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/verify") { Content = content };
        request.Headers.Accept.Clear();
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(json ? "application/json" : "text/html"));
        return await app.Anonymous.SendAsync(request);
    }

    private static StringContent Json(object body) => new(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json");

    private static string Sha256(byte[] bytes) => Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes));

    /// <summary>Every row of every table, with its ETag, once background work (notices, sweeps) has stopped changing them.</summary>
    private async Task<List<string>> StableTablesAsync()
    {
        List<string> previous = [], current = [];
        await Eventually.HoldsAsync(async () =>
        {
            previous = current;
            current = await TablesAsync();
            return previous.SequenceEqual(current);
        }, TimeSpan.FromSeconds(60), () => "the tables kept changing while nothing was asked of the host");
        return current;
    }

    /// <summary>
    /// Every row of every table but the timers' own run record, which the host's timers touch on their schedule whatever is asked
    /// of it (the health endpoint reads it), so a comparison across a request would catch a timer instead of the request.
    /// </summary>
    private async Task<List<string>> TablesAsync()
    {
        var rows = new List<string>();
        await foreach (var table in app.Storage.Tables.QueryAsync(t => t.Name != new StorageOptions().TimerRunsTable))
            await foreach (var row in app.Storage.Table(table.Name).QueryAsync<TableEntity>(select: ["PartitionKey", "RowKey"]))
                rows.Add($"{table.Name}:{row.PartitionKey}/{row.RowKey}@{row.ETag}");
        rows.Sort(StringComparer.Ordinal);
        return rows;
    }

    /// <summary>All the host has logged so far (the file is still being written).</summary>
    private string HostLogText()
    {
        using var file = new FileStream(app.HostLog.Path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        return new StreamReader(file).ReadToEnd();
    }
}
