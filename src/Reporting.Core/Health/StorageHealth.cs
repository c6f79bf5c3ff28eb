namespace Reporting.Core.Health;

/// <summary>
/// What a health probe found: whether storage answered, how many messages wait in each poison queue, and when each
/// timer last completed a run (null: never, as far as storage remembers). Counts and runs are empty when storage did not answer.
/// </summary>
public sealed record StorageHealth(
    bool Reachable,
    IReadOnlyDictionary<string, int> PoisonMessages,
    IReadOnlyDictionary<string, DateTimeOffset?> TimerLastRuns)
{
    public static StorageHealth Unreachable { get; } = new(false, new Dictionary<string, int>(), new Dictionary<string, DateTimeOffset?>());
}
