using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Reporting.Core.Seals;
using Reporting.Development.Seals;
using Reporting.LocalHost;
using Reporting.Typesetting.Seals;
using Xunit;

namespace Reporting.EndToEnd.Tests;

/// <summary>
/// The local host seals like Azure does: an organisation without an uploaded seal gets its development seal (marked 测试),
/// the report's and the compiled volume's cover alike; and development seals never run where App Service says it is Azure.
/// </summary>
[Collection(LocalHostCollection.Name)]
public sealed class DevelopmentSealTests(LocalHostFixture app)
{
    private const int Year = 2010;
    private const string Department = "cgj";

    [Fact]
    public async Task Without_an_uploaded_seal_the_report_and_the_volume_are_sealed_with_the_development_seals()
    {
        var drawn = PngImage.Decode(DevelopmentSeal.Draw("魏都区城市管理局"));
        await app.SubmitFixtureAsync(Year, Department);
        await app.WaitForReportAsync(Year, Department, r => LocalHostFixture.VersionNotified(r, 1));

        var pdf = await StoredPdfSeals.DownloadAsync(app, $"{Year}/{Department}/{Year}-{Department}-v1.pdf");
        Assert.Equal([(drawn.Width, drawn.Height)], StoredPdfSeals.Images(pdf));
        Assert.Contains("魏都区城市管理局印章", StoredPdfSeals.QpdfJson(pdf));

        // 本部门报告 does not say the report goes out unsealed: here it never does.
        var page = await app.ClientAs("cgj-author").GetStringAsync($"api/department?year={Year}");
        Assert.Contains("魏都区城市管理局", page);
        Assert.DoesNotContain("未加盖印章", page);

        // The year's volume: the district office's development seal on its cover.
        Assert.Equal("done", (await app.RunYearEndAsync(Year)).GetProperty("state").GetString());
        var volumes = await app.ListBlobsAsync($"{Year}/volume/");
        var volume = await StoredPdfSeals.DownloadAsync(app, volumes.Order(StringComparer.Ordinal).Last());
        var office = PngImage.Decode(DevelopmentSeal.Draw("魏都区法治政府建设领导小组办公室"));
        Assert.Contains((office.Width, office.Height), StoredPdfSeals.Images(volume, pageNumber: 1));
        Assert.Contains("魏都区法治政府建设领导小组办公室印章", StoredPdfSeals.QpdfJson(volume));
    }

    [Theory]
    [InlineData("WEBSITE_INSTANCE_ID")]
    [InlineData("WEBSITE_SITE_NAME")]
    [InlineData("WEBSITE_OWNER_NAME")]
    public void Development_seals_refuse_to_be_registered_where_an_App_Service_marker_is_set(string marker)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IOrganisationSeals, StoredOrganisationSeals>();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [marker] = "reporting-prod" }).Build();

        var e = Assert.Throws<InvalidOperationException>(() => DevelopmentSeals.Use(services, configuration));

        Assert.Contains(marker, e.Message);
        Assert.Contains("Development seals", e.Message);
        Assert.Single(services);
    }
}
