using Reporting.Core.Access;
using Reporting.Core.Errors;
using Reporting.Core.Notices;
using Reporting.Core.Queues;
using Reporting.Core.Tests;
using Reporting.Functions.ReadModels;
using Reporting.Functions.Wording;
using Xunit;

namespace Reporting.Functions.Tests;

public class ReportQueriesTests
{
    private readonly TestWorld _world = new();

    [Fact]
    public async Task The_report_view_lists_each_parts_drafts_marks_superseded_ones_and_the_approved_version()
    {
        await _world.SubmitAsync("duty", "第一稿。");
        await _world.SubmitAsync("duty", "第二稿，长一些。");
        await _world.DecideAsync("duty", 2);

        var view = await _world.Queries().GetReportAsync("2023", "kgj", TestWorld.Office);

        Assert.Equal(("drafting", "魏都区科学技术和工业信息化局"), (view.Status, view.DepartmentName));
        Assert.Equal(["preamble", "measures", "shortcomings", "plans"], view.MissingSections);
        var duty = view.Sections.Single(s => s.Section == "duty");
        Assert.Equal(2, duty.ApprovedVersion);
        Assert.Equal([(1, "submitted", true, 4), (2, "approved", false, 8)], duty.Drafts.Select(d => (d.Version, d.Status, d.Superseded, d.Length)));
        Assert.Equal(["preamble", "duty", "measures", "shortcomings", "plans", "other"], view.Sections.Select(s => s.Section));
    }

    [Fact]
    public async Task The_pdf_link_is_for_the_newest_assembled_version_unless_one_is_asked_for()
    {
        await _world.CompleteReportAsync();
        await _world.Assembler.AssembleAsync(new AssemblyMessage(2023, "kgj", 1));
        await _world.SubmitAsync("plans", "新的安排。");
        await _world.DecideAsync("plans", 2);
        await _world.Assembler.AssembleAsync(new AssemblyMessage(2023, "kgj", 2));

        Assert.EndsWith("2023-kgj-v2.pdf?lifetime=900", (await _world.Queries().GetPdfLinkAsync("2023", "kgj", null, TestWorld.Office)).ToString());
        Assert.EndsWith("2023-kgj-v1.pdf?lifetime=900", (await _world.Queries().GetPdfLinkAsync("2023", "kgj", "1", TestWorld.Office)).ToString());
    }

    [Fact]
    public async Task Asking_for_a_pdf_that_is_not_assembled_yet_is_not_found()
    {
        await _world.CompleteReportAsync();

        var none = await Assert.ThrowsAsync<ReportingException>(() => _world.Queries().GetPdfLinkAsync("2023", "kgj", null, TestWorld.Office));
        var pending = await Assert.ThrowsAsync<ReportingException>(() => _world.Queries().GetPdfLinkAsync("2023", "kgj", "1", TestWorld.Office));

        Assert.Equal((ProblemKind.NotFound, "2023 年 kgj 的报告尚未生成 PDF。"), (none.Kind, RefusalWording.Detail(none)));
        Assert.Equal((ProblemKind.NotFound, "2023 年 kgj 的报告没有第 1 版 PDF。"), (pending.Kind, RefusalWording.Detail(pending)));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("abc")]
    [InlineData("-1")]
    public async Task A_pdf_version_that_is_not_a_positive_number_is_refused(string version)
    {
        var e = await Assert.ThrowsAsync<ReportingException>(() => _world.Queries().GetPdfLinkAsync("2023", "kgj", version, TestWorld.Office));

        Assert.Equal(["版本号须为正整数。"], RefusalWording.FieldErrors(e)["version"]);
    }

    [Fact]
    public async Task A_draft_that_does_not_exist_is_not_found()
    {
        var e = await Assert.ThrowsAsync<ReportingException>(() => _world.Queries().GetDraftAsync("2023", "kgj", "duty", "1", TestWorld.Office));

        Assert.Equal(ProblemKind.NotFound, e.Kind);
    }

    [Fact]
    public async Task A_draft_is_shown_with_its_text_heading_and_whether_it_was_superseded()
    {
        await _world.SubmitAsync("measures", "第一稿。");
        await _world.SubmitAsync("measures", "第二稿。");

        var first = await _world.Queries().GetDraftAsync("2023", "kgj", "measures", "1", TestWorld.Office);

        Assert.Equal(("第一稿。", "二、推进法治政府建设的主要举措和成效", true), (first.Body, first.Heading, first.Superseded));
    }

    [Fact]
    public async Task The_year_view_lists_every_configured_department_with_its_status_and_the_newest_volume()
    {
        await _world.CompleteReportAsync("kgj");
        await _world.Assembler.AssembleAsync(new AssemblyMessage(2023, "kgj", 1));
        await _world.Notifier.NotifyAsync(new NotificationMessage.ReportReady(2023, "kgj", 1));
        await _world.SubmitAsync("duty", department: "sfj");
        await _world.DecideAsync("duty", 1, department: "sfj");
        await _world.YearEnd.RunAsync(2023, Caller.System);

        var year = await _world.Queries().GetYearAsync("2023", TestWorld.Office);

        Assert.Equal((24, 1, 23), (year.Departments.Count, year.Complete, year.Missing));
        var kgj = year.Departments.Single(d => d.Department == "kgj");
        Assert.Equal(("assembled", 5, 5, 1, true, "/api/reports/2023/kgj/pdf?version=1"),
            (kgj.Status, kgj.ApprovedParts, kgj.RequiredParts, kgj.NewestPdfVersion, kgj.Notified, kgj.DownloadUrl));
        var sfj = year.Departments.Single(d => d.Department == "sfj");
        Assert.Equal(("drafting", 1, null, false), (sfj.Status, sfj.ApprovedParts, sfj.NewestPdfVersion, sfj.Notified));
        Assert.Equal(["preamble", "measures", "shortcomings", "plans"], sfj.MissingSections);
        Assert.Equal(("stored", 1, 23, "/api/reports/2023/volume/pdf?version=1"),
            (year.Volume!.Status, year.Volume.Reports, year.Volume.MissingDepartments, year.Volume.DownloadUrl));
    }

    [Fact]
    public async Task The_volume_link_is_not_found_before_any_volume_is_stored()
    {
        var none = await Assert.ThrowsAsync<ReportingException>(() => _world.Queries().GetVolumeLinkAsync("2023", null, TestWorld.Office));
        var missing = await Assert.ThrowsAsync<ReportingException>(() => _world.Queries().GetVolumeLinkAsync("2023", "2", TestWorld.Office));

        Assert.Equal((ProblemKind.NotFound, "2023 年度尚未生成报告汇编。"), (none.Kind, RefusalWording.Detail(none)));
        Assert.Equal((ProblemKind.NotFound, "2023 年度没有第 2 版报告汇编。"), (missing.Kind, RefusalWording.Detail(missing)));
    }

    [Theory]
    [InlineData("20x3")]
    [InlineData("２０２３")]
    public async Task A_bad_year_for_the_year_view_is_refused_in_chinese(string year)
    {
        var e = await Assert.ThrowsAsync<ReportingException>(() => _world.Queries().GetYearAsync(year, TestWorld.Office));

        Assert.Equal(["年度须为 2000 至 2099 之间的四位数字。"], RefusalWording.FieldErrors(e)["year"]);
    }
}
