namespace Reporting.Core.Workflow;

/// <summary>
/// An approver's decision on one draft version, as raw request fields. The reviewer is the signed-in caller. <see cref="Date"/>
/// (yyyy-MM-dd, optional, approvals only) is the 成文日期 to print when this approval completes the report.
/// </summary>
public sealed record ReviewDraftCommand(string? Year, string? Department, string? Section, string? Version, string? Decision, string? Comment,
    string? Date = null);

/// <summary>
/// What a decision did: the reviewed draft and, when it completed the round, the PDF version queued; otherwise the
/// required parts without an approved version and the parts whose newer draft awaits its decision.
/// </summary>
public sealed record ReviewOutcome(Drafts.Draft Draft, bool AssemblyQueued, int? PdfVersion, IReadOnlyList<string> MissingSections, IReadOnlyList<string>? AwaitingReview = null);
