namespace Reporting.Core.Publication;

/// <summary>
/// Why one report's reviewed PDF version is not what a publish would publish: <see cref="Reviewed"/> (null: the department was
/// not in the review's list) against <see cref="Newest"/> (null: no PDF to publish, none assembled or it was withdrawn).
/// </summary>
public sealed record VersionMismatch(string DepartmentName, int? Reviewed, int? Newest);
