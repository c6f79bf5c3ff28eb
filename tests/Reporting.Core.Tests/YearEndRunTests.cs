using Reporting.Core.Access;
using Reporting.Core.Documents;
using Reporting.Core.Notices;
using Reporting.Core.Queues;
using Reporting.Core.YearEnd;
using Reporting.Typesetting;
using Xunit;

namespace Reporting.Core.Tests;

public class YearEndRunTests
{
    private readonly TestWorld _world = new();

    /// <summary>A run that stored volume 1 and then failed to send its notice (the mail server was down).</summary>
    private async Task StoredButUntoldAsync()
    {
        await _world.CompleteReportAsync("kgj");
        _world.Sender.FailNext = 1;
        var result = await _world.YearEnd.RunAsync(2023, Caller.System);
        Assert.Equal(("created", 1), (result.Outcome, result.VolumeVersion));
        var volume = (await _world.Ledgers.GetAsync(2023)).Find(1)!;
        Assert.True(volume.IsStored);
        Assert.Null(volume.NotifiedAt);
        // The failure is recorded and its retry scheduled on the notification queue, as a volume notice.
        Assert.Equal((new NotificationMessage.VolumeReady(2023, 1), TimeSpan.FromSeconds(10)), Assert.Single(_world.Queue.Scheduled));
    }

    [Fact]
    public async Task The_volume_lists_each_missing_departments_parts_with_their_status_words_and_names_its_compiler()
    {
        await _world.CompleteReportAsync("kgj");
        await _world.SubmitAsync("duty", department: "czj");
        await _world.DecideAsync("duty", 1, department: "czj");
        await _world.SubmitAsync("measures", department: "czj");
        await _world.SubmitAsync("shortcomings", department: "czj");
        await _world.DecideAsync("shortcomings", 1, "reject", department: "czj");

        await _world.YearEnd.RunAsync(2023, Caller.System);

        var volume = Assert.Single(_world.Typesetter.Volumes);
        var czj = volume.Missing.Single(m => m.DepartmentCode == "czj");
        Assert.Equal(
            [("开头部分", PartStatus.NotSubmitted), ("第一部分", PartStatus.Approved), ("第二部分", PartStatus.AwaitingReview),
                ("第三部分", PartStatus.Rejected), ("第四部分", PartStatus.NotSubmitted)],
            czj.Parts.Select(p => (DocumentWords.PartShortName(p.Part), p.Status)));
        Assert.Equal(("魏都区法治政府建设领导小组办公室", new DateOnly(2024, 1, 5)), (volume.CompilerName, volume.CompiledDate));
    }

    [Fact]
    public async Task The_first_run_assembles_due_reports_and_makes_volume_1_with_who_is_complete_and_who_is_missing()
    {
        await _world.CompleteReportAsync("kgj");
        await _world.Assembler.AssembleAsync(new AssemblyMessage(2023, "kgj", 1));
        await _world.CompleteReportAsync("sfj"); // queued but never assembled: the run must do it
        await _world.SubmitAsync("duty", department: "czj");
        await _world.DecideAsync("duty", 1, department: "czj");

        var result = await _world.YearEnd.RunAsync(2023, Caller.System);

        Assert.Equal(("created", 1, 4), (result.Outcome, result.VolumeVersion, result.PageCount));
        Assert.Equal(["sfj"], result.AssembledNow);
        Assert.Equal(["kgj", "sfj"], result.Complete.Order());
        Assert.Equal(22, result.Missing.Count);
        Assert.Equal(["preamble", "measures", "shortcomings", "plans"], result.Missing["czj"]);
        Assert.Equal(5, result.Missing["bgs"].Length);
        var volume = Assert.Single(_world.Typesetter.Volumes);
        Assert.Equal("魏都区2023年度法治政府建设情况报告汇编", volume.Title);
        Assert.Equal(["kgj", "sfj"], volume.Reports.Select(r => r.DepartmentCode).Order());
        Assert.True(_world.Pdfs.Blobs.ContainsKey("reports/2023/volume/2023-volume-v1.pdf"));
        var notice = Assert.Single(_world.Sender.Sent);
        Assert.Equal("2023-volume-v1", notice.Key);
        var contents = Assert.IsType<Notices.Notice.VolumeReady>(notice.Fact).Contents;
        Assert.Equal((2, 22), (contents.Complete.Count, contents.Missing.Count));
        Assert.Equal(["preamble", "measures", "shortcomings", "plans"], contents.Missing["czj"]);
        Assert.NotNull((await _world.Ledgers.GetAsync(2023)).Find(1)!.NotifiedAt);
    }

    [Fact]
    public async Task A_second_run_without_changes_makes_and_sends_nothing_and_a_late_approval_makes_volume_2()
    {
        await _world.CompleteReportAsync("kgj");
        await _world.YearEnd.RunAsync(2023, Caller.System);
        _world.Clock.Advance(TimeSpan.FromDays(1));

        var again = await _world.YearEnd.RunAsync(2023, Caller.System);
        Assert.Equal(("unchanged", 1), (again.Outcome, again.VolumeVersion));
        Assert.Single(_world.Typesetter.Volumes);
        Assert.Single(_world.Sender.Sent);

        await _world.CompleteReportAsync("sfj");
        var later = await _world.YearEnd.RunAsync(2023, Caller.System);
        Assert.Equal(("created", 2), (later.Outcome, later.VolumeVersion));
        Assert.Equal(["2023-volume-v1", "2023-volume-v2"], _world.Sender.Sent.Select(n => n.Key));
    }

    [Fact]
    public async Task A_run_after_one_that_stored_its_volume_but_died_before_telling_sends_the_notice_only()
    {
        await StoredButUntoldAsync();
        _world.Clock.Advance(TimeSpan.FromSeconds(30));

        var retry = await _world.YearEnd.RunAsync(2023, Caller.System);

        Assert.Equal(("notified", 1), (retry.Outcome, retry.VolumeVersion));
        Assert.Single(_world.Typesetter.Volumes);
        Assert.Equal("2023-volume-v1", Assert.Single(_world.Sender.Sent).Key);
    }

    [Fact]
    public async Task A_run_while_another_run_is_sending_the_stored_volumes_notice_reports_in_progress_instead_of_failing()
    {
        await StoredButUntoldAsync();
        _world.Clock.Advance(TimeSpan.FromSeconds(30));
        // Another run has decided to send the stored volume's notice and is sending it now.
        var entry = _world.Outbox.Find(YearEndRun.OutboxKey(2023, 1), "email")!;
        Assert.NotNull(await _world.Outbox.TrySaveAsync(entry with { ClaimedAt = _world.Clock.Now }));

        var result = await _world.YearEnd.RunAsync(2023, Caller.System);

        Assert.Equal(("in-progress", 1), (result.Outcome, result.VolumeVersion));
        Assert.Empty(_world.Sender.Sent);
        Assert.Null((await _world.Ledgers.GetAsync(2023)).Find(1)!.NotifiedAt);
    }

    [Fact]
    public async Task The_scheduled_retry_of_a_volume_notice_sends_it_once_due_and_stamps_the_ledger()
    {
        await StoredButUntoldAsync();

        Assert.False((await _world.YearEnd.NotifyVolumeAsync(2023, 1))!.Delivered); // a duplicate during the backoff
        _world.Clock.Advance(TimeSpan.FromSeconds(10));
        var retried = await _world.YearEnd.NotifyVolumeAsync(2023, 1);

        Assert.Equal(["email"], retried!.SentNow);
        Assert.Equal("2023-volume-v1", Assert.Single(_world.Sender.Sent).Key);
        Assert.Equal(_world.Clock.Now, (await _world.Ledgers.GetAsync(2023)).Find(1)!.NotifiedAt);
        Assert.Null(await _world.YearEnd.NotifyVolumeAsync(2023, 7));
    }

    [Theory]
    [InlineData("2024-01-01T00:30:00+08:00", 2023)]
    [InlineData("2023-12-31T16:30:00+00:00", 2023)] // already 1 January 2024 in Beijing
    [InlineData("2023-12-31T15:30:00+00:00", 2022)]
    public void The_year_just_ended_is_reckoned_in_china_time(string now, int year)
    {
        Assert.Equal(year, _world.YearEnd.YearJustEnded(DateTimeOffset.Parse(now)));
    }

    [Fact]
    public async Task The_timer_s_run_records_the_volume_as_made_by_the_system_and_an_office_run_by_the_person()
    {
        await _world.CompleteReportAsync("kgj");
        await _world.YearEnd.RunAsync(2023, Caller.System);
        await _world.CompleteReportAsync("sfj");
        await _world.YearEnd.RunAsync(2023, new Caller("office", "区法治办工作人员"));

        var made = _world.Audit.Entries.Where(e => e.Report == "2023/volume" && e.Action == "volume.created")
            .Select(e => (e.Actor.Id, e.Actor.Name, e.Detail[..2]));
        Assert.Equal([("system", "system", "v1"), ("office", "区法治办工作人员", "v2")], made);
    }
}
