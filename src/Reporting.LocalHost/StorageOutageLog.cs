using Microsoft.Extensions.Logging;

namespace Reporting.LocalHost;

/// <summary>
/// Decides what one poller (a queue listener, a timer) says while storage fails, so an outage does not bury everything
/// else the host prints: the first failure of an outage is logged with its reason and its stack trace; each further
/// failure in the outage's first minute with one line and its reason; after that one summary a minute (how many polls
/// failed, the last reason); and one line when the poller succeeds again. Without this, Azurite stopping printed a
/// warning with a full stack trace several times a second (260 in a minute, 7,740 stack frames in 45 s).
/// </summary>
public sealed class StorageOutageLog(string poller, ILogger logger, TimeProvider clock)
{
    /// <summary>How long every failed poll gets its own line, and how often a summary is said after that.</summary>
    public static readonly TimeSpan SummaryEvery = TimeSpan.FromMinutes(1);

    private readonly Lock _gate = new();
    private DateTimeOffset? _since;
    private DateTimeOffset _lastSummary;
    private int _failures;
    private int _failuresSinceSummary;

    /// <summary>Whether the last poll failed (and none has succeeded since).</summary>
    public bool InOutage
    {
        get { lock (_gate) return _since is not null; }
    }

    public void Failed(Exception error)
    {
        var reason = Reason(error);
        var now = clock.GetUtcNow();
        lock (_gate)
        {
            _failures++;
            _failuresSinceSummary++;
            if (_since is not { } since)
            {
                _since = now;
                _lastSummary = now;
                _failuresSinceSummary = 0;
                logger.LogWarning(error, "{Poller} failed: {Reason}. Retrying; the stack trace is shown once per outage, further failures one line each "
                    + "for a minute, then a summary a minute until storage answers", poller, reason);
            }
            else if (now - since < SummaryEvery)
            {
                logger.LogWarning("{Poller} failed again: {Reason}", poller, reason);
            }
            else if (now - _lastSummary >= SummaryEvery)
            {
                logger.LogWarning(
                    "{Poller} still failing since {Since:HH:mm:ss}: {Count} failed polls in the last {Minutes:0} min, {Total} in all; last: {Reason}",
                        poller, since.ToLocalTime(), _failuresSinceSummary, (now - _lastSummary).TotalMinutes, _failures, reason);
                _lastSummary = now;
                _failuresSinceSummary = 0;
            }
        }
    }

    public void Succeeded()
    {
        lock (_gate)
        {
            if (_since is not { } since) return;
            var seconds = (clock.GetUtcNow() - since).TotalSeconds;
            logger.LogInformation("{Poller} works again after {Seconds:0} s ({Count} failed polls)", poller, seconds, _failures);
            _since = null;
            _failures = 0;
            _failuresSinceSummary = 0;
        }
    }

    /// <summary>
    /// The innermost cause on one line: the SDK wraps its retries in an AggregateException whose message repeats every
    /// try, and a refused connection sits two levels down ("Connection refused (127.0.0.1:10001)").
    /// </summary>
    public static string Reason(Exception error)
    {
        var inner = error;
        while (true)
        {
            if (inner is AggregateException { InnerExceptions.Count: > 0 } many) inner = many.InnerExceptions[^1];
            else if (inner.InnerException is { } next) inner = next;
            else break;
        }
        var line = inner.Message.Split('\n', 2)[0].Trim();
        var text = inner == error ? line : $"{line} ({inner.GetType().Name})";
        return text.Length <= 200 ? text : text[..200] + "…";
    }
}
