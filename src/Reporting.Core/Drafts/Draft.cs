using Reporting.Core.Reports;

namespace Reporting.Core.Drafts;

/// <summary>
/// One submitted version of one part. Its text never changes once stored; only the review
/// (status, reviewer, comment, time) is written later, once.
/// </summary>
public sealed record Draft(
    ReportKey Report,
    string Section,
    int Version,
    string Author,
    string Body,
    DateTimeOffset SubmittedAt,
    DraftStatus Status = DraftStatus.Submitted,
    string? Reviewer = null,
    string? ReviewComment = null,
    DateTimeOffset? ReviewedAt = null,
    string? ETag = null)
{
    public Draft Review(DraftDecision decision, string reviewer, string? comment, DateTimeOffset at) => this with
    {
        Status = decision == DraftDecision.Approve ? DraftStatus.Approved : DraftStatus.Rejected,
        Reviewer = reviewer,
        ReviewComment = comment,
        ReviewedAt = at,
    };
}
