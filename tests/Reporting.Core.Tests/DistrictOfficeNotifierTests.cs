using Reporting.Core.Abstractions;
using Reporting.Core.Reports;
using Reporting.Core.Workflow;
using Xunit;

namespace Reporting.Core.Tests;

public class DistrictOfficeNotifierTests
{
    private static readonly ReportKey Key = new(2023, "kgj");
    private static readonly NotificationMessage Message = new(2023, "kgj", 1);
    private readonly TestWorld _world = new();

    private async Task AssembleAsync()
    {
        await _world.CompleteReportAsync();
        await _world.Assembler.AssembleAsync(new AssemblyMessage(2023, "kgj", 1));
    }

    [Fact]
    public async Task The_district_office_is_told_once_with_department_year_version_pages_and_link()
    {
        await AssembleAsync();
        var outbox = new InMemoryOutbox(_world.Clock);

        Assert.True(await _world.Notifier(outbox).NotifyAsync(Message));

        var notice = Assert.Single(_world.Sender.Sent);
        Assert.Equal(("2023-kgj-v1", "fzb@weidu.example.gov.cn"), (notice.Key, notice.To));
        Assert.Equal("【法治政府建设报告】魏都区科学技术和工业信息化局2023年度报告已生成（第1版）", notice.Subject);
        Assert.Contains("部门：魏都区科学技术和工业信息化局（kgj）", notice.Text);
        Assert.Contains("页数：3 页", notice.Text);
        Assert.Contains(notice.DownloadLink.ToString(), notice.Text);
        Assert.Equal(new Uri("https://pdfs.test/reports/2023/kgj/2023-kgj-v1.pdf?lifetime=604800"), notice.DownloadLink);
        Assert.Equal(_world.Clock.Now + TimeSpan.FromDays(7), notice.LinkExpiresAt);
        Assert.Equal(_world.Clock.Now, (await _world.Reports.GetAsync(Key)).FindVersion(1)!.NotifiedAt);
        Assert.Equal("email", (await outbox.FindAsync("2023-kgj-v1"))!.Channels);
    }

    [Fact]
    public async Task A_repeated_message_sends_nothing_more()
    {
        await AssembleAsync();
        var outbox = new InMemoryOutbox(_world.Clock);
        await _world.Notifier(outbox).NotifyAsync(Message);
        var notifiedAt = _world.Clock.Now;
        _world.Clock.Advance(TimeSpan.FromHours(1));

        Assert.False(await _world.Notifier(outbox).NotifyAsync(Message));

        Assert.Single(_world.Sender.Sent);
        Assert.Equal(notifiedAt, (await _world.Reports.GetAsync(Key)).FindVersion(1)!.NotifiedAt);
    }

    [Fact]
    public async Task While_another_worker_holds_a_live_claim_the_message_fails_so_it_is_retried()
    {
        await AssembleAsync();
        var outbox = new InMemoryOutbox(_world.Clock);
        Assert.NotNull(await outbox.TryClaimAsync("2023-kgj-v1", TimeSpan.FromMinutes(2)));

        await Assert.ThrowsAsync<DeliveryInProgressException>(() => _world.Notifier(outbox).NotifyAsync(Message));
        Assert.Empty(_world.Sender.Sent);

        _world.Clock.Advance(TimeSpan.FromMinutes(3));
        Assert.True(await _world.Notifier(outbox).NotifyAsync(Message));
        Assert.Single(_world.Sender.Sent);
    }

    [Fact]
    public async Task After_a_failed_send_the_retry_seconds_later_sends_instead_of_waiting_out_the_claim()
    {
        await AssembleAsync();
        var outbox = new InMemoryOutbox(_world.Clock);
        _world.Sender.FailNext = 1;

        await Assert.ThrowsAsync<IOException>(() => _world.Notifier(outbox).NotifyAsync(Message));
        // The queue hands the message back after its visibility timeout (host.json: 5 s), long before a claim lapses.
        _world.Clock.Advance(TimeSpan.FromSeconds(5));

        Assert.True(await _world.Notifier(outbox).NotifyAsync(Message));
        Assert.Single(_world.Sender.Sent);
        Assert.NotNull((await outbox.FindAsync("2023-kgj-v1"))!.SentAt);
    }

    [Fact]
    public async Task A_link_lifetime_over_seven_days_is_cut_to_seven()
    {
        await AssembleAsync();
        _world.Options.NotificationLinkLifetime = TimeSpan.FromDays(30);

        await _world.Notifier().NotifyAsync(Message);

        Assert.Equal(_world.Clock.Now + TimeSpan.FromDays(7), Assert.Single(_world.Sender.Sent).LinkExpiresAt);
    }

    [Fact]
    public async Task A_version_not_yet_assembled_is_not_notified()
    {
        await _world.CompleteReportAsync();

        await Assert.ThrowsAsync<InvalidOperationException>(() => _world.Notifier().NotifyAsync(Message));
        Assert.Empty(_world.Sender.Sent);
    }
}
