using Reporting.Core.Access;
using Reporting.Core.Errors;

namespace Reporting.Core.Drafts;

/// <summary>
/// 批量审核: approves several drafts of one report with one comment, each exactly as on its own (<see cref="DraftReview"/>:
/// four-eyes, only the newest version, a repeat answering the same), so a repeated post changes nothing. The report
/// assembles once: while any part's newer draft awaits its decision the round waits for it, so only the batch's last
/// approval can complete it. A draft refused (the approver wrote it, a newer version came, another approver decided
/// it first) leaves the others approved and is reported with its reason; a caller who may not review at all, or a
/// comment that is refused, changes nothing.
/// </summary>
public class BatchApproval(AccessControl access, DraftReview review)
{
    public virtual async Task<BatchApprovalOutcome> ApproveAsync(BatchApprovalCommand command, Caller caller, CancellationToken cancellationToken = default)
    {
        await access.DemandAsync(caller, ReportAction.ReviewDraft, command.Key.Department, cancellationToken);
        var approved = new List<ReviewOutcome>();
        var refused = new List<BatchApprovalRefusal>();
        foreach (var (section, version) in command.Drafts.OrderBy(d => d.Section.Order))
        {
            try
            {
                approved.Add(await review.DecideAsync(
                    new ReviewDraftCommand(command.Key, section, version, DraftDecision.Approve, command.Comment), caller, cancellationToken));
            }
            catch (ReportingException refusal) when (refusal.Kind is ProblemKind.Forbidden or ProblemKind.Conflict or ProblemKind.NotFound)
            {
                refused.Add(new BatchApprovalRefusal(section.Key, version, refusal));
            }
        }
        return new BatchApprovalOutcome(approved, refused);
    }
}
