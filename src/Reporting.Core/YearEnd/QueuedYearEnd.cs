using Reporting.Core.Access;
using Reporting.Core.Errors;
using Reporting.Core.Queues;

namespace Reporting.Core.YearEnd;

/// <summary>
/// 立即汇编 through the queue: <see cref="RequestAsync"/> records the run and queues its message, answering at once;
/// <see cref="RunAsync"/>, the queue's step, compiles it through <see cref="YearEndRun"/> (whose fingerprint and ledger
/// claim already make a second run of unchanged content build nothing). The step claims the request under its ETag
/// before it runs, so a duplicate message, or a second worker, finds it running or done and compiles nothing again.
/// </summary>
public class QueuedYearEnd(YearEndRun run, IYearEndRequestRepository requests, IWorkQueue queue, AccessControl access, ReportingOptions options,
    TimeProvider clock)
{
    /// <summary>Attempts before a run is given up as failed (the queue's own dequeue limit is the same).</summary>
    public const int MaxAttempts = 5;

    /// <summary>
    /// How long a worker's hold on a running request keeps other deliveries off: the year-end claim's lifetime, renewed every
    /// third of it while the run lives, so a worker that died is taken over soon after.
    /// </summary>
    private TimeSpan HoldLifetime => options.YearEndClaimLifetime;

    /// <summary>
    /// Queues the year's run under <paramref name="id"/>; a repeated post of the same id answers with the run it already
    /// queued (queued again only while it has not started: the first message may have been lost, a duplicate is harmless).
    /// </summary>
    public virtual async Task<YearEndRequest> RequestAsync(int year, string id, Caller caller, CancellationToken cancellationToken = default)
    {
        await access.DemandAsync(caller, ReportAction.DistrictYear, null, cancellationToken);
        if (!YearEndRequest.IsId(id)) throw ReportingException.Invalid("id", RefusalCode.YearEndIdMalformed);
        var request = await requests.GetAsync(year, id, cancellationToken)
            ?? await requests.TrySaveAsync(new YearEndRequest(year, id, caller.Id, caller.Name, clock.GetUtcNow()), cancellationToken)
            ?? await requests.GetAsync(year, id, cancellationToken)
            ?? throw new ConcurrencyConflictException($"The {year} year-end run {id} was neither stored nor found.");
        if (request.State == YearEndState.Queued) await queue.EnqueueYearEndAsync(new YearEndMessage(year, id), cancellationToken: cancellationToken);
        return request;
    }

    /// <summary>Where the run stands, for the district office; 404 when there is no such run.</summary>
    public virtual async Task<YearEndRequest> StatusAsync(int year, string id, Caller caller, CancellationToken cancellationToken = default)
    {
        await access.DemandAsync(caller, ReportAction.DistrictYear, null, cancellationToken);
        return (YearEndRequest.IsId(id) ? await requests.GetAsync(year, id, cancellationToken) : null)
            ?? throw ReportingException.NotFound(RefusalCode.YearEndRunNotFound, year, id);
    }

    /// <summary>
    /// The queue's step: compiles once, however often the message comes. Returns the request as this call left it, or
    /// null when there was nothing to do here: no such request, finished, or held by another worker (then the message is
    /// queued again to look once more after a while, so a worker that died holding it is taken over).
    /// </summary>
    public virtual async Task<YearEndRequest?> RunAsync(YearEndMessage message, CancellationToken cancellationToken = default)
    {
        var request = await requests.GetAsync(message.Year, message.RequestId, cancellationToken);
        var now = clock.GetUtcNow();
        if (request is null || request.IsFinished) return null;
        var claimed = request.State == YearEndState.Running && request.HeldAt + HoldLifetime > now
            ? null
            : await requests.TrySaveAsync(request with { State = YearEndState.Running, StartedAt = now, HeldAt = now, Attempts = request.Attempts + 1 },
                cancellationToken);
        if (claimed is null)
        {
            await queue.EnqueueYearEndAsync(message, HoldLifetime / 3, cancellationToken);
            return null;
        }
        var held = new Hold(claimed);
        using var holding = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var renewing = RenewWhileRunningAsync(held, holding.Token);
        YearEndResult result;
        try
        {
            result = await run.RunAsync(message.Year, new Caller(request.RequestedBy, request.RequestedByName), cancellationToken);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            await StopAsync(holding, renewing);
            var error = $"{e.GetType().Name}: {e.Message}";
            var spent = claimed.Attempts >= MaxAttempts;
            // Back to queued for the queue's next delivery, or failed once the attempts are spent; then the queue sees the failure.
            await FinishAsync(held.Request, r => r with
            {
                State = spent ? YearEndState.Failed : YearEndState.Queued,
                FinishedAt = spent ? clock.GetUtcNow() : null,
                HeldAt = null,
                Error = error.Length <= 500 ? error : error[..500],
            });
            throw;
        }
        await StopAsync(holding, renewing);
        if (result.Outcome == "in-progress")
        {
            // Another run holds the volume's claim (the timer's, or one that died and whose claim has not lapsed yet): this
            // run waits in the queue and looks again, rather than ending without a volume; the wait is no failed attempt.
            var waiting = await FinishAsync(held.Request, r => r with { State = YearEndState.Queued, HeldAt = null, Attempts = r.Attempts - 1 });
            await queue.EnqueueYearEndAsync(message, HoldLifetime / 3, CancellationToken.None);
            return waiting;
        }
        return await FinishAsync(held.Request, r => r with
        {
            State = YearEndState.Done,
            FinishedAt = clock.GetUtcNow(),
            HeldAt = null,
            Outcome = result.Outcome,
            VolumeVersion = result.VolumeVersion,
            PageCount = result.PageCount,
            AssembledNow = result.AssembledNow,
            ElapsedMilliseconds = Math.Round(result.ElapsedMilliseconds, 1),
            Error = null,
        });
    }

    /// <summary>Renews the hold every third of its lifetime until stopped; a storage blip is tried again at the next turn.</summary>
    private async Task RenewWhileRunningAsync(Hold held, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(HoldLifetime / 3, clock, stop);
                // Null: another worker took it over (this one stalled past its hold); the ledger's claim still keeps the volume single.
                if (await requests.TrySaveAsync(held.Request with { HeldAt = clock.GetUtcNow() }, stop) is not { } renewed) return;
                held.Request = renewed;
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is TemporarilyUnavailableException or ConcurrencyConflictException)
            {
                // The hold has two more renewals of slack.
            }
        }
    }

    private static async Task StopAsync(CancellationTokenSource holding, Task renewing)
    {
        await holding.CancelAsync();
        await renewing;
    }

    /// <summary>
    /// Records how the run ended, under the hold's ETag; when a renewal cut short by the stop changed the row after all, the
    /// row is read again and written if it is still this run's (the same start).
    /// </summary>
    private async Task<YearEndRequest?> FinishAsync(YearEndRequest held, Func<YearEndRequest, YearEndRequest> finished)
    {
        var current = held;
        for (var attempt = 0; attempt < 3; attempt++)
        {
            if (await requests.TrySaveAsync(finished(current), CancellationToken.None) is { } saved) return saved;
            var stored = await requests.GetAsync(held.Year, held.Id, CancellationToken.None);
            if (stored is null || stored.IsFinished || stored.StartedAt != held.StartedAt) return stored;
            current = stored;
        }
        return null;
    }

    /// <summary>The request as the running worker last wrote it (its ETag moves with each renewal).</summary>
    private sealed class Hold(YearEndRequest request)
    {
        public YearEndRequest Request { get; set; } = request;
    }
}
