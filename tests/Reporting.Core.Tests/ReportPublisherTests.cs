using Reporting.Core.Access;
using Reporting.Core.Errors;
using Reporting.Core.Publication;
using Reporting.Core.Queues;
using Reporting.Core.ReportAssembly;
using Reporting.Core.Reports;
using Xunit;

namespace Reporting.Core.Tests;

public sealed class ReportPublisherTests
{
    private readonly TestWorld _world = new();
    private static readonly Caller Office = new("office", "区法治办工作人员");
    private const string Comment = "经王某审查，不涉及国家秘密。";

    private async Task AssembledAsync(string department = "kgj", int version = 1)
    {
        await _world.CompleteReportAsync(department);
        await _world.Assembler.AssembleAsync(new AssemblyMessage(2023, department, version));
    }

    private Task<PublishOutcome> PublishAsync(
        string department = "kgj", Caller? caller = null, bool reviewed = true, string? comment = Comment, int version = 1) =>
        _world.Publisher.PublishAsync(caller ?? Office, new PublishReportCommand(new ReportKey(2023, department), version, reviewed, comment));

    private Task<PublishOutcome> WithdrawAsync(Caller caller, string department, string? reason) =>
        _world.Publisher.WithdrawAsync(caller, new WithdrawReportCommand(new ReportKey(2023, department), reason));

    private Task<IReadOnlyList<PublishOutcome>> PublishYearAsync(bool reviewed, params (string Department, int Version)[] versions) =>
        _world.Publisher.PublishYearAsync(Office, new PublishYearCommand(2023, versions.ToDictionary(v => v.Department, v => v.Version), reviewed, Comment));

    [Fact]
    public async Task Only_the_district_office_may_publish_or_withdraw()
    {
        await AssembledAsync();
        foreach (var caller in new[] { TestWorld.Author(), TestWorld.Approver() })
        {
            var refused = await Assert.ThrowsAsync<ReportingException>(() => PublishAsync(caller: caller));
            Assert.Equal(ProblemKind.Forbidden, refused.Kind);
            Assert.Equal(Refusal.Of(RefusalCode.PublishOfficeOnly), refused.Refusal);
            var withdraw = await Assert.ThrowsAsync<ReportingException>(() => WithdrawAsync(caller, "kgj", "有误"));
            Assert.Equal(ProblemKind.Forbidden, withdraw.Kind);
        }
        Assert.Empty(_world.Site.Files);
        Assert.Empty((await _world.Publications.GetAsync(new ReportKey(2023, "kgj"))).Events);

        var admin = await _world.Publisher.PublishAsync(new Caller("office-admin", "区法治办管理员"),
            new PublishReportCommand(new ReportKey(2023, "kgj"), 1, true, Comment));
        Assert.True(admin.Changed);
    }

    [Theory]
    [InlineData(false, Comment, "confidentialityReviewed")]
    [InlineData(true, "  ", "comment")]
    [InlineData(true, null, "comment")]
    public async Task Publishing_needs_the_confirmation_and_a_comment_and_stores_nothing_without_them(bool reviewed, string? comment, string field)
    {
        await AssembledAsync();
        var refused = await Assert.ThrowsAsync<ReportingException>(() => PublishAsync(reviewed: reviewed, comment: comment));
        Assert.Equal(ProblemKind.Validation, refused.Kind);
        Assert.True(refused.Errors.ContainsKey(field), string.Join(",", refused.Errors.Keys));
        Assert.Empty(_world.Site.Files);
        Assert.Empty((await _world.Publications.GetAsync(new ReportKey(2023, "kgj"))).Events);
        Assert.DoesNotContain(_world.Audit.Entries, e => e.Action == "report.published");
    }

    [Fact]
    public async Task Preparing_the_site_before_any_publication_writes_an_empty_root_index_and_the_not_found_page()
    {
        await _world.Publisher.PrepareSiteAsync();

        Assert.Equal("root: ", _world.Site.Text("index.html"));
        Assert.Equal("not found, see https://public.example.gov.cn/reports/index.html", _world.Site.Text("404.html"));
        Assert.Equal(["404.html", "index.html"], _world.Site.Files.Keys.Order(StringComparer.Ordinal));
        Assert.All(_world.Site.Files.Values, f => Assert.Equal("text/html; charset=utf-8", f.ContentType));
    }

    [Fact]
    public async Task Preparing_the_site_again_never_replaces_the_root_index_a_publication_wrote()
    {
        await _world.Publisher.PrepareSiteAsync();
        await AssembledAsync();
        await PublishAsync();
        _world.Site.Files["index.html"] = (System.Text.Encoding.UTF8.GetBytes("root as published"), "text/html; charset=utf-8", null);

        await _world.Publisher.PrepareSiteAsync();

        Assert.Equal("root as published", _world.Site.Text("index.html"));
        Assert.True(_world.Site.Files.ContainsKey("2023/kgj.html"));
    }

    [Fact]
    public async Task Preparing_the_site_after_a_publication_whose_root_is_missing_lists_the_published_years()
    {
        await AssembledAsync();
        await PublishAsync();
        _world.Site.Files.TryRemove("index.html", out _);

        await _world.Publisher.PrepareSiteAsync();

        Assert.Equal("root: 2023", _world.Site.Text("index.html"));
    }

    [Fact]
    public async Task A_report_without_an_assembled_pdf_cannot_be_published()
    {
        await _world.CompleteReportAsync();   // v1 queued, not made yet
        var refused = await Assert.ThrowsAsync<ReportingException>(() => PublishAsync());
        Assert.Equal(ProblemKind.Conflict, refused.Kind);
        Assert.Equal(Refusal.Of(RefusalCode.NotYetAssembled, 2023, "魏都区科学技术和工业信息化局"), refused.Refusal);
        Assert.Empty(_world.Site.Files);
    }

    [Fact]
    public async Task Publishing_copies_the_newest_pdf_writes_its_page_and_the_indexes_and_audits_the_comment()
    {
        await AssembledAsync();
        var outcome = await PublishAsync();

        Assert.True(outcome.Changed);
        var published = Assert.Single(outcome.Publication.Events);
        Assert.Equal((PublicationEventKind.Published, 1, "office", Comment, true),
            (published.Kind, published.Version, published.ById, published.Text, published.ConfidentialityReviewed));
        var stored = _world.Pdfs.Blobs[ReportAssembler.BlobName(new ReportKey(2023, "kgj"), 1)].Pdf.Content;
        Assert.Equal(stored, _world.Site.Files["2023/kgj.pdf"].Content);
        Assert.Equal("application/pdf", _world.Site.Files["2023/kgj.pdf"].ContentType);
        var ofd = _world.Pdfs.Blobs["reports/2023/kgj/2023-kgj-v1.ofd"].Pdf.Content;
        Assert.Equal((ofd, "application/ofd"), (_world.Site.Files["2023/kgj.ofd"].Content, _world.Site.Files["2023/kgj.ofd"].ContentType));
        var page = _world.Site.Text("2023/kgj.html");
        Assert.StartsWith("report kgj v1 with ofd", page);
        Assert.Contains("duty 的正文。", page);
        Assert.Equal("year 2023: kgj-v1", _world.Site.Text("2023/index.html"));
        Assert.Equal("root: 2023", _world.Site.Text("index.html"));
        var audit = Assert.Single(_world.Audit.Entries, e => e.Action == "report.published");
        Assert.Contains(Comment, audit.Detail);
        Assert.Equal("office", audit.Actor.Id);
    }

    [Fact]
    public async Task A_pdf_stored_before_ofds_were_written_is_published_without_an_ofd_and_its_page_offers_none()
    {
        await AssembledAsync();
        _world.Pdfs.Blobs.TryRemove("reports/2023/kgj/2023-kgj-v1.ofd", out _);

        await PublishAsync();

        Assert.Contains("2023/kgj.pdf", _world.Site.Files.Keys);
        Assert.DoesNotContain("2023/kgj.ofd", _world.Site.Files.Keys);
        Assert.StartsWith("report kgj v1 at", _world.Site.Text("2023/kgj.html"));
    }

    [Fact]
    public async Task A_repeated_publish_records_nothing_new_and_repairs_a_missing_public_copy()
    {
        await AssembledAsync();
        await PublishAsync();
        _world.Site.Files.Clear();

        var again = await PublishAsync();

        Assert.False(again.Changed);
        Assert.Single(again.Publication.Events);
        Assert.Equal(["2023/index.html", "2023/kgj.html", "2023/kgj.ofd", "2023/kgj.pdf", "404.html", "index.html"],
            _world.Site.Files.Keys.Order(StringComparer.Ordinal));
        Assert.Equal($"not found, see {new Uri(_world.Site.BaseAddress, "index.html")}", _world.Site.Text("404.html"));
        Assert.Single(_world.Audit.Entries, e => e.Action == "report.published");
    }

    [Fact]
    public async Task A_crash_after_the_record_leaves_no_public_file_and_the_next_publish_writes_the_copy()
    {
        await AssembledAsync();
        _world.Site.FailNextPuts = 1;
        await Assert.ThrowsAsync<IOException>(() => PublishAsync());
        Assert.True((await _world.Publications.GetAsync(new ReportKey(2023, "kgj"))).IsPublished);
        Assert.Empty(_world.Site.Files);

        var repaired = await PublishAsync();
        Assert.False(repaired.Changed);
        Assert.Contains("2023/kgj.pdf", _world.Site.Files.Keys);
        Assert.Equal("year 2023: kgj-v1", _world.Site.Text("2023/index.html"));
    }

    [Fact]
    public async Task A_newer_pdf_is_published_as_a_new_step()
    {
        await AssembledAsync();
        await PublishAsync();
        await SecondPdfAsync();

        var outcome = await PublishAsync(version: 2);

        Assert.True(outcome.Changed);
        Assert.Equal([1, 2], outcome.Publication.Events.Select(e => e.Version!.Value));
        Assert.Contains("duty 的第二稿", _world.Site.Text("2023/kgj.html"));
        Assert.Equal("year 2023: kgj-v2", _world.Site.Text("2023/index.html"));
    }

    [Fact]
    public async Task Withdrawal_removes_the_files_and_the_index_entry_keeps_the_record_and_allows_a_later_publish()
    {
        await AssembledAsync();
        await PublishAsync();

        var blank = await Assert.ThrowsAsync<ReportingException>(() => WithdrawAsync(Office, "kgj", " "));
        Assert.True(blank.Errors.ContainsKey("reason"));
        Assert.Contains("2023/kgj.html", _world.Site.Files.Keys);

        var withdrawn = await WithdrawAsync(Office, "kgj", "发现一处需要保密的内容");

        Assert.True(withdrawn.Changed);
        Assert.Equal([PublicationEventKind.Published, PublicationEventKind.Withdrawn], withdrawn.Publication.Events.Select(e => e.Kind));
        Assert.Equal("发现一处需要保密的内容", withdrawn.Publication.Last!.Text);
        Assert.DoesNotContain("2023/kgj.html", _world.Site.Files.Keys);
        Assert.DoesNotContain("2023/kgj.pdf", _world.Site.Files.Keys);
        Assert.DoesNotContain("2023/kgj.ofd", _world.Site.Files.Keys);
        Assert.Equal("year 2023: ", _world.Site.Text("2023/index.html"));
        Assert.Equal("root: ", _world.Site.Text("index.html"));
        Assert.Contains(_world.Audit.Entries, e => e.Action == "report.withdrawn" && e.Detail.Contains("发现一处需要保密的内容"));
        Assert.False((await WithdrawAsync(Office, "kgj", "再次撤回")).Changed);

        var again = await PublishAsync();
        Assert.True(again.Changed);
        Assert.Equal(3, again.Publication.Events.Count);
        Assert.Contains("2023/kgj.html", _world.Site.Files.Keys);
    }

    [Fact]
    public async Task Withdrawing_a_report_never_published_is_a_conflict()
    {
        var refused = await Assert.ThrowsAsync<ReportingException>(() => WithdrawAsync(Office, "kgj", "无"));
        Assert.Equal(ProblemKind.Conflict, refused.Kind);
    }

    [Fact]
    public async Task Publishing_the_year_publishes_every_assembled_report_but_leaves_a_withdrawn_one_withdrawn()
    {
        await AssembledAsync("kgj");
        await AssembledAsync("sfj");
        await PublishAsync("sfj");
        await WithdrawAsync(Office, "sfj", "待修改");

        var outcomes = await PublishYearAsync(true, ("kgj", 1));

        Assert.Equal(["kgj"], outcomes.Select(o => o.Publication.Key.Department));
        Assert.Equal("year 2023: kgj-v1", _world.Site.Text("2023/index.html"));
        Assert.DoesNotContain("2023/sfj.html", _world.Site.Files.Keys);
        var refused = await Assert.ThrowsAsync<ReportingException>(() => PublishYearAsync(false, ("kgj", 1)));
        Assert.Equal(ProblemKind.Validation, refused.Kind);
    }

    private async Task SecondPdfAsync(string department = "kgj")
    {
        var draft = await _world.SubmitAsync("duty", "duty 的第二稿。", department: department);
        await _world.DecideAsync("duty", draft.Version, department: department);
        await _world.Assembler.AssembleAsync(new AssemblyMessage(2023, department, 2));
    }

    [Fact]
    public async Task A_publish_of_the_reviewed_version_is_refused_when_a_newer_pdf_was_made_since_and_nothing_goes_public()
    {
        await AssembledAsync();
        await SecondPdfAsync();   // made after the reviewer opened the form on version 1

        var refused = await Assert.ThrowsAsync<ReportingException>(() => PublishAsync(version: 1));

        Assert.Equal(ProblemKind.Conflict, refused.Kind);
        Assert.Equal(Refusal.Of(RefusalCode.ReviewedVersionStale, new VersionMismatch("魏都区科学技术和工业信息化局", 1, 2), 2), refused.Refusal);
        Assert.Empty(_world.Site.Files);
        Assert.Empty((await _world.Publications.GetAsync(new ReportKey(2023, "kgj"))).Events);
        var future = await Assert.ThrowsAsync<ReportingException>(() => PublishAsync(version: 3));
        Assert.Equal(new VersionMismatch("魏都区科学技术和工业信息化局", 3, 2), future.Refusal.Args[0]);

        var published = await PublishAsync(version: 2);
        var step = Assert.Single(published.Publication.Events);
        Assert.Equal((2, "office", Comment), (step.Version, step.ById, step.Text));
        Assert.Contains("duty 的第二稿", _world.Site.Text("2023/kgj.html"));
    }

    [Fact]
    public async Task Publishing_the_year_refuses_the_whole_batch_naming_every_report_whose_version_differs_from_the_reviewed_list()
    {
        await AssembledAsync("kgj");
        await AssembledAsync("sfj");
        await SecondPdfAsync("kgj");

        var refused = await Assert.ThrowsAsync<ReportingException>(() => PublishYearAsync(true, ("kgj", 1)));

        Assert.Equal(ProblemKind.Conflict, refused.Kind);
        Assert.Equal(RefusalCode.ReviewedVersionsStale, refused.Refusal.Code);
        Assert.Equal([new VersionMismatch("魏都区科学技术和工业信息化局", 1, 2), new VersionMismatch("魏都区司法局", null, 1)],
            (IEnumerable<VersionMismatch>)refused.Refusal.Args[0]!);
        Assert.Empty(_world.Site.Files);
        Assert.Empty(await _world.Publications.ListYearAsync(2023));

        var outcomes = await PublishYearAsync(true, ("sfj", 1), ("kgj", 2));
        Assert.Equal([("kgj", 2), ("sfj", 1)], outcomes.Select(o => (o.Publication.Key.Department, o.Publication.Current!.Version!.Value)).Order());
    }

    [Fact]
    public async Task A_withdrawal_landing_while_the_publish_is_still_copying_leaves_no_public_file_behind()
    {
        await AssembledAsync();
        var withdrawn = false;
        _world.Site.BeforePut = async path =>
        {
            // The publish's record is saved and its PDF is on its way: the withdrawal runs to its end right now.
            if (path != "2023/kgj.pdf" || withdrawn) return;
            withdrawn = true;
            await WithdrawAsync(Office, "kgj", "需要删改");
        };

        await PublishAsync();

        Assert.True(withdrawn);
        Assert.True((await _world.Publications.GetAsync(new ReportKey(2023, "kgj"))).IsWithdrawn);
        Assert.DoesNotContain("2023/kgj.pdf", _world.Site.Files.Keys);
        Assert.DoesNotContain("2023/kgj.html", _world.Site.Files.Keys);
        Assert.Equal("year 2023: ", _world.Site.Text("2023/index.html"));
    }

    [Fact]
    public async Task A_publish_landing_while_a_withdrawal_is_still_deleting_ends_published_with_its_files()
    {
        await AssembledAsync();
        await PublishAsync();
        var republished = false;
        _world.Site.BeforeDelete = async path =>
        {
            // The withdrawal's record is saved and its deletes are on their way: a new publish runs to its end right now.
            if (path != "2023/kgj.html" || republished) return;
            republished = true;
            await PublishAsync();
        };

        await WithdrawAsync(Office, "kgj", "需要删改");

        Assert.True(republished);
        var record = await _world.Publications.GetAsync(new ReportKey(2023, "kgj"));
        Assert.Equal((true, 3), (record.IsPublished, record.Sequence));
        Assert.Contains("2023/kgj.pdf", _world.Site.Files.Keys);
        Assert.Equal("3", _world.Site.Files["2023/kgj.html"].Stamp);
        Assert.Equal("year 2023: kgj-v1", _world.Site.Text("2023/index.html"));
    }

    [Fact]
    public async Task The_next_touch_of_the_year_removes_files_a_crashed_withdrawal_left_and_rewrites_a_copy_written_for_an_older_step()
    {
        await AssembledAsync("kgj");
        await AssembledAsync("sfj");
        await PublishAsync("kgj");
        await PublishAsync("sfj");
        var leftOver = _world.Site.Files["2023/kgj.ofd"];
        await WithdrawAsync(Office, "kgj", "需要删改");
        _world.Site.Files["2023/kgj.ofd"] = leftOver;   // as a withdrawal that crashed between its record and the last delete leaves it
        _world.Site.Files["2023/sfj.html"] = (System.Text.Encoding.UTF8.GetBytes("stale"), "text/html", "0");

        await PublishAsync("sfj");   // a repeat: no new step, but it touches the year

        Assert.DoesNotContain("2023/kgj.ofd", _world.Site.Files.Keys);
        Assert.StartsWith("report sfj v1", _world.Site.Text("2023/sfj.html"));
        Assert.Equal("year 2023: sfj-v1", _world.Site.Text("2023/index.html"));
    }
}
