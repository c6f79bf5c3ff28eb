using Reporting.Core.Access;
using Reporting.Core.Queues;
using Reporting.Core.Seals;
using Reporting.TestSupport;
using Xunit;

namespace Reporting.Core.Tests;

/// <summary>Assembly seals a report with its department's newest seal, the year-end volume with the district office's; no seal: unsealed.</summary>
public class SealedDocumentsTests
{
    private static readonly Caller Admin = new("office-admin", "区法治办管理员");
    private readonly TestWorld _world = new();

    [Fact]
    public async Task A_report_assembled_after_uploads_carries_the_department_s_newest_seal_named_by_its_full_name()
    {
        var kgj = _world.SealAdministration.Find("kgj")!;
        await _world.SealAdministration.UploadAsync(kgj, TestPng.RedSeal(100), Admin);
        await _world.SealAdministration.UploadAsync(kgj, TestPng.RedSeal(140), Admin);
        await _world.CompleteReportAsync();

        await _world.Assembler.AssembleAsync(new AssemblyMessage(2023, "kgj", 1));

        var seal = Assert.Single(_world.Typesetter.Rendered).Seal!;
        Assert.Equal(TestPng.RedSeal(140), seal.Png);
        Assert.Equal("魏都区科学技术和工业信息化局", seal.OrganisationName);
    }

    [Fact]
    public async Task Without_a_seal_the_report_is_unsealed_and_another_department_s_seal_is_never_used()
    {
        await _world.SealAdministration.UploadAsync(_world.SealAdministration.Find("sfj")!, TestPng.RedSeal(), Admin);
        await _world.CompleteReportAsync();

        await _world.Assembler.AssembleAsync(new AssemblyMessage(2023, "kgj", 1));

        Assert.Null(Assert.Single(_world.Typesetter.Rendered).Seal);
    }

    [Fact]
    public async Task The_compiled_volume_carries_the_district_office_s_seal_and_its_reports_their_departments()
    {
        await _world.SealAdministration.UploadAsync(_world.SealAdministration.Find(SealOrganisation.OfficeCode)!, TestPng.RedSeal(110), Admin);
        await _world.SealAdministration.UploadAsync(_world.SealAdministration.Find("kgj")!, TestPng.RedSeal(100), Admin);
        await _world.CompleteReportAsync();
        await _world.CompleteReportAsync("sfj");

        await _world.YearEnd.RunAsync(2023, Caller.System);

        var volume = Assert.Single(_world.Typesetter.Volumes);
        Assert.Equal(TestPng.RedSeal(110), volume.Seal!.Png);
        Assert.Equal("魏都区法治政府建设领导小组办公室", volume.Seal.OrganisationName);
        Assert.Equal("魏都区科学技术和工业信息化局", volume.Reports.Single(r => r.DepartmentCode == "kgj").Report.Seal!.OrganisationName);
        Assert.Null(volume.Reports.Single(r => r.DepartmentCode == "sfj").Report.Seal);
    }

    [Fact]
    public async Task Without_the_district_office_s_seal_the_volume_is_unsealed()
    {
        await _world.CompleteReportAsync();

        await _world.YearEnd.RunAsync(2023, Caller.System);

        Assert.Null(Assert.Single(_world.Typesetter.Volumes).Seal);
    }
}
