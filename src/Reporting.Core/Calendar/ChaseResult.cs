namespace Reporting.Core.Calendar;

/// <summary>What a 催报 request did, and the department's last 催报 as it stands after it (null when it was never chased).</summary>
public sealed record ChaseResult(ChaseOutcome Outcome, ChaseRecord? Last);
