namespace Reporting.Core.Workflow;

/// <summary>An approver's decision on one draft version, as raw request fields. The reviewer is the signed-in caller.</summary>
public sealed record ReviewDraftCommand(string? Year, string? Department, string? Section, string? Version, string? Decision, string? Comment);

/// <summary>What a decision did: the reviewed draft and, when it completed the report, the PDF version queued.</summary>
public sealed record ReviewOutcome(Drafts.Draft Draft, bool AssemblyQueued, int? PdfVersion, IReadOnlyList<string> MissingSections);
