using Reporting.Core.Access;
using Reporting.Core.Audit;
using Reporting.Core.Errors;
using Reporting.Core.Notices;
using Reporting.Core.Queues;
using Reporting.Core.Reports;

namespace Reporting.Core.Drafts;

/// <summary>Approves or rejects a draft; when the approvals complete the report, queues its assembly.</summary>
public class DraftReview(
    AccessControl access,
    IDraftRepository drafts,
    IReportRepository reports,
    IWorkQueue queue,
    RejectionNotifier rejections,
    ApprovalNotifier approvals,
    IAuditLog audit,
    ReportingOptions options,
    TimeProvider clock)
{
    public const int MaxCommentLength = 2000;

    public virtual async Task<ReviewOutcome> DecideAsync(ReviewDraftCommand command, Caller caller, CancellationToken cancellationToken = default)
    {
        var (key, section, version, decision) = (command.Key, command.Section, command.Version, command.Decision);
        await access.DemandAsync(caller, ReportAction.ReviewDraft, key.Department, cancellationToken);
        var errors = new ValidationErrors();
        // The author has to know what to change: a rejection without a reason would only bounce back.
        if (decision == DraftDecision.Reject && string.IsNullOrWhiteSpace(command.Comment))
            errors.Add("comment", RefusalCode.RejectionNeedsComment);
        if (command.Comment is { Length: > MaxCommentLength }) errors.Add("comment", RefusalCode.CommentTooLong, MaxCommentLength);
        ShortText.Validate("comment", command.Comment, errors, lineBreaks: true);
        var dated = FinalApprovalDate.Check(command.Date, decision, key.Year, Today(), errors);
        errors.ThrowIfAny();

        var draft = await drafts.GetAsync(key, section.Key, version, cancellationToken)
            ?? throw ReportingException.NotFound(RefusalCode.DraftVersionNotFound, key.Year, key.Department, section.Key, version);
        AccessControl.DemandFourEyes(caller, draft.AuthorId);
        // The author took it back: nothing to decide, and nothing is changed.
        if (draft.Status == DraftStatus.Withdrawn) throw ReportingException.Conflict(RefusalCode.DraftWithdrawn, version, draft.WithdrawnAt);
        var newest = (await drafts.ListAsync(key, cancellationToken)).Where(d => d.Section == section.Key).Max(d => d.Version);
        if (newest > version)
            throw ReportingException.Conflict(RefusalCode.DraftVersionSuperseded, version, newest);
        if (draft.Status == DraftStatus.Rejected)
        {
            // A repeated rejection (a retried request) re-queues a 退回通知 a crash may have left unsent; the outbox sends it once.
            if (decision == DraftDecision.Reject) await rejections.QueueAsync(draft, decidedNow: false, cancellationToken);
            throw ReportingException.Conflict(RefusalCode.DraftAlreadyRejected, version, draft.ReviewedAt);
        }
        if (draft.Status == DraftStatus.Approved && decision == DraftDecision.Reject)
            throw ReportingException.Conflict(RefusalCode.DraftAlreadyApproved, version);
        // A repeated approval (a retried request) re-queues the author's notice a crash may have left unsent; the outbox sends it once.
        if (draft.Status == DraftStatus.Approved) await approvals.QueueAsync(draft, cancellationToken);

        var now = clock.GetUtcNow();
        if (draft.Status == DraftStatus.Submitted)
        {
            var decidedHere = true;
            try
            {
                draft = await drafts.SaveReviewAsync(draft.Review(decision, caller, command.Comment?.Trim(), now), cancellationToken);
            }
            catch (ConcurrencyConflictException)
            {
                var stored = await drafts.GetAsync(key, section.Key, version, cancellationToken);
                // Withdrawn by its author while the approver read it.
                if (stored is { Status: DraftStatus.Withdrawn }) throw ReportingException.Conflict(RefusalCode.DraftWithdrawn, version, stored.WithdrawnAt);
                // The same decision by the same approver, posted twice at once (a double click): the other post made it, and this
                // one answers as a repeat does, folding it into the report below. Decided otherwise or by another approver: refused.
                if (stored is null || stored.ReviewerId != caller.Id || stored.Status != DecidedStatus(decision))
                    throw ReportingException.Conflict(RefusalCode.DraftReviewedMeanwhile);
                (draft, decidedHere) = (stored, false);
            }
            if (decidedHere) await RecordDecisionAsync(draft, command, caller, now, dated, cancellationToken);
        }
        // The draft's own decision is stored; now fold it into the report. A repeat of the same decision (the
        // caller retried) lands here too and re-sends any assembly a crash left unsent. A rejection is folded as
        // well: a round that waited for this newer draft goes ahead with the part's approved version.
        // The drafts are read after the report and every decision writes the report under its ETag (a rejection too,
        // even unchanged): of two racing decisions the one that saves last has read the other's report write and
        // both drafts' decisions, so one of them always sees the round complete.
        var approvedAt = draft.ReviewedAt ?? now;
        var (report, due, awaiting) = await Retry.OnConflictAsync(options.MaxConcurrencyRetries, async () =>
        {
            var current = await reports.GetAsync(key, cancellationToken);
            var awaiting = AwaitedDraft.Find(current, await drafts.ListAsync(key, cancellationToken));
            var request = draft.Status == DraftStatus.Approved
                ? current.Approve(section.Key, version, draft.Reviewer ?? caller.Name, approvedAt, awaiting, dated)
                : current.RequestAssemblyIfDue(now, awaiting);
            await reports.SaveAsync(current, cancellationToken);
            return (current, request, awaiting.Where(a => a.Version > (current.ApprovedVersion(a.Section) ?? 0)).Select(a => a.Section).ToList());
        }, cancellationToken);

        foreach (var pending in report.PendingAssemblies)
            await queue.EnqueueAssemblyAsync(new AssemblyMessage(key.Year, key.Department, pending.Version), cancellationToken);
        return new ReviewOutcome(draft, due is not null, due?.Version, report.MissingSections.ToList(), awaiting);
    }

    /// <summary>What deciding the draft here leaves: the trail's entry and the notice to its author.</summary>
    private async Task RecordDecisionAsync(Draft draft, ReviewDraftCommand command, Caller caller, DateTimeOffset now, DateOnly? dated,
        CancellationToken cancellationToken)
    {
        await audit.RecordAsync(new AuditEntry(command.Key.ToString(), command.Decision == DraftDecision.Approve ? "draft.approved" : "draft.rejected",
            caller, now, $"{command.Section.Key} v{command.Version}: {command.Comment}" + (dated is { } d ? $" (dated {d:yyyy-MM-dd})" : "")),
            cancellationToken);
        if (draft.Status == DraftStatus.Rejected) await rejections.QueueAsync(draft, decidedNow: true, cancellationToken);
        if (draft.Status == DraftStatus.Approved) await approvals.QueueAsync(draft, cancellationToken);
    }

    private static DraftStatus DecidedStatus(DraftDecision decision) => decision == DraftDecision.Approve ? DraftStatus.Approved : DraftStatus.Rejected;

    private DateOnly Today() => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), options.ResolveTimeZone()).DateTime);
}
