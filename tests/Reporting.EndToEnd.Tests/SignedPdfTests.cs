using System.Diagnostics;
using Xunit;

namespace Reporting.EndToEnd.Tests;

/// <summary>The local host signs every stored report PDF with the development certificate, and the e-mail names the signer.</summary>
[Collection(LocalHostCollection.Name)]
public sealed class SignedPdfTests(LocalHostFixture app)
{
    private const int Year = 2017;

    [Fact]
    public async Task The_stored_report_PDF_is_signed_over_the_whole_file_and_the_office_mail_names_the_signer_and_the_validity()
    {
        var versions = new Dictionary<string, int>();
        foreach (var section in FixtureReport.RequiredSections)
            versions[section] = await app.SubmitOkAsync(Year, "kgj", section, FixtureReport.Parts[section]);
        foreach (var section in FixtureReport.RequiredSections)
            await app.ApproveOkAsync(Year, "kgj", section, versions[section]);
        await app.WaitForReportAsync(Year, "kgj", r => LocalHostFixture.VersionNotified(r, 1));

        var blob = app.Storage.Blobs.GetBlobContainerClient(app.Storage.Options.ReportsContainer).GetBlobClient($"{Year}/kgj/{Year}-kgj-v1.pdf");
        var path = Path.Combine(Path.GetTempPath(), $"signed-{Year}-kgj-{Guid.NewGuid():N}.pdf");
        await blob.DownloadToAsync(path);
        try
        {
            var output = Pdfsig(path);
            Assert.Contains("Signature Validation: Signature is Valid.", output);
            Assert.Contains("Total document signed", output);
            Assert.Contains("Signature Type: ETSI.CAdES.detached", output);
            Assert.Contains("Signer Certificate Common Name: 魏都区法治政府建设报告系统（测试）", output);
        }
        finally { File.Delete(path); }

        var mail = await app.Smtp.WaitForAsync(m => m.Headers["X-Report-Key"] == $"{Year}-kgj-v1", TimeSpan.FromSeconds(60));
        Assert.Matches(@"PDF 已加电子签名。签名证书：CN=魏都区法治政府建设报告系统（测试）, O=魏都区（测试），有效期至 \d{4}年\d{1,2}月\d{1,2}日。", mail.TextBody);
    }

    private static string Pdfsig(string path)
    {
        using var process = Process.Start(new ProcessStartInfo("/usr/bin/pdfsig", [path]) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        return output.Result + error;
    }
}
