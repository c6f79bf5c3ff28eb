using Reporting.Core.Access;
using Reporting.Core.Errors;
using Reporting.Core.Seals;
using Reporting.TestSupport;
using Xunit;

namespace Reporting.Core.Tests;

/// <summary>印章管理's workflow: who may, what is checked before anything is stored, versions, and one audit row per version.</summary>
public class SealAdministrationTests
{
    private static readonly Caller Admin = new("office-admin", "区法治办管理员");
    private readonly TestWorld _world = new();

    private SealOrganisation Kgj => _world.SealAdministration.Find("kgj")!;

    [Fact]
    public void The_organisations_are_the_district_office_first_then_every_department_of_the_directory()
    {
        var organisations = _world.SealAdministration.Organisations;

        Assert.Equal(new SealOrganisation(SealOrganisation.OfficeCode, "魏都区法治政府建设领导小组办公室"), organisations[0]);
        Assert.True(organisations[0].IsOffice);
        Assert.Equal(_world.Directory.Departments.Select(d => (d.Code, d.Name)), organisations.Skip(1).Select(o => (o.Code, o.Name)));
        Assert.Null(_world.SealAdministration.Find("nobody"));
        Assert.Null(_world.SealAdministration.Find(null));
    }

    [Fact]
    public async Task An_accepted_upload_is_a_new_version_audited_once_and_the_same_image_again_changes_nothing()
    {
        var png = TestPng.RedSeal();

        var stored = await _world.SealAdministration.UploadAsync(Kgj, png, Admin);
        _world.Clock.Advance(TimeSpan.FromMinutes(1));
        var again = await _world.SealAdministration.UploadAsync(Kgj, png, Admin);

        Assert.Equal((1, true), (stored.Version, stored.Created));
        Assert.Equal((1, false), (again.Version, again.Created));
        var entry = Assert.Single(_world.Audit.Entries);
        Assert.Equal(("seals/kgj", SealAdministration.UploadedAction, "office-admin"), (entry.Report, entry.Action, entry.Actor.Id));
        Assert.StartsWith($"v1, {png.Length} bytes, sha256 {stored.Sha256}", entry.Detail);
    }

    [Fact]
    public async Task A_repeated_upload_whose_first_audit_row_was_lost_writes_that_row_once_under_the_first_uploader()
    {
        var png = TestPng.RedSeal();
        // The first upload stored its image and died before its audit row.
        await _world.Seals.AddAsync("kgj", png, new Caller("first-admin", "第一位管理员"));

        await _world.SealAdministration.UploadAsync(Kgj, png, Admin);
        await _world.SealAdministration.UploadAsync(Kgj, png, Admin);

        var entry = Assert.Single(_world.Audit.Entries);
        Assert.Equal(("first-admin", "v1, "), (entry.Actor.Id, entry.Detail[..4]));
    }

    [Theory]
    [InlineData("not a png", SealImageProblem.NotPng)]
    [InlineData("wide", SealImageProblem.NotSquare)]
    [InlineData("blue", SealImageProblem.NotRed)]
    [InlineData("opaque", SealImageProblem.NoTransparency)]
    [InlineData("empty", SealImageProblem.Empty)]
    public async Task A_refused_image_carries_its_rule_as_a_code_and_nothing_is_stored_or_audited(string kind, SealImageProblem problem)
    {
        byte[] image = kind switch
        {
            "not a png" => "GIF89a, not a seal"u8.ToArray(),
            "wide" => TestPng.Write(200, 100, (_, _) => (220, 20, 30, 255)),
            "blue" => TestPng.Write(100, 100, (_, _) => (20, 30, 220, 255)),
            "opaque" => TestPng.Write(100, 100, (_, _) => (220, 20, 30, 255), alpha: false),
            _ => [],
        };

        var e = await Assert.ThrowsAsync<SealImageRejectedException>(() => _world.SealAdministration.UploadAsync(Kgj, image, Admin));

        Assert.Equal(problem, e.Problem);
        Assert.Null(await _world.Seals.FindNewestAsync("kgj"));
        Assert.Empty(_world.Audit.Entries);
    }

    [Theory]
    [InlineData("office")]
    [InlineData("kgj-approver")]
    [InlineData("kgj-author")]
    public async Task Only_district_office_administrators_upload_list_or_read_seals(string user)
    {
        var caller = new Caller(user, user);

        await Assert.ThrowsAsync<ReportingException>(() => _world.SealAdministration.UploadAsync(Kgj, TestPng.RedSeal(), caller));
        await Assert.ThrowsAsync<ReportingException>(() => _world.SealAdministration.ListAsync(caller));
        await Assert.ThrowsAsync<ReportingException>(() => _world.SealAdministration.ReadAsync(Kgj, null, caller));
        var refused = await Assert.ThrowsAsync<ReportingException>(() => _world.SealAdministration.DemandAsync(caller));
        Assert.Equal(ProblemKind.Forbidden, refused.Kind);
        Assert.Null(await _world.Seals.FindNewestAsync("kgj"));
    }

    [Fact]
    public async Task The_list_shows_each_organisation_s_newest_version()
    {
        await _world.SealAdministration.UploadAsync(Kgj, TestPng.RedSeal(100), Admin);
        await _world.SealAdministration.UploadAsync(Kgj, TestPng.RedSeal(120), Admin);
        await _world.SealAdministration.UploadAsync(_world.SealAdministration.Find("office")!, TestPng.RedSeal(), Admin);

        var list = await _world.SealAdministration.ListAsync(Admin);

        Assert.Equal(1, list.Single(o => o.Organisation.IsOffice).Seal!.Version);
        Assert.Equal(2, list.Single(o => o.Organisation.Code == "kgj").Seal!.Version);
        Assert.Null(list.Single(o => o.Organisation.Code == "sfj").Seal);
        Assert.Equal(TestPng.RedSeal(100), (await _world.SealAdministration.ReadAsync(Kgj, 1, Admin))!.Png);
    }
}
