using System.Net;
using System.Net.Http.Headers;
using Reporting.TestSupport;
using Xunit;

namespace Reporting.EndToEnd.Tests;

/// <summary>A report assembled after its department's seal was uploaded (印章管理) carries that seal, not the development one.</summary>
[Collection(LocalHostCollection.Name)]
public sealed class UploadedSealTests(LocalHostFixture app)
{
    private const int Year = 2010;
    private const string Department = "tyjrj";

    [Fact]
    public async Task A_report_assembled_after_the_upload_carries_the_uploaded_seal_as_a_figure_named_after_the_department()
    {
        // 200 px across: the development seal is drawn at 512, so the image in the PDF says which seal it is.
        var seal = TestPng.RedSeal(200);
        using (var body = new ByteArrayContent(seal))
        {
            body.Headers.ContentType = new MediaTypeHeaderValue("image/png");
            using var put = await app.ClientAs("office-admin").PutAsync($"api/seals/{Department}", body);
            Assert.Equal(HttpStatusCode.Created, put.StatusCode);
        }

        await app.SubmitFixtureAsync(Year, Department);
        await app.WaitForReportAsync(Year, Department, r => LocalHostFixture.VersionNotified(r, 1));

        var pdf = await StoredPdfSeals.DownloadAsync(app, $"{Year}/{Department}/{Year}-{Department}-v1.pdf");
        Assert.Equal([(200, 200)], StoredPdfSeals.Images(pdf));
        var json = StoredPdfSeals.QpdfJson(pdf);
        Assert.Contains("\"/S\": \"/Figure\"", json);
        Assert.Contains("魏都区退役军人事务局印章", json);
    }
}
