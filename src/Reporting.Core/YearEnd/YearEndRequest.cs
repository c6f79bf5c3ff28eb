namespace Reporting.Core.YearEnd;

/// <summary>
/// One year-end run asked for by a person (立即汇编): queued at once and compiled by the year-end queue's step, so the
/// request that asked answers without waiting for a compilation that takes seconds to minutes. <paramref name="Id"/> is
/// the asking form's one-time id (or a fresh one for an API call), so a repeated post finds the run it already queued.
/// Writes are guarded by <see cref="ETag"/>.
/// </summary>
public sealed record YearEndRequest(int Year, string Id, string RequestedBy, string RequestedByName, DateTimeOffset RequestedAt)
{
    public YearEndState State { get; init; } = YearEndState.Queued;

    public DateTimeOffset? StartedAt { get; init; }

    /// <summary>When the worker running it last renewed its hold (see <c>QueuedYearEnd.HoldLifetime</c>).</summary>
    public DateTimeOffset? HeldAt { get; init; }

    public DateTimeOffset? FinishedAt { get; init; }

    /// <summary>How many times a worker took it up (a failed attempt is retried by the queue).</summary>
    public int Attempts { get; init; }

    /// <summary>What the run did (<see cref="YearEndResult.Outcome"/>) once done.</summary>
    public string? Outcome { get; init; }

    public int? VolumeVersion { get; init; }

    public int? PageCount { get; init; }

    public IReadOnlyList<string> AssembledNow { get; init; } = [];

    public double? ElapsedMilliseconds { get; init; }

    /// <summary>The last attempt's failure, for the log and the operator (never shown to people as is).</summary>
    public string? Error { get; init; }

    public string? ETag { get; init; }

    /// <summary>Ids are hex or letters and digits: nothing that needs escaping in a table key or a URL.</summary>
    public static bool IsId(string? value) => value is { Length: > 0 and <= 64 } && value.All(char.IsAsciiLetterOrDigit);

    public bool IsFinished => State is YearEndState.Done or YearEndState.Failed;
}
