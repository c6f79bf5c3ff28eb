using Reporting.Core.Access;
using Reporting.Core.Reports;

namespace Reporting.Core.Drafts;

/// <summary>
/// One submitted version of one part. Its text never changes once stored; only the review
/// (status, reviewer, comment, time) is written later, once. Author and reviewer are the signed-in people:
/// their display names as the identity gave them, and their ids (four-eyes compares ids, never names).
/// <see cref="AuthorEmail"/> is the author's address as the identity gave it at submission (where a rejection is sent).
/// A version withdrawn by its author before a decision keeps its text and place in the history; <see cref="WithdrawnAt"/> says when.
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
    string? ETag = null,
    string? AuthorId = null,
    string? ReviewerId = null,
    string? AuthorEmail = null,
    DateTimeOffset? WithdrawnAt = null)
{
    public Draft Review(DraftDecision decision, Caller reviewer, string? comment, DateTimeOffset at) => this with
    {
        Status = decision == DraftDecision.Approve ? DraftStatus.Approved : DraftStatus.Rejected,
        Reviewer = reviewer.Name,
        ReviewerId = reviewer.Id,
        ReviewComment = comment,
        ReviewedAt = at,
    };

    /// <summary>The version taken back by its author: it no longer awaits a decision, and none can be made on it.</summary>
    public Draft Withdraw(DateTimeOffset at) => this with { Status = DraftStatus.Withdrawn, WithdrawnAt = at };
}
