using Reporting.Core.Abstractions;
using Reporting.Core.Errors;
using Reporting.Core.Publication;
using Reporting.Core.Reports;
using Reporting.Core.Workflow;
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

    private Task<PublishOutcome> PublishAsync(string department = "kgj", Caller? caller = null, bool reviewed = true, string? comment = Comment) =>
        _world.Publisher.PublishAsync(caller ?? Office, "2023", department, reviewed, comment);

    [Fact]
    public async Task Only_the_district_office_may_publish_or_withdraw()
    {
        await AssembledAsync();
        foreach (var caller in new[] { TestWorld.Author(), TestWorld.Approver() })
        {
            var refused = await Assert.ThrowsAsync<ReportingException>(() => PublishAsync(caller: caller));
            Assert.Equal(ProblemKind.Forbidden, refused.Kind);
            Assert.Contains("区法治办", refused.Detail);
            var withdraw = await Assert.ThrowsAsync<ReportingException>(() => _world.Publisher.WithdrawAsync(caller, "2023", "kgj", "有误"));
            Assert.Equal(ProblemKind.Forbidden, withdraw.Kind);
        }
        Assert.Empty(_world.Site.Files);
        Assert.Empty((await _world.Publications.GetAsync(new ReportKey(2023, "kgj"))).Events);

        var admin = await _world.Publisher.PublishAsync(new Caller("office-admin", "区法治办管理员"), "2023", "kgj", true, Comment);
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
    public async Task A_report_without_an_assembled_pdf_cannot_be_published()
    {
        await _world.CompleteReportAsync();   // v1 queued, not made yet
        var refused = await Assert.ThrowsAsync<ReportingException>(() => PublishAsync());
        Assert.Equal(ProblemKind.Conflict, refused.Kind);
        Assert.Contains("尚未生成 PDF", refused.Detail);
        Assert.Empty(_world.Site.Files);
    }

    [Fact]
    public async Task Publishing_copies_the_newest_pdf_writes_its_page_and_the_indexes_and_audits_the_comment()
    {
        await AssembledAsync();
        var outcome = await PublishAsync();

        Assert.True(outcome.Changed);
        var published = Assert.Single(outcome.Publication.Events);
        Assert.Equal((PublicationEventKind.Published, 1, "office", Comment, true), (published.Kind, published.Version, published.ById, published.Text, published.ConfidentialityReviewed));
        var stored = _world.Pdfs.Blobs[ReportAssembler.BlobName(new ReportKey(2023, "kgj"), 1)].Pdf.Content;
        Assert.Equal(stored, _world.Site.Files["2023/kgj.pdf"].Content);
        Assert.Equal("application/pdf", _world.Site.Files["2023/kgj.pdf"].ContentType);
        var page = _world.Site.Text("2023/kgj.html");
        Assert.StartsWith("report kgj v1", page);
        Assert.Contains("duty 的正文。", page);
        Assert.Equal("year 2023: kgj-v1", _world.Site.Text("2023/index.html"));
        Assert.Equal("root: 2023", _world.Site.Text("index.html"));
        var audit = Assert.Single(_world.Audit.Entries, e => e.Action == "report.published");
        Assert.Contains(Comment, audit.Detail);
        Assert.Equal("office", audit.Actor.Id);
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
        Assert.Equal(["2023/index.html", "2023/kgj.html", "2023/kgj.pdf", "404.html", "index.html"], _world.Site.Files.Keys.Order(StringComparer.Ordinal));
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
        var draft = await _world.SubmitAsync("duty", "duty 的第二稿。");
        await _world.DecideAsync("duty", draft.Version);
        await _world.Assembler.AssembleAsync(new AssemblyMessage(2023, "kgj", 2));

        var outcome = await PublishAsync();

        Assert.True(outcome.Changed);
        Assert.Equal([1, 2], outcome.Publication.Events.Select(e => e.Version!.Value));
        Assert.Contains("duty 的第二稿。", _world.Site.Text("2023/kgj.html"));
        Assert.Equal("year 2023: kgj-v2", _world.Site.Text("2023/index.html"));
    }

    [Fact]
    public async Task Withdrawal_removes_the_files_and_the_index_entry_keeps_the_record_and_allows_a_later_publish()
    {
        await AssembledAsync();
        await PublishAsync();

        var blank = await Assert.ThrowsAsync<ReportingException>(() => _world.Publisher.WithdrawAsync(Office, "2023", "kgj", " "));
        Assert.True(blank.Errors.ContainsKey("reason"));
        Assert.Contains("2023/kgj.html", _world.Site.Files.Keys);

        var withdrawn = await _world.Publisher.WithdrawAsync(Office, "2023", "kgj", "发现一处需要保密的内容");

        Assert.True(withdrawn.Changed);
        Assert.Equal([PublicationEventKind.Published, PublicationEventKind.Withdrawn], withdrawn.Publication.Events.Select(e => e.Kind));
        Assert.Equal("发现一处需要保密的内容", withdrawn.Publication.Last!.Text);
        Assert.DoesNotContain("2023/kgj.html", _world.Site.Files.Keys);
        Assert.DoesNotContain("2023/kgj.pdf", _world.Site.Files.Keys);
        Assert.Equal("year 2023: ", _world.Site.Text("2023/index.html"));
        Assert.Equal("root: ", _world.Site.Text("index.html"));
        Assert.Contains(_world.Audit.Entries, e => e.Action == "report.withdrawn" && e.Detail.Contains("发现一处需要保密的内容"));
        Assert.False((await _world.Publisher.WithdrawAsync(Office, "2023", "kgj", "再次撤回")).Changed);

        var again = await PublishAsync();
        Assert.True(again.Changed);
        Assert.Equal(3, again.Publication.Events.Count);
        Assert.Contains("2023/kgj.html", _world.Site.Files.Keys);
    }

    [Fact]
    public async Task Withdrawing_a_report_never_published_is_a_conflict()
    {
        var refused = await Assert.ThrowsAsync<ReportingException>(() => _world.Publisher.WithdrawAsync(Office, "2023", "kgj", "无"));
        Assert.Equal(ProblemKind.Conflict, refused.Kind);
    }

    [Fact]
    public async Task Publishing_the_year_publishes_every_assembled_report_but_leaves_a_withdrawn_one_withdrawn()
    {
        await AssembledAsync("kgj");
        await AssembledAsync("sfj");
        await PublishAsync("sfj");
        await _world.Publisher.WithdrawAsync(Office, "2023", "sfj", "待修改");

        var outcomes = await _world.Publisher.PublishYearAsync(Office, "2023", true, Comment);

        Assert.Equal(["kgj"], outcomes.Select(o => o.Publication.Key.Department));
        Assert.Equal("year 2023: kgj-v1", _world.Site.Text("2023/index.html"));
        Assert.DoesNotContain("2023/sfj.html", _world.Site.Files.Keys);
        var refused = await Assert.ThrowsAsync<ReportingException>(() => _world.Publisher.PublishYearAsync(Office, "2023", false, Comment));
        Assert.Equal(ProblemKind.Validation, refused.Kind);
    }
}
