namespace Reporting.Core.Reports;

/// <summary>The version of a part that currently stands approved.</summary>
public sealed record ApprovedPart(string Section, int Version, string Reviewer, DateTimeOffset ApprovedAt);
