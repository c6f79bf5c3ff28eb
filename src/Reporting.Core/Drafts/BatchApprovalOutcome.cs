using Reporting.Core.Errors;

namespace Reporting.Core.Drafts;

/// <summary>What a 批量审核 did: the drafts approved (each as a single decision would say) and those refused, each with its reason.</summary>
public sealed record BatchApprovalOutcome(IReadOnlyList<ReviewOutcome> Approved, IReadOnlyList<BatchApprovalRefusal> Refused);

/// <summary>A draft of the batch left undecided, and why (four-eyes, superseded, decided meanwhile…).</summary>
public sealed record BatchApprovalRefusal(string Section, int Version, ReportingException Reason);
