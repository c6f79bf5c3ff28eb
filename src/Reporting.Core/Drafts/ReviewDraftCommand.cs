using Reporting.Core.Reports;
using Reporting.Core.Templates;

namespace Reporting.Core.Drafts;

/// <summary>
/// An approver's decision on one draft version, already read from the request by the app layer (which refuses malformed
/// fields itself). The reviewer is the signed-in caller. <see cref="Date"/> (optional, approvals only) is the 成文日期 to print
/// when this approval completes the report.
/// </summary>
public sealed record ReviewDraftCommand(ReportKey Key, ReportSection Section, int Version, DraftDecision Decision, string? Comment,
    DateOnly? Date = null);

/// <summary>
/// What a decision did: the reviewed draft and, when it completed the round, the PDF version queued; otherwise the
/// required parts without an approved version and the parts whose newer draft awaits its decision.
/// </summary>
public sealed record ReviewOutcome(Drafts.Draft Draft, bool AssemblyQueued, int? PdfVersion, IReadOnlyList<string> MissingSections,
    IReadOnlyList<string>? AwaitingReview = null);
