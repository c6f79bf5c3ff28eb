namespace Reporting.Core.Queues;

/// <summary>Compile the year's volume for the queued run <paramref name="RequestId"/> (see <c>QueuedYearEnd</c>).</summary>
public sealed record YearEndMessage(int Year, string RequestId);
