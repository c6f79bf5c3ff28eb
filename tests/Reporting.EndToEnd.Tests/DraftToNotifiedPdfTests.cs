using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.RegularExpressions;
using UglyToad.PdfPig;
using Xunit;

namespace Reporting.EndToEnd.Tests;

[Collection(LocalHostCollection.Name)]
public sealed class DraftToNotifiedPdfTests(LocalHostFixture app)
{
    [Fact]
    public async Task The_fixture_report_goes_from_drafts_to_a_notified_pdf_with_every_paragraph()
    {
        const int year = 2023;
        const string department = "kgj";
        var versions = new Dictionary<string, int>();
        foreach (var section in FixtureReport.RequiredSections)
            versions[section] = await app.SubmitOkAsync(year, department, section, FixtureReport.Parts[section]);

        JsonElement last = default;
        foreach (var section in FixtureReport.RequiredSections)
            last = await app.ApproveOkAsync(year, department, section, versions[section]);
        Assert.True(last.GetProperty("assemblyQueued").GetBoolean());
        Assert.Equal(1, last.GetProperty("pdfVersion").GetInt32());

        var report = await app.WaitForReportAsync(year, department, r => LocalHostFixture.VersionNotified(r, 1));
        Assert.Equal("assembled", report.GetProperty("status").GetString());
        var pdfVersion = report.GetProperty("versions")[0];
        Assert.True(pdfVersion.GetProperty("pageCount").GetInt32() >= 3);

        using var redirect = await app.Http.GetAsync($"api/reports/{year}/{department}/pdf");
        Assert.Equal(HttpStatusCode.Found, redirect.StatusCode);
        var link = redirect.Headers.Location!;
        Assert.Contains("sig=", link.Query);
        using var download = await new HttpClient().GetAsync(link);
        download.EnsureSuccessStatusCode();
        Assert.Equal("application/pdf", download.Content.Headers.ContentType?.MediaType);
        Assert.Contains("filename*=UTF-8''", download.Content.Headers.ContentDisposition?.ToString() ?? download.Headers.ToString() + download.Content.Headers);
        var bytes = await download.Content.ReadAsByteArrayAsync();
        Assert.Equal(pdfVersion.GetProperty("sha256").GetString(), Convert.ToHexStringLower(SHA256.HashData(bytes)));

        var text = PdfText(bytes);
        var at = text.IndexOf(Squash("魏都区科学技术和工业信息化局2023年法治政府建设情况的报告"), StringComparison.Ordinal);
        Assert.True(at >= 0, "the title is missing from the PDF");
        foreach (var paragraph in FixtureReport.BodyParagraphs)
        {
            var next = text.IndexOf(Squash(paragraph), at, StringComparison.Ordinal);
            Assert.True(next >= at, $"line missing from the PDF or out of order: {paragraph[..Math.Min(30, paragraph.Length)]}…");
            at = next;
        }
        Assert.Contains(Squash("三、推进法治政府建设存在的不足、原因和问题整改情况"), text); // as the department wrote it

        var mail = await app.Smtp.WaitForAsync(m => m.Headers["X-Report-Key"] == "2023-kgj-v1", TimeSpan.FromSeconds(120));
        Assert.Contains("fzb@weidu.example.gov.cn", mail.To.ToString());
        var body = mail.TextBody ?? "";
        Assert.Contains("魏都区科学技术和工业信息化局", body);
        Assert.Contains("2023", body);
        Assert.Contains($"共 {pdfVersion.GetProperty("pageCount").GetInt32()} 页", body);
        // The direct storage link to the PDF (the app's own download pages want a signed-in reader; the OFD's link follows it).
        var mailed = new Uri(Regex.Matches(body, @"http\S+").Select(m => m.Value).First(l => l.Contains(".pdf?", StringComparison.Ordinal)));
        Assert.Equal(bytes, await new HttpClient().GetByteArrayAsync(mailed));
    }

    /// <summary>The PDF's text with white space and page numbers (— n —) removed, so paragraphs can be matched across line and page breaks.</summary>
    internal static string PdfText(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        var all = string.Concat(document.GetPages().Select(p => Regex.Replace(Squash(p.Text), @"—\d+—$", "")));
        return all;
    }

    internal static string Squash(string text) => Regex.Replace(text, @"\s+", "");
}
