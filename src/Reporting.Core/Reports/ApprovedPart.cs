namespace Reporting.Core.Reports;

/// <summary>
/// The version of a part that currently stands approved. <see cref="Dated"/> is the 成文日期 the approver set with this
/// approval (null: the Beijing date of <see cref="ApprovedAt"/>); it counts when this is the round's last approval.
/// </summary>
public sealed record ApprovedPart(string Section, int Version, string Reviewer, DateTimeOffset ApprovedAt, DateOnly? Dated = null);
