namespace Reporting.Core.Calendar;

/// <summary>
/// What 全部催报 did: the departments chased by this form (now, or by an earlier post of the same form), those skipped
/// because someone chased them earlier the same day, in the directory's order. Finished departments are not chased.
/// </summary>
public sealed record ChaseAllResult(IReadOnlyList<string> Chased, IReadOnlyList<string> SkippedToday);
