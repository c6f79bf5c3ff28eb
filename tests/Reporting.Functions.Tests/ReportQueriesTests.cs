using Reporting.Core.Abstractions;
using Reporting.Core.Errors;
using Reporting.Core.Tests;
using Reporting.Core.Workflow;
using Reporting.Functions.Http;
using Reporting.Functions.ReadModels;
using Reporting.TestSupport;
using Xunit;

namespace Reporting.Functions.Tests;

/// <summary>The read models over Core's workflows (in-memory ports): what the API and the pages show.</summary>
public class ReportQueriesTests
{
    private static readonly Routes Routes = Routes.FromHostJson(Path.Combine(RepoPaths.Root, "host.json"));

    private readonly TestWorld _world = new();

    private ReportQueries Queries(TestWorld world) =>
        new(world.Directory, world.Access, world.Drafts, world.Reports, world.Ledgers, world.Pdfs, world.Audit, world.Outbox, world.Options, Routes, world.Clock);

    [Fact]
    public async Task The_report_view_lists_each_parts_drafts_marks_superseded_ones_and_the_approved_version()
    {
        await _world.SubmitAsync("duty", "第一稿。");
        await _world.SubmitAsync("duty", "第二稿，长一些。");
        await _world.DecideAsync("duty", 2);

        var view = await Queries(_world).GetReportAsync("2023", "kgj", TestWorld.Office);

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

        Assert.EndsWith("2023-kgj-v2.pdf?lifetime=900", (await Queries(_world).GetPdfLinkAsync("2023", "kgj", null, TestWorld.Office)).ToString());
        Assert.EndsWith("2023-kgj-v1.pdf?lifetime=900", (await Queries(_world).GetPdfLinkAsync("2023", "kgj", "1", TestWorld.Office)).ToString());
    }

    [Fact]
    public async Task Asking_for_a_pdf_that_is_not_assembled_yet_is_not_found()
    {
        await _world.CompleteReportAsync();

        var none = await Assert.ThrowsAsync<ReportingException>(() => Queries(_world).GetPdfLinkAsync("2023", "kgj", null, TestWorld.Office));
        var pending = await Assert.ThrowsAsync<ReportingException>(() => Queries(_world).GetPdfLinkAsync("2023", "kgj", "1", TestWorld.Office));

        Assert.Equal((ProblemKind.NotFound, "2023 年 kgj 的报告尚未生成 PDF。"), (none.Kind, none.Detail));
        Assert.Equal((ProblemKind.NotFound, "2023 年 kgj 的报告没有第 1 版 PDF。"), (pending.Kind, pending.Detail));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("abc")]
    [InlineData("-1")]
    public async Task A_pdf_version_that_is_not_a_positive_number_is_refused(string version)
    {
        var e = await Assert.ThrowsAsync<ReportingException>(() => Queries(_world).GetPdfLinkAsync("2023", "kgj", version, TestWorld.Office));

        Assert.Equal(["版本号须为正整数。"], e.Errors["version"]);
    }

    [Fact]
    public async Task A_draft_that_does_not_exist_is_not_found()
    {
        var e = await Assert.ThrowsAsync<ReportingException>(() => Queries(_world).GetDraftAsync("2023", "kgj", "duty", "1", TestWorld.Office));

        Assert.Equal(ProblemKind.NotFound, e.Kind);
    }

    [Fact]
    public async Task A_draft_is_shown_with_its_text_heading_and_whether_it_was_superseded()
    {
        await _world.SubmitAsync("measures", "第一稿。");
        await _world.SubmitAsync("measures", "第二稿。");

        var first = await Queries(_world).GetDraftAsync("2023", "kgj", "measures", "1", TestWorld.Office);

        Assert.Equal(("第一稿。", "二、推进法治政府建设的主要举措和成效", true), (first.Body, first.Heading, first.Superseded));
    }

    [Fact]
    public async Task The_year_view_lists_every_configured_department_with_its_status_and_the_newest_volume()
    {
        await _world.CompleteReportAsync("kgj");
        await _world.Assembler.AssembleAsync(new AssemblyMessage(2023, "kgj", 1));
        await _world.Notifier.NotifyAsync(new NotificationMessage(2023, "kgj", 1));
        await _world.SubmitAsync("duty", department: "sfj");
        await _world.DecideAsync("duty", 1, department: "sfj");
        await _world.YearEnd.RunAsync(2023, Caller.System);

        var year = await Queries(_world).GetYearAsync("2023", TestWorld.Office);

        Assert.Equal((24, 1, 23), (year.Departments.Count, year.Complete, year.Missing));
        var kgj = year.Departments.Single(d => d.Department == "kgj");
        Assert.Equal(("assembled", 5, 5, 1, true, "/api/reports/2023/kgj/pdf?version=1"), (kgj.Status, kgj.ApprovedParts, kgj.RequiredParts, kgj.NewestPdfVersion, kgj.Notified, kgj.DownloadUrl));
        var sfj = year.Departments.Single(d => d.Department == "sfj");
        Assert.Equal(("drafting", 1, null, false), (sfj.Status, sfj.ApprovedParts, sfj.NewestPdfVersion, sfj.Notified));
        Assert.Equal(["preamble", "measures", "shortcomings", "plans"], sfj.MissingSections);
        Assert.Equal(("stored", 1, 23, "/api/reports/2023/volume/pdf?version=1"), (year.Volume!.Status, year.Volume.Reports, year.Volume.MissingDepartments, year.Volume.DownloadUrl));
    }

    [Fact]
    public async Task The_volume_link_is_not_found_before_any_volume_is_stored()
    {
        var none = await Assert.ThrowsAsync<ReportingException>(() => Queries(_world).GetVolumeLinkAsync("2023", null, TestWorld.Office));
        var missing = await Assert.ThrowsAsync<ReportingException>(() => Queries(_world).GetVolumeLinkAsync("2023", "2", TestWorld.Office));

        Assert.Equal((ProblemKind.NotFound, "2023 年度尚未生成报告汇编。"), (none.Kind, none.Detail));
        Assert.Equal((ProblemKind.NotFound, "2023 年度没有第 2 版报告汇编。"), (missing.Kind, missing.Detail));
    }

    [Theory]
    [InlineData("20x3")]
    [InlineData("２０２３")]
    public async Task A_bad_year_for_the_year_view_is_refused_in_chinese(string year)
    {
        var e = await Assert.ThrowsAsync<ReportingException>(() => Queries(_world).GetYearAsync(year, TestWorld.Office));

        Assert.Equal(["年度须为 2000 至 2099 之间的四位数字。"], e.Errors["year"]);
    }

    [Fact]
    public async Task The_report_view_reads_the_outbox_once_however_many_pdf_versions_were_notified()
    {
        await _world.CompleteReportAsync();
        for (var version = 1; version <= 3; version++)
        {
            if (version > 1)
            {
                await _world.SubmitAsync("plans", $"第 {version} 次修改的安排。");
                await _world.DecideAsync("plans", version);
            }
            await _world.Assembler.AssembleAsync(new AssemblyMessage(2023, "kgj", version));
            await _world.Notifier.NotifyAsync(new NotificationMessage(2023, "kgj", version));
        }
        var outbox = new CountingOutbox(_world.Outbox);
        var queries = new ReportQueries(_world.Directory, _world.Access, _world.Drafts, _world.Reports, _world.Ledgers, _world.Pdfs, _world.Audit, outbox, _world.Options, Routes, _world.Clock);

        var view = await queries.GetReportAsync("2023", "kgj", TestWorld.Office);

        Assert.Equal([1, 2, 3], view.Versions.Select(v => v.Version));
        Assert.All(view.Versions, v => Assert.Equal("sent", v.Notification!.Status));
        Assert.Equal(["/api/reports/2023/kgj/pdf?version=1", "/api/reports/2023/kgj/pdf?version=2", "/api/reports/2023/kgj/pdf?version=3"], view.Versions.Select(v => v.DownloadUrl));
        Assert.Equal(1, outbox.Queries);
    }

    /// <summary>Counts the outbox queries a read makes.</summary>
    private sealed class CountingOutbox(INotificationOutbox inner) : INotificationOutbox
    {
        public int Queries { get; private set; }

        public Task<IReadOnlyList<OutboxEntry>> FindAsync(string key, CancellationToken cancellationToken = default)
        {
            Queries++;
            return inner.FindAsync(key, cancellationToken);
        }

        public Task<IReadOnlyList<OutboxEntry>> ListForReportAsync(int year, string department, CancellationToken cancellationToken = default)
        {
            Queries++;
            return inner.ListForReportAsync(year, department, cancellationToken);
        }

        public Task<OutboxEntry?> TrySaveAsync(OutboxEntry entry, CancellationToken cancellationToken = default) => inner.TrySaveAsync(entry, cancellationToken);

        public Task SaveSentAsync(OutboxEntry entry, CancellationToken cancellationToken = default) => inner.SaveSentAsync(entry, cancellationToken);

        public Task<IReadOnlyList<OutboxEntry>> ListDueAsync(DateTimeOffset dueBy, CancellationToken cancellationToken = default) => inner.ListDueAsync(dueBy, cancellationToken);
    }

    [Fact]
    public async Task A_draft_awaiting_review_holds_the_round_and_the_status_says_what_assembly_waits_for()
    {
        var world = new TestWorld();
        foreach (var part in (string[])[.. TestWorld.RequiredParts, "other"]) await world.SubmitAsync(part);
        foreach (var part in TestWorld.RequiredParts) Assert.False((await world.DecideAsync(part, 1)).AssemblyQueued);
        Assert.Equal(["other"], (await world.DecideAsync("plans", 1)).AwaitingReview);

        var view = await Queries(world).GetReportAsync("2023", "kgj", TestWorld.Office);

        Assert.Empty(world.Queue.Assemblies);
        Assert.Equal("reviewing", view.Status);
        var wait = Assert.Single(view.AssemblyWaitsFor);
        Assert.Equal(("other", "五、其他需要报告的情况", 1, "第 1 版待审核"), (wait.Section, wait.Heading, wait.Version, wait.Reason));

        Assert.Equal("reviewing", (await Queries(world).GetYearAsync("2023", TestWorld.Office)).Departments.Single(d => d.Department == "kgj").Status);

        Assert.Equal(1, (await world.DecideAsync("other", 1)).PdfVersion);
        Assert.Empty((await Queries(world).GetReportAsync("2023", "kgj", TestWorld.Office)).AssemblyWaitsFor);
    }

    [Fact]
    public async Task Before_every_part_is_approved_the_status_lists_the_missing_parts_and_the_drafts_awaiting_review()
    {
        var world = new TestWorld();
        await world.SubmitAsync("duty");
        await world.DecideAsync("duty", 1);
        await world.SubmitAsync("measures");

        var view = await Queries(world).GetReportAsync("2023", "kgj", TestWorld.Office);

        Assert.Equal("drafting", view.Status);
        Assert.Equal(["preamble", "measures", "shortcomings", "plans"], view.AssemblyWaitsFor.Select(w => w.Section));
        Assert.Equal("第 1 版待审核", view.AssemblyWaitsFor.Single(w => w.Section == "measures").Reason);
        Assert.Equal("尚无审核通过的版本", view.AssemblyWaitsFor.Single(w => w.Section == "plans").Reason);
    }
}
