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
public class QueuedYearEnd(YearEndRun run, IYearEndRequestRepository requests, IWorkQueue queue, AccessControl access, TimeProvider clock)
{
    /// <summary>Attempts before a run is given up as failed (the queue's own dequeue limit is the same).</summary>
    public const int MaxAttempts = 5;

    /// <summary>
    /// How long a worker's hold on a running request keeps duplicates off: the longest a function may run. A worker that
    /// died holding it is taken over after this by the queue's next delivery of the message.
    /// </summary>
    public static readonly TimeSpan RunLease = TimeSpan.FromMinutes(10);

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
        if (request.State == YearEndState.Queued) await queue.EnqueueYearEndAsync(new YearEndMessage(year, id), cancellationToken);
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
    /// null when there was nothing to do (no such request, finished, or held by another worker).
    /// </summary>
    public virtual async Task<YearEndRequest?> RunAsync(YearEndMessage message, CancellationToken cancellationToken = default)
    {
        var request = await requests.GetAsync(message.Year, message.RequestId, cancellationToken);
        var now = clock.GetUtcNow();
        if (request is null || request.IsFinished) return null;
        if (request.State == YearEndState.Running && request.StartedAt + RunLease > now) return null;
        var claimed = await requests.TrySaveAsync(request with { State = YearEndState.Running, StartedAt = now, Attempts = request.Attempts + 1 },
            cancellationToken);
        if (claimed is null) return null;
        YearEndResult result;
        try
        {
            result = await run.RunAsync(message.Year, new Caller(request.RequestedBy, request.RequestedByName), cancellationToken);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            var error = $"{e.GetType().Name}: {e.Message}";
            // Back to queued for the queue's next delivery, or failed once the attempts are spent; then the queue sees the failure.
            var failed = claimed with
            {
                State = claimed.Attempts >= MaxAttempts ? YearEndState.Failed : YearEndState.Queued,
                FinishedAt = claimed.Attempts >= MaxAttempts ? clock.GetUtcNow() : null,
                Error = error.Length <= 500 ? error : error[..500],
            };
            await requests.TrySaveAsync(failed, CancellationToken.None);
            throw;
        }
        return await requests.TrySaveAsync(claimed with
        {
            State = YearEndState.Done,
            FinishedAt = clock.GetUtcNow(),
            Outcome = result.Outcome,
            VolumeVersion = result.VolumeVersion,
            PageCount = result.PageCount,
            AssembledNow = result.AssembledNow,
            ElapsedMilliseconds = Math.Round(result.ElapsedMilliseconds, 1),
            Error = null,
        }, CancellationToken.None);
    }
}
