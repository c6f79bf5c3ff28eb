using System.Text.RegularExpressions;
using Reporting.Core.Access;
using Reporting.Core.Calendar;
using Reporting.Core.Seals;
using Reporting.Core.Tests;
using Reporting.Functions.Pages;
using Reporting.Functions.Wording;
using Reporting.TestSupport;
using Xunit;

namespace Reporting.Functions.Tests;

/// <summary>Every refusal of a seal image said in Chinese; 本部门报告 saying a report goes out unsealed, and where to change that.</summary>
public sealed class SealWordsAndPagesTests
{
    private static readonly Caller Admin = new("office-admin", "区法治办管理员");
    private readonly TestWorld _world = new();

    [Fact]
    public void Every_seal_image_rule_has_its_own_Chinese_reason()
    {
        var reasons = Enum.GetValues<SealImageProblem>().Select(RefusalWording.SealImage).ToList();

        Assert.Equal(reasons.Count, reasons.Distinct().Count());
        Assert.All(reasons, r => Assert.Matches(@"^\P{IsBasicLatin}", r));
        Assert.All(reasons, r => Assert.DoesNotMatch(new Regex("[A-Za-z]{4,}"), r.Replace("PNG", "").Replace("Alpha", "").Replace("RGBA", "")));
    }

    private async Task<string> DepartmentPageAsync(Caller caller, Membership member, IOrganisationSeals seals)
    {
        await _world.CompleteReportAsync();
        var calendar = new ReportingCalendar(ReportingCalendarDates.Default, _world.Options);
        var pages = new PageRenderer(TestWorldQueries.Routes, new Words(_world.Directory), calendar, _world.Clock);
        var years = new YearChoice(calendar, _world.Clock, _world.Drafts, pages);
        var page = new DepartmentPage(_world.Queries(), pages, _world.Directory, _world.Options, years, TestWorldQueries.Routes, seals);
        return await page.RenderAsync("2023", "kgj", caller, member);
    }

    [Fact]
    public async Task A_department_without_a_seal_reads_that_its_report_goes_out_unsealed_and_whom_to_ask()
    {
        var html = await DepartmentPageAsync(TestWorld.Author(), new Membership("kgj-author", MemberRole.Author, "kgj"), _world.Sealing);

        Assert.Contains("本部门尚未配置印章：报告 PDF 未加盖印章。", html);
        Assert.Contains("请联系区法治办管理员上传本部门的印章", html);
        Assert.DoesNotContain("/api/admin/seals", html);
    }

    [Fact]
    public async Task A_district_office_administrator_is_linked_to_印章管理_from_an_unsealed_department()
    {
        var html = await DepartmentPageAsync(Admin, new Membership("office-admin", MemberRole.OfficeAdmin, null), _world.Sealing);

        Assert.Contains("未加盖印章", html);
        Assert.Contains("<a href=\"/api/admin/seals\">到印章管理上传印章</a>", html);
    }

    [Fact]
    public async Task A_department_with_a_seal_reads_no_such_warning()
    {
        await _world.SealAdministration.UploadAsync(_world.SealAdministration.Find("kgj")!, TestPng.RedSeal(), Admin);

        var html = await DepartmentPageAsync(TestWorld.Author(), new Membership("kgj-author", MemberRole.Author, "kgj"), _world.Sealing);

        Assert.Contains("报告状态", html);
        Assert.DoesNotContain("未加盖印章", html);
    }
}
