using Reporting.Core.Errors;
using Reporting.Core.Queues;
using Reporting.Core.YearEnd;
using Xunit;

namespace Reporting.Core.Tests;

/// <summary>立即汇编 through the queue: queued once per form id, compiled once however often its message comes, a dead worker taken over.</summary>
public sealed class QueuedYearEndTests
{
    private readonly TestWorld _world = new();

    [Fact]
    public async Task A_repeated_request_with_the_same_id_is_the_same_run_and_a_finished_run_s_message_compiles_nothing_again()
    {
        await _world.CompleteReportAsync();

        var first = await _world.QueuedYearEnd.RequestAsync(2023, "a1b2c3d4", TestWorld.Office);
        var again = await _world.QueuedYearEnd.RequestAsync(2023, "a1b2c3d4", TestWorld.Office);
        var done = await _world.QueuedYearEnd.RunAsync(new YearEndMessage(2023, "a1b2c3d4"));
        var duplicate = await _world.QueuedYearEnd.RunAsync(new YearEndMessage(2023, "a1b2c3d4"));

        Assert.Equal((YearEndState.Queued, first.RequestedAt), (again.State, again.RequestedAt));
        Assert.Equal((YearEndState.Done, "created", 1, 1), (done!.State, done.Outcome, done.VolumeVersion, done.Attempts));
        Assert.Null(duplicate);
        Assert.Single((await _world.Ledgers.GetAsync(2023)).Volumes);
    }

    [Fact]
    public async Task A_message_while_another_worker_holds_the_run_compiles_nothing_and_looks_again_later()
    {
        await _world.CompleteReportAsync();
        var request = await _world.QueuedYearEnd.RequestAsync(2023, "a1b2c3d4", TestWorld.Office);
        var now = _world.Clock.GetUtcNow();
        Assert.NotNull(await _world.YearEndRequests.TrySaveAsync(request with { State = YearEndState.Running, StartedAt = now, HeldAt = now }));
        var queued = _world.Queue.YearEnds.Count;

        var result = await _world.QueuedYearEnd.RunAsync(new YearEndMessage(2023, "a1b2c3d4"));

        Assert.Null(result);
        Assert.Empty((await _world.Ledgers.GetAsync(2023)).Volumes);
        var relook = _world.Queue.YearEnds.Skip(queued).Single();
        Assert.Equal(new YearEndMessage(2023, "a1b2c3d4"), relook.Message);
        Assert.True(relook.Delay > TimeSpan.Zero, $"looks again after {relook.Delay}");
    }

    [Fact]
    public async Task A_run_whose_worker_stopped_renewing_its_hold_is_taken_over_and_compiled()
    {
        await _world.CompleteReportAsync();
        var request = await _world.QueuedYearEnd.RequestAsync(2023, "a1b2c3d4", TestWorld.Office);
        var then = _world.Clock.GetUtcNow();
        Assert.NotNull(await _world.YearEndRequests.TrySaveAsync(request with { State = YearEndState.Running, StartedAt = then, HeldAt = then, Attempts = 1 }));
        _world.Clock.Advance(_world.Options.YearEndClaimLifetime + TimeSpan.FromSeconds(1));

        var done = await _world.QueuedYearEnd.RunAsync(new YearEndMessage(2023, "a1b2c3d4"));

        Assert.Equal((YearEndState.Done, 2), (done!.State, done.Attempts));
        Assert.Single((await _world.Ledgers.GetAsync(2023)).Volumes);
    }

    [Fact]
    public async Task A_failing_run_goes_back_to_the_queue_and_is_marked_failed_once_its_attempts_are_spent()
    {
        await _world.CompleteReportAsync();
        await _world.QueuedYearEnd.RequestAsync(2023, "a1b2c3d4", TestWorld.Office);
        _world.Typesetter.WhileTypesettingVolume = () => throw new IOException("disk full");
        var message = new YearEndMessage(2023, "a1b2c3d4");

        await Assert.ThrowsAsync<IOException>(() => _world.QueuedYearEnd.RunAsync(message));
        var afterFirst = await _world.YearEndRequests.GetAsync(2023, "a1b2c3d4");
        for (var attempt = 2; attempt <= QueuedYearEnd.MaxAttempts; attempt++)
        {
            // Each retry comes once the volume's claim has lapsed, as the queue's next delivery would.
            _world.Clock.Advance(_world.Options.YearEndClaimLifetime + TimeSpan.FromSeconds(1));
            await Assert.ThrowsAsync<IOException>(() => _world.QueuedYearEnd.RunAsync(message));
        }
        var spent = await _world.YearEndRequests.GetAsync(2023, "a1b2c3d4");

        Assert.Equal((YearEndState.Queued, 1, "IOException: disk full"), (afterFirst!.State, afterFirst.Attempts, afterFirst.Error));
        Assert.Equal((YearEndState.Failed, QueuedYearEnd.MaxAttempts), (spent!.State, spent.Attempts));
        Assert.NotNull(spent.FinishedAt);
        Assert.Null(await _world.QueuedYearEnd.RunAsync(message));
    }

    [Fact]
    public async Task A_run_that_finds_the_volume_claimed_by_another_run_waits_in_the_queue_and_then_compiles()
    {
        await _world.CompleteReportAsync();
        await _world.QueuedYearEnd.RequestAsync(2023, "a1b2c3d4", TestWorld.Office);
        var message = new YearEndMessage(2023, "a1b2c3d4");
        // A run that died mid-way holds the volume's claim until it lapses.
        _world.Typesetter.WhileTypesettingVolume = () => throw new IOException("the worker died");
        await Assert.ThrowsAsync<IOException>(() => _world.YearEnd.RunAsync(2023, Core.Access.Caller.System));
        _world.Typesetter.WhileTypesettingVolume = null;
        var queued = _world.Queue.YearEnds.Count;

        var waiting = await _world.QueuedYearEnd.RunAsync(message);
        _world.Clock.Advance(_world.Options.YearEndClaimLifetime + TimeSpan.FromSeconds(1));
        var done = await _world.QueuedYearEnd.RunAsync(message);

        Assert.Equal((YearEndState.Queued, 0), (waiting!.State, waiting.Attempts));
        Assert.True(_world.Queue.YearEnds.Skip(queued).Single().Delay > TimeSpan.Zero);
        Assert.Equal((YearEndState.Done, "created", 1), (done!.State, done.Outcome, done.VolumeVersion));
    }

    [Fact]
    public async Task Only_the_district_office_may_compile_and_a_malformed_id_is_refused()
    {
        var forbidden = await Assert.ThrowsAsync<ReportingException>(() => _world.QueuedYearEnd.RequestAsync(2023, "a1b2c3d4", TestWorld.Author()));
        var malformed = await Assert.ThrowsAsync<ReportingException>(() => _world.QueuedYearEnd.RequestAsync(2023, "a1b2-c3d4", TestWorld.Office));

        Assert.Equal((ProblemKind.Forbidden, ProblemKind.Validation), (forbidden.Kind, malformed.Kind));
        Assert.Empty(_world.Queue.YearEnds);
    }
}
